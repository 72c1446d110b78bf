// Generated from libs/schemas/avro/identity-change.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type IdentityChange = IoC360.IdentityChange;

export namespace IoC360 {
  export const IdentityChangeKindSchema =
    '{"type":"enum","name":"IdentityChangeKind","symbols":["RECORD_ASSIGNED","PROFILES_MERGED","OTHER","PROFILE_SPLIT","RECORD_REMOVED","HOUSEHOLD_CHANGED"],"default":"OTHER"}';
  export const IdentityChangeKindName = 'io.c360.IdentityChangeKind';
  export type IdentityChangeKind =
    | 'RECORD_ASSIGNED'
    | 'PROFILES_MERGED'
    | 'OTHER'
    | 'PROFILE_SPLIT'
    | 'RECORD_REMOVED'
    | 'HOUSEHOLD_CHANGED';
  export const IdentityChangeSchema =
    '{"type":"record","name":"IdentityChange","namespace":"io.c360","owner":"resolver","doc":"A change to the identity graph: a source record assigned to a profile or removed from it, profiles merged, a profile split, a household changed. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id.","fields":[{"name":"changeId","type":"string","pii":"none","doc":"Deterministic id of the change, so consumers can drop duplicates."},{"name":"kind","type":{"type":"enum","name":"IdentityChangeKind","symbols":["RECORD_ASSIGNED","PROFILES_MERGED","OTHER","PROFILE_SPLIT","RECORD_REMOVED","HOUSEHOLD_CHANGED"],"default":"OTHER"},"pii":"none","doc":"What changed."},{"name":"profileId","type":"string","pii":"pseudonymous","doc":"The profile that exists after the change (the survivor of a merge)."},{"name":"absorbedProfileIds","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"Profiles folded into profileId by a merge; they keep resolving as aliases."},{"name":"source","type":["null","string"],"default":null,"pii":"none","doc":"Source of the record that caused the change."},{"name":"sourceRecordId","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"Source record that caused the change."},{"name":"rule","type":["null","string"],"default":null,"pii":"none","doc":"Matching rule that linked the record, for explanation."},{"name":"matchedValues","type":{"type":"array","items":"string"},"default":[],"pii":"direct-identifier","doc":"Identifier values the rule matched on (type:value)."},{"name":"partProfileIds","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"PROFILE_SPLIT: the new profiles that took records of profileId, which kept the largest part."},{"name":"previousProfileId","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"RECORD_ASSIGNED: the record\'s profile before (null for a new record); RECORD_REMOVED: the profile it left."},{"name":"score","type":["null","double"],"default":null,"pii":"none","doc":"RECORD_ASSIGNED: the score of the link that holds the record in its profile, 0..1."},{"name":"householdId","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"HOUSEHOLD_CHANGED: the profile\'s household now (null: none)."},{"name":"causeEventId","type":["null","string"],"default":null,"pii":"none","doc":"The canonical event that caused the change."},{"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the resolver applied the change, UTC epoch milliseconds."}]}';
  export const IdentityChangeName = 'io.c360.IdentityChange';
  /**
   * A change to the identity graph: a source record assigned to a profile or removed from it, profiles merged, a profile split, a household changed. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id.
   */
  export interface IdentityChange {
    /**
     * Deterministic id of the change, so consumers can drop duplicates.
     */
    changeId: string;
    /**
     * What changed.
     */
    kind: IoC360.IdentityChangeKind;
    /**
     * The profile that exists after the change (the survivor of a merge).
     */
    profileId: string;
    /**
     * Profiles folded into profileId by a merge; they keep resolving as aliases.
     *
     * Default: []
     */
    absorbedProfileIds: string[];
    /**
     * Source of the record that caused the change.
     *
     * Default: null
     */
    source: null | string;
    /**
     * Source record that caused the change.
     *
     * Default: null
     */
    sourceRecordId: null | string;
    /**
     * Matching rule that linked the record, for explanation.
     *
     * Default: null
     */
    rule: null | string;
    /**
     * Identifier values the rule matched on (type:value).
     *
     * Default: []
     */
    matchedValues: string[];
    /**
     * PROFILE_SPLIT: the new profiles that took records of profileId, which kept the largest part.
     *
     * Default: []
     */
    partProfileIds: string[];
    /**
     * RECORD_ASSIGNED: the record's profile before (null for a new record); RECORD_REMOVED: the profile it left.
     *
     * Default: null
     */
    previousProfileId: null | string;
    /**
     * RECORD_ASSIGNED: the score of the link that holds the record in its profile, 0..1.
     *
     * Default: null
     */
    score: null | number;
    /**
     * HOUSEHOLD_CHANGED: the profile's household now (null: none).
     *
     * Default: null
     */
    householdId: null | string;
    /**
     * The canonical event that caused the change.
     *
     * Default: null
     */
    causeEventId: null | string;
    /**
     * When the resolver applied the change, UTC epoch milliseconds.
     */
    occurredAt: number;
  }
}

