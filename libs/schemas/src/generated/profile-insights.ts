// Generated from libs/schemas/avro/profile-insights.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type ProfileInsights = IoC360.ProfileInsights;

export namespace IoC360 {
  export const ProfileInsightsSchema =
    '{"type":"record","name":"ProfileInsights","namespace":"io.c360","owner":"insights","doc":"The calculated insights of one profile. Compacted topic c360.insights keyed by profile id.","fields":[{"name":"profileId","type":"string","pii":"pseudonymous","doc":"The profile."},{"name":"reportingCurrency","type":"string","pii":"none","doc":"ISO 4217 currency of the monetary values."},{"name":"lifetimeValueMinor","type":"long","pii":"none","doc":"Sum of purchases net of returns across channels, in minor units of reportingCurrency."},{"name":"orderCount","type":"int","pii":"none","doc":"Number of distinct purchases."},{"name":"firstPurchaseAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"pii":"none","doc":"Earliest purchase, UTC epoch milliseconds."},{"name":"lastPurchaseAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"pii":"none","doc":"Latest purchase, UTC epoch milliseconds."},{"name":"causeEventId","type":["null","string"],"default":null,"pii":"none","doc":"The event whose processing produced this update."},{"name":"causeIngestedAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"pii":"none","doc":"When the causing event entered c360, for end-to-end latency."},{"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When the insights were computed, UTC epoch milliseconds."}]}';
  export const ProfileInsightsName = 'io.c360.ProfileInsights';
  /**
   * The calculated insights of one profile. Compacted topic c360.insights keyed by profile id.
   */
  export interface ProfileInsights {
    /**
     * The profile.
     */
    profileId: string;
    /**
     * ISO 4217 currency of the monetary values.
     */
    reportingCurrency: string;
    /**
     * Sum of purchases net of returns across channels, in minor units of reportingCurrency.
     */
    lifetimeValueMinor: number;
    /**
     * Number of distinct purchases.
     */
    orderCount: number;
    /**
     * Earliest purchase, UTC epoch milliseconds.
     *
     * Default: null
     */
    firstPurchaseAt: null | number;
    /**
     * Latest purchase, UTC epoch milliseconds.
     *
     * Default: null
     */
    lastPurchaseAt: null | number;
    /**
     * The event whose processing produced this update.
     *
     * Default: null
     */
    causeEventId: null | string;
    /**
     * When the causing event entered c360, for end-to-end latency.
     *
     * Default: null
     */
    causeIngestedAt: null | number;
    /**
     * When the insights were computed, UTC epoch milliseconds.
     */
    updatedAt: number;
  }
}

export const ProfileInsightsSchema = {
  type: 'record',
  name: 'ProfileInsights',
  namespace: 'io.c360',
  owner: 'insights',
  doc: 'The calculated insights of one profile. Compacted topic c360.insights keyed by profile id.',
  fields: [
    { name: 'profileId', type: 'string', pii: 'pseudonymous', doc: 'The profile.' },
    {
      name: 'reportingCurrency',
      type: 'string',
      pii: 'none',
      doc: 'ISO 4217 currency of the monetary values.',
    },
    {
      name: 'lifetimeValueMinor',
      type: 'long',
      pii: 'none',
      doc: 'Sum of purchases net of returns across channels, in minor units of reportingCurrency.',
    },
    { name: 'orderCount', type: 'int', pii: 'none', doc: 'Number of distinct purchases.' },
    {
      name: 'firstPurchaseAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      pii: 'none',
      doc: 'Earliest purchase, UTC epoch milliseconds.',
    },
    {
      name: 'lastPurchaseAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      pii: 'none',
      doc: 'Latest purchase, UTC epoch milliseconds.',
    },
    {
      name: 'causeEventId',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'The event whose processing produced this update.',
    },
    {
      name: 'causeIngestedAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      pii: 'none',
      doc: 'When the causing event entered c360, for end-to-end latency.',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When the insights were computed, UTC epoch milliseconds.',
    },
  ],
} as const;
