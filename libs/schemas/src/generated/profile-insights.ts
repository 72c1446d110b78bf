// Generated from libs/schemas/avro/profile-insights.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type ProfileInsights = IoC360.ProfileInsights;

export namespace IoC360 {
  export const ProfileInsightsSchema =
    '{"type":"record","name":"ProfileInsights","namespace":"io.c360","doc":"The calculated insights of one profile. Compacted topic c360.insights keyed by profile id. Owner: insights.","fields":[{"name":"profileId","type":"string","doc":"The profile. PII: pseudonymous."},{"name":"reportingCurrency","type":"string","doc":"ISO 4217 currency of the monetary values. PII: none."},{"name":"lifetimeValueMinor","type":"long","doc":"Sum of purchases net of returns across channels, in minor units of reportingCurrency. PII: none."},{"name":"orderCount","type":"int","doc":"Number of distinct purchases. PII: none."},{"name":"firstPurchaseAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"doc":"Earliest purchase, UTC epoch milliseconds. PII: none."},{"name":"lastPurchaseAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"doc":"Latest purchase, UTC epoch milliseconds. PII: none."},{"name":"causeEventId","type":["null","string"],"default":null,"doc":"The event whose processing produced this update. PII: none."},{"name":"causeIngestedAt","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null,"doc":"When the causing event entered c360, for end-to-end latency. PII: none."},{"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When the insights were computed, UTC epoch milliseconds. PII: none."}]}';
  export const ProfileInsightsName = 'io.c360.ProfileInsights';
  /**
   * The calculated insights of one profile. Compacted topic c360.insights keyed by profile id. Owner: insights.
   */
  export interface ProfileInsights {
    /**
     * The profile. PII: pseudonymous.
     */
    profileId: string;
    /**
     * ISO 4217 currency of the monetary values. PII: none.
     */
    reportingCurrency: string;
    /**
     * Sum of purchases net of returns across channels, in minor units of reportingCurrency. PII: none.
     */
    lifetimeValueMinor: number;
    /**
     * Number of distinct purchases. PII: none.
     */
    orderCount: number;
    /**
     * Earliest purchase, UTC epoch milliseconds. PII: none.
     *
     * Default: null
     */
    firstPurchaseAt: null | number;
    /**
     * Latest purchase, UTC epoch milliseconds. PII: none.
     *
     * Default: null
     */
    lastPurchaseAt: null | number;
    /**
     * The event whose processing produced this update. PII: none.
     *
     * Default: null
     */
    causeEventId: null | string;
    /**
     * When the causing event entered c360, for end-to-end latency. PII: none.
     *
     * Default: null
     */
    causeIngestedAt: null | number;
    /**
     * When the insights were computed, UTC epoch milliseconds. PII: none.
     */
    updatedAt: number;
  }
}

export const ProfileInsightsSchema = {
  type: 'record',
  name: 'ProfileInsights',
  namespace: 'io.c360',
  doc: 'The calculated insights of one profile. Compacted topic c360.insights keyed by profile id. Owner: insights.',
  fields: [
    { name: 'profileId', type: 'string', doc: 'The profile. PII: pseudonymous.' },
    {
      name: 'reportingCurrency',
      type: 'string',
      doc: 'ISO 4217 currency of the monetary values. PII: none.',
    },
    {
      name: 'lifetimeValueMinor',
      type: 'long',
      doc: 'Sum of purchases net of returns across channels, in minor units of reportingCurrency. PII: none.',
    },
    { name: 'orderCount', type: 'int', doc: 'Number of distinct purchases. PII: none.' },
    {
      name: 'firstPurchaseAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: 'Earliest purchase, UTC epoch milliseconds. PII: none.',
    },
    {
      name: 'lastPurchaseAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: 'Latest purchase, UTC epoch milliseconds. PII: none.',
    },
    {
      name: 'causeEventId',
      type: ['null', 'string'],
      default: null,
      doc: 'The event whose processing produced this update. PII: none.',
    },
    {
      name: 'causeIngestedAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: 'When the causing event entered c360, for end-to-end latency. PII: none.',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the insights were computed, UTC epoch milliseconds. PII: none.',
    },
  ],
} as const;