export const IdentityChangeSchema = {
  type: 'record',
  name: 'IdentityChange',
  namespace: 'io.c360',
  owner: 'resolver',
  doc: 'A change to the identity graph: a source record assigned to a profile or removed from it, profiles merged, a profile split, a household changed. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id.',
  fields: [
    {
      name: 'changeId',
      type: 'string',
      pii: 'none',
      doc: 'Deterministic id of the change, so consumers can drop duplicates.',
    },
    {
      name: 'kind',
      type: {
        type: 'enum',
        name: 'IdentityChangeKind',
        symbols: [
          'RECORD_ASSIGNED',
          'PROFILES_MERGED',
          'OTHER',
          'PROFILE_SPLIT',
          'RECORD_REMOVED',
          'HOUSEHOLD_CHANGED',
        ],
        default: 'OTHER',
      },
      pii: 'none',
      doc: 'What changed.',
    },
    {
      name: 'profileId',
      type: 'string',
      pii: 'pseudonymous',
      doc: 'The profile that exists after the change (the survivor of a merge).',
    },
    {
      name: 'absorbedProfileIds',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'pseudonymous',
      doc: 'Profiles folded into profileId by a merge; they keep resolving as aliases.',
    },
    {
      name: 'source',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'Source of the record that caused the change.',
    },
    {
      name: 'sourceRecordId',
      type: ['null', 'string'],
      default: null,
      pii: 'pseudonymous',
      doc: 'Source record that caused the change.',
    },
    {
      name: 'rule',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'Matching rule that linked the record, for explanation.',
    },
    {
      name: 'matchedValues',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'direct-identifier',
      doc: 'Identifier values the rule matched on (type:value).',
    },
    {
      name: 'partProfileIds',
      type: { type: 'array', items: 'string' },
      default: [],
      pii: 'pseudonymous',
      doc: 'PROFILE_SPLIT: the new profiles that took records of profileId, which kept the largest part.',
    },
    {
      name: 'previousProfileId',
      type: ['null', 'string'],
      default: null,
      pii: 'pseudonymous',
      doc: "RECORD_ASSIGNED: the record's profile before (null for a new record); RECORD_REMOVED: the profile it left.",
    },
    {
      name: 'score',
      type: ['null', 'double'],
      default: null,
      pii: 'none',
      doc: 'RECORD_ASSIGNED: the score of the link that holds the record in its profile, 0..1.',
    },
    {
      name: 'householdId',
      type: ['null', 'string'],
      default: null,
      pii: 'pseudonymous',
      doc: "HOUSEHOLD_CHANGED: the profile's household now (null: none).",
    },
    {
      name: 'causeEventId',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'The canonical event that caused the change.',
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When the resolver applied the change, UTC epoch milliseconds.',
    },
  ],
} as const;
