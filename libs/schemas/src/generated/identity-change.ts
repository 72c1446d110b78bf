// Generated from libs/schemas/avro/identity-change.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type IdentityChange = IoC360.IdentityChange;

export namespace IoC360 {
  export const IdentityChangeKindSchema =
    '{"type":"enum","name":"IdentityChangeKind","symbols":["RECORD_ASSIGNED","PROFILES_MERGED","OTHER"],"default":"OTHER"}';
  export const IdentityChangeKindName = 'io.c360.IdentityChangeKind';
  export type IdentityChangeKind = 'RECORD_ASSIGNED' | 'PROFILES_MERGED' | 'OTHER';
  export const IdentityChangeSchema =
    '{"type":"record","name":"IdentityChange","namespace":"io.c360","owner":"resolver","doc":"A change to the identity graph: a source record assigned to a profile, or profiles merged. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id.","fields":[{"name":"changeId","type":"string","pii":"none","doc":"Deterministic id of the change, so consumers can drop duplicates."},{"name":"kind","type":{"type":"enum","name":"IdentityChangeKind","symbols":["RECORD_ASSIGNED","PROFILES_MERGED","OTHER"],"default":"OTHER"},"pii":"none","doc":"What changed."},{"name":"profileId","type":"string","pii":"pseudonymous","doc":"The profile that exists after the change (the survivor of a merge)."},{"name":"absorbedProfileIds","type":{"type":"array","items":"string"},"default":[],"pii":"pseudonymous","doc":"Profiles folded into profileId by a merge; they keep resolving as aliases."},{"name":"source","type":["null","string"],"default":null,"pii":"none","doc":"Source of the record that caused the change."},{"name":"sourceRecordId","type":["null","string"],"default":null,"pii":"pseudonymous","doc":"Source record that caused the change."},{"name":"rule","type":["null","string"],"default":null,"pii":"none","doc":"Matching rule that linked the record, for explanation."},{"name":"matchedValues","type":{"type":"array","items":"string"},"default":[],"pii":"direct-identifier","doc":"Identifier values the rule matched on (type:value)."},{"name":"causeEventId","type":["null","string"],"default":null,"pii":"none","doc":"The canonical event that caused the change."},{"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the resolver applied the change, UTC epoch milliseconds."}]}';
  export const IdentityChangeName = 'io.c360.IdentityChange';
  /**
   * A change to the identity graph: a source record assigned to a profile, or profiles merged. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id.
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
  doc: 'A change to the identity graph: a source record assigned to a profile, or profiles merged. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id.',
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
        symbols: ['RECORD_ASSIGNED', 'PROFILES_MERGED', 'OTHER'],
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
