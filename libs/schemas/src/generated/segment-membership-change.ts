// Generated from libs/schemas/avro/segment-membership-change.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type SegmentMembershipChange = IoC360.SegmentMembershipChange;

export namespace IoC360 {
  export const MembershipChangeSchema =
    '{"type":"enum","name":"MembershipChange","symbols":["ENTERED","EXITED"]}';
  export const MembershipChangeName = 'io.c360.MembershipChange';
  export type MembershipChange = 'ENTERED' | 'EXITED';
  export const SegmentMembershipChangeSchema =
    '{"type":"record","name":"SegmentMembershipChange","namespace":"io.c360","owner":"activation","doc":"A profile entered or exited a segment. One topic per segment, c360.segment.<segment-id>, keyed by profile id.","fields":[{"name":"changeId","type":"string","pii":"none","doc":"Deterministic id of the change, so consumers can drop duplicates."},{"name":"segmentId","type":"string","pii":"none","doc":"The segment."},{"name":"profileId","type":"string","pii":"pseudonymous","doc":"The profile."},{"name":"change","type":{"type":"enum","name":"MembershipChange","symbols":["ENTERED","EXITED"]},"pii":"none","doc":"Direction of the change."},{"name":"reason","type":"string","pii":"none","doc":"Why: the segment expression and the values it was evaluated on."},{"name":"triggerEventId","type":["null","string"],"default":null,"pii":"none","doc":"The event that caused the change."},{"name":"triggerIngestedAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"pii":"none","doc":"When the triggering event entered c360, for end-to-end latency."},{"name":"evaluatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When membership was evaluated, UTC epoch milliseconds."}]}';
  export const SegmentMembershipChangeName = 'io.c360.SegmentMembershipChange';
  /**
   * A profile entered or exited a segment. One topic per segment, c360.segment.<segment-id>, keyed by profile id.
   */
  export interface SegmentMembershipChange {
    /**
     * Deterministic id of the change, so consumers can drop duplicates.
     */
    changeId: string;
    /**
     * The segment.
     */
    segmentId: string;
    /**
     * The profile.
     */
    profileId: string;
    /**
     * Direction of the change.
     */
    change: IoC360.MembershipChange;
    /**
     * Why: the segment expression and the values it was evaluated on.
     */
    reason: string;
    /**
     * The event that caused the change.
     *
     * Default: null
     */
    triggerEventId: null | string;
    /**
     * When the triggering event entered c360, for end-to-end latency.
     *
     * Default: null
     */
    triggerIngestedAt: null | number;
    /**
     * When membership was evaluated, UTC epoch milliseconds.
     */
    evaluatedAt: number;
  }
}

export const SegmentMembershipChangeSchema = {
  type: 'record',
  name: 'SegmentMembershipChange',
  namespace: 'io.c360',
  owner: 'activation',
  doc: 'A profile entered or exited a segment. One topic per segment, c360.segment.<segment-id>, keyed by profile id.',
  fields: [
    {
      name: 'changeId',
      type: 'string',
      pii: 'none',
      doc: 'Deterministic id of the change, so consumers can drop duplicates.',
    },
    { name: 'segmentId', type: 'string', pii: 'none', doc: 'The segment.' },
    { name: 'profileId', type: 'string', pii: 'pseudonymous', doc: 'The profile.' },
    {
      name: 'change',
      type: { type: 'enum', name: 'MembershipChange', symbols: ['ENTERED', 'EXITED'] },
      pii: 'none',
      doc: 'Direction of the change.',
    },
    {
      name: 'reason',
      type: 'string',
      pii: 'none',
      doc: 'Why: the segment expression and the values it was evaluated on.',
    },
    {
      name: 'triggerEventId',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'The event that caused the change.',
    },
    {
      name: 'triggerIngestedAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      pii: 'none',
      doc: 'When the triggering event entered c360, for end-to-end latency.',
    },
    {
      name: 'evaluatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When membership was evaluated, UTC epoch milliseconds.',
    },
  ],
} as const;
