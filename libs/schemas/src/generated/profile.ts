// Generated from libs/schemas/avro/profile.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type Profile = IoC360.Profile;

export namespace IoC360 {
  export const ProfileSchema =
    '{"type":"record","name":"Profile","namespace":"io.c360","owner":"resolver","doc":"The current golden record of a unified profile. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone.","fields":[{"name":"profileId","type":"string","pii":"pseudonymous","doc":"Stable profile id."},{"name":"emails","type":{"type":"array","items":"string"},"default":[],"pii":"direct-identifier","doc":"All known normalised emails."},{"name":"phones","type":{"type":"array","items":"string"},"default":[],"pii":"direct-identifier","doc":"All known phones in E.164."},{"name":"sourceRecords","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"Source records of the profile as source:sourceRecordId."},{"name":"aliases","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"Absorbed profile ids that resolve to this profile."},{"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the profile last changed, UTC epoch milliseconds."}]}';
  export const ProfileName = 'io.c360.Profile';
  /**
   * The current golden record of a unified profile. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone.
   */
  export interface Profile {
    /**
     * Stable profile id.
     */
    profileId: string;
    /**
     * All known normalised emails.
     *
     * Default: []
     */
    emails: string[];
    /**
     * All known phones in E.164.
     *
     * Default: []
     */
    phones: string[];
    /**
     * Source records of the profile as source:sourceRecordId.
     *
     * Default: []
     */
    sourceRecords: string[];
    /**
     * Absorbed profile ids that resolve to this profile.
     *
     * Default: []
     */
    aliases: string[];
    /**
     * When the profile last changed, UTC epoch milliseconds.
     */
    updatedAt: number;
  }
}

export const ProfileSchema = {
  type: 'record',
  name: 'Profile',
  namespace: 'io.c360',
  owner: 'resolver',
  doc: 'The current golden record of a unified profile. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone.',
  fields: [
    { name: 'profileId', type: 'string', pii: 'pseudonymous', doc: 'Stable profile id.' },
    {
      name: 'emails',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'direct-identifier',
      doc: 'All known normalised emails.',
    },
    {
      name: 'phones',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'direct-identifier',
      doc: 'All known phones in E.164.',
    },
    {
      name: 'sourceRecords',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'pseudonymous',
      doc: 'Source records of the profile as source:sourceRecordId.',
    },
    {
      name: 'aliases',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'pseudonymous',
      doc: 'Absorbed profile ids that resolve to this profile.',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When the profile last changed, UTC epoch milliseconds.',
    },
  ],
} as const;
