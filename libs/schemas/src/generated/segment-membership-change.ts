// Generated from libs/schemas/avro/segment-membership-change.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type SegmentMembershipChange = IoC360.SegmentMembershipChange;

export namespace IoC360 {
  export const MembershipChangeSchema =
    '{"type":"enum","name":"MembershipChange","symbols":["ENTERED","EXITED"]}';
  export const MembershipChangeName = 'io.c360.MembershipChange';
  export type MembershipChange = 'ENTERED' | 'EXITED';
  export const SegmentMembershipChangeSchema =
    '{"type":"record","name":"SegmentMembershipChange","namespace":"io.c360","doc":"A profile entered or exited a segment. One topic per segment, c360.segment.<segment-id>, keyed by profile id. Owner: activation.","fields":[{"name":"changeId","type":"string","doc":"Deterministic id of the change, so consumers can drop duplicates. PII: none."},{"name":"segmentId","type":"string","doc":"The segment. PII: none."},{"name":"profileId","type":"string","doc":"The profile. PII: pseudonymous."},{"name":"change","type":{"type":"enum","name":"MembershipChange","symbols":["ENTERED","EXITED"]},"doc":"Direction of the change. PII: none."},{"name":"reason","type":"string","doc":"Why: the segment expression and the values it was evaluated on. PII: none."},{"name":"triggerEventId","type":["null","string"],"default":null,"doc":"The event that caused the change. PII: none."},{"name":"triggerIngestedAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"doc":"When the triggering event entered c360, for end-to-end latency. PII: none."},{"name":"evaluatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When membership was evaluated, UTC epoch milliseconds. PII: none."}]}';
  export const SegmentMembershipChangeName = 'io.c360.SegmentMembershipChange';
  /**
   * A profile entered or exited a segment. One topic per segment, c360.segment.<segment-id>, keyed by profile id. Owner: activation.
   */
  export interface SegmentMembershipChange {
    /**
     * Deterministic id of the change, so consumers can drop duplicates. PII: none.
     */
    changeId: string;
    /**
     * The segment. PII: none.
     */
    segmentId: string;
    /**
     * The profile. PII: pseudonymous.
     */
    profileId: string;
    /**
     * Direction of the change. PII: none.
     */
    change: IoC360.MembershipChange;
    /**
     * Why: the segment expression and the values it was evaluated on. PII: none.
     */
    reason: string;
    /**
     * The event that caused the change. PII: none.
     *
     * Default: null
     */
    triggerEventId: null | string;
    /**
     * When the triggering event entered c360, for end-to-end latency. PII: none.
     *
     * Default: null
     */
    triggerIngestedAt: null | number;
    /**
     * When membership was evaluated, UTC epoch milliseconds. PII: none.
     */
    evaluatedAt: number;
  }
}

export const SegmentMembershipChangeSchema = {
  type: 'record',
  name: 'SegmentMembershipChange',
  namespace: 'io.c360',
  doc: 'A profile entered or exited a segment. One topic per segment, c360.segment.<segment-id>, keyed by profile id. Owner: activation.',
  fields: [
    {
      name: 'changeId',
      type: 'string',
      doc: 'Deterministic id of the change, so consumers can drop duplicates. PII: none.',
    },
    { name: 'segmentId', type: 'string', doc: 'The segment. PII: none.' },
    { name: 'profileId', type: 'string', doc: 'The profile. PII: pseudonymous.' },
    {
      name: 'change',
      type: { type: 'enum', name: 'MembershipChange', symbols: ['ENTERED', 'EXITED'] },
      doc: 'Direction of the change. PII: none.',
    },
    {
      name: 'reason',
      type: 'string',
      doc: 'Why: the segment expression and the values it was evaluated on. PII: none.',
    },
    {
      name: 'triggerEventId',
      type: ['null', 'string'],
      default: null,
      doc: 'The event that caused the change. PII: none.',
    },
    {
      name: 'triggerIngestedAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: 'When the triggering event entered c360, for end-to-end latency. PII: none.',
    },
    {
      name: 'evaluatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When membership was evaluated, UTC epoch milliseconds. PII: none.',
    },
  ],
} as const;
