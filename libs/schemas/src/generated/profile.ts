// Generated from libs/schemas/avro/profile.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type Profile = IoC360.Profile;

export namespace IoC360 {
  export const ProfileSchema =
    '{"type":"record","name":"Profile","namespace":"io.c360","doc":"The current golden record of a unified profile. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone. Owner: resolver.","fields":[{"name":"profileId","type":"string","doc":"Stable profile id. PII: pseudonymous."},{"name":"emails","type":{"type":"array","items":"string"},"default":[],"doc":"All known normalised emails. PII: direct identifier."},{"name":"phones","type":{"type":"array","items":"string"},"default":[],"doc":"All known phones in E.164. PII: direct identifier."},{"name":"sourceRecords","type":{"type":"array","items":"string"},"default":[],"doc":"Source records of the profile as source:sourceRecordId. PII: pseudonymous."},{"name":"aliases","type":{"type":"array","items":"string"},"default":[],"doc":"Absorbed profile ids that resolve to this profile. PII: pseudonymous."},{"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When the profile last changed, UTC epoch milliseconds. PII: none."}]}';
  export const ProfileName = 'io.c360.Profile';
  /**
   * The current golden record of a unified profile. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone. Owner: resolver.
   */
  export interface Profile {
    /**
     * Stable profile id. PII: pseudonymous.
     */
    profileId: string;
    /**
     * All known normalised emails. PII: direct identifier.
     *
     * Default: []
     */
    emails: string[];
    /**
     * All known phones in E.164. PII: direct identifier.
     *
     * Default: []
     */
    phones: string[];
    /**
     * Source records of the profile as source:sourceRecordId. PII: pseudonymous.
     *
     * Default: []
     */
    sourceRecords: string[];
    /**
     * Absorbed profile ids that resolve to this profile. PII: pseudonymous.
     *
     * Default: []
     */
    aliases: string[];
    /**
     * When the profile last changed, UTC epoch milliseconds. PII: none.
     */
    updatedAt: number;
  }
}

export const ProfileSchema = {
  type: 'record',
  name: 'Profile',
  namespace: 'io.c360',
  doc: 'The current golden record of a unified profile. Compacted topic c360.profiles keyed by profile id; an absorbed profile id gets a tombstone. Owner: resolver.',
  fields: [
    { name: 'profileId', type: 'string', doc: 'Stable profile id. PII: pseudonymous.' },
    {
      name: 'emails',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'All known normalised emails. PII: direct identifier.',
    },
    {
      name: 'phones',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'All known phones in E.164. PII: direct identifier.',
    },
    {
      name: 'sourceRecords',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'Source records of the profile as source:sourceRecordId. PII: pseudonymous.',
    },
    {
      name: 'aliases',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'Absorbed profile ids that resolve to this profile. PII: pseudonymous.',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the profile last changed, UTC epoch milliseconds. PII: none.',
    },
  ],
} as const;
