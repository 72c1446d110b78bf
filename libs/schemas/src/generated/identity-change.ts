// Generated from libs/schemas/avro/identity-change.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type IdentityChange = IoC360.IdentityChange;

export namespace IoC360 {
  export const IdentityChangeKindSchema =
    '{"type":"enum","name":"IdentityChangeKind","symbols":["RECORD_ASSIGNED","PROFILES_MERGED","OTHER"],"default":"OTHER"}';
  export const IdentityChangeKindName = 'io.c360.IdentityChangeKind';
  export type IdentityChangeKind = 'RECORD_ASSIGNED' | 'PROFILES_MERGED' | 'OTHER';
  export const IdentityChangeSchema =
    '{"type":"record","name":"IdentityChange","namespace":"io.c360","doc":"A change to the identity graph: a source record assigned to a profile, or profiles merged. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id. Owner: resolver.","fields":[{"name":"changeId","type":"string","doc":"Deterministic id of the change, so consumers can drop duplicates. PII: none."},{"name":"kind","type":{"type":"enum","name":"IdentityChangeKind","symbols":["RECORD_ASSIGNED","PROFILES_MERGED","OTHER"],"default":"OTHER"},"doc":"What changed. PII: none."},{"name":"profileId","type":"string","doc":"The profile that exists after the change (the survivor of a merge). PII: pseudonymous."},{"name":"absorbedProfileIds","type":{"type":"array","items":"string"},"default":[],"doc":"Profiles folded into profileId by a merge; they keep resolving as aliases. PII: pseudonymous."},{"name":"source","type":["null","string"],"default":null,"doc":"Source of the record that caused the change. PII: none."},{"name":"sourceRecordId","type":["null","string"],"default":null,"doc":"Source record that caused the change. PII: pseudonymous."},{"name":"rule","type":["null","string"],"default":null,"doc":"Matching rule that linked the record, for explanation. PII: none."},{"name":"matchedValues","type":{"type":"array","items":"string"},"default":[],"doc":"Identifier values the rule matched on (type:value). PII: direct identifiers."},{"name":"causeEventId","type":["null","string"],"default":null,"doc":"The canonical event that caused the change. PII: none."},{"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When the resolver applied the change, UTC epoch milliseconds. PII: none."}]}';
  export const IdentityChangeName = 'io.c360.IdentityChange';
  /**
   * A change to the identity graph: a source record assigned to a profile, or profiles merged. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id. Owner: resolver.
   */
  export interface IdentityChange {
    /**
     * Deterministic id of the change, so consumers can drop duplicates. PII: none.
     */
    changeId: string;
    /**
     * What changed. PII: none.
     */
    kind: IoC360.IdentityChangeKind;
    /**
     * The profile that exists after the change (the survivor of a merge). PII: pseudonymous.
     */
    profileId: string;
    /**
     * Profiles folded into profileId by a merge; they keep resolving as aliases. PII: pseudonymous.
     *
     * Default: []
     */
    absorbedProfileIds: string[];
    /**
     * Source of the record that caused the change. PII: none.
     *
     * Default: null
     */
    source: null | string;
    /**
     * Source record that caused the change. PII: pseudonymous.
     *
     * Default: null
     */
    sourceRecordId: null | string;
    /**
     * Matching rule that linked the record, for explanation. PII: none.
     *
     * Default: null
     */
    rule: null | string;
    /**
     * Identifier values the rule matched on (type:value). PII: direct identifiers.
     *
     * Default: []
     */
    matchedValues: string[];
    /**
     * The canonical event that caused the change. PII: none.
     *
     * Default: null
     */
    causeEventId: null | string;
    /**
     * When the resolver applied the change, UTC epoch milliseconds. PII: none.
     */
    occurredAt: number;
  }
}

export const IdentityChangeSchema = {
  type: 'record',
  name: 'IdentityChange',
  namespace: 'io.c360',
  doc: 'A change to the identity graph: a source record assigned to a profile, or profiles merged. Produced by the resolver on c360.identity.changes, keyed by the surviving profile id. Owner: resolver.',
  fields: [
    {
      name: 'changeId',
      type: 'string',
      doc: 'Deterministic id of the change, so consumers can drop duplicates. PII: none.',
    },
    {
      name: 'kind',
      type: {
        type: 'enum',
        name: 'IdentityChangeKind',
        symbols: ['RECORD_ASSIGNED', 'PROFILES_MERGED', 'OTHER'],
        default: 'OTHER',
      },
      doc: 'What changed. PII: none.',
    },
    {
      name: 'profileId',
      type: 'string',
      doc: 'The profile that exists after the change (the survivor of a merge). PII: pseudonymous.',
    },
    {
      name: 'absorbedProfileIds',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'Profiles folded into profileId by a merge; they keep resolving as aliases. PII: pseudonymous.',
    },
    {
      name: 'source',
      type: ['null', 'string'],
      default: null,
      doc: 'Source of the record that caused the change. PII: none.',
    },
    {
      name: 'sourceRecordId',
      type: ['null', 'string'],
      default: null,
      doc: 'Source record that caused the change. PII: pseudonymous.',
    },
    {
      name: 'rule',
      type: ['null', 'string'],
      default: null,
      doc: 'Matching rule that linked the record, for explanation. PII: none.',
    },
    {
      name: 'matchedValues',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'Identifier values the rule matched on (type:value). PII: direct identifiers.',
    },
    {
      name: 'causeEventId',
      type: ['null', 'string'],
      default: null,
      doc: 'The canonical event that caused the change. PII: none.',
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the resolver applied the change, UTC epoch milliseconds. PII: none.',
    },
  ],
} as const;
