// Generated from libs/schemas/avro/canonical-event.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type CanonicalEvent = IoC360.CanonicalEvent;

export namespace IoC360 {
  export const EventTypeSchema =
    '{"type":"enum","name":"EventType","symbols":["PURCHASE","OTHER"],"default":"OTHER"}';
  export const EventTypeName = 'io.c360.EventType';
  export type EventType = 'PURCHASE' | 'OTHER';
  export const IdentifierTypeSchema =
    '{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"}';
  export const IdentifierTypeName = 'io.c360.IdentifierType';
  export type IdentifierType =
    | 'EMAIL'
    | 'PHONE'
    | 'LOYALTY_ID'
    | 'ECOMMERCE_ACCOUNT'
    | 'POS_CUSTOMER_REF'
    | 'WHOLESALE_BUYER_ID'
    | 'SERVICE_CONTACT_ID'
    | 'SUBSCRIBER_KEY'
    | 'DEVICE_ID'
    | 'COOKIE_ID'
    | 'OTHER';
  export const PartyIdentifierSchema =
    '{"type":"record","name":"PartyIdentifier","doc":"A normalised identifier of the party, used by the resolver for deterministic matching.","fields":[{"name":"type","type":{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"},"doc":"Kind of identifier. PII: none."},{"name":"value","type":"string","doc":"Normalised value (email lower-cased and trimmed, phone in E.164, ids as issued). PII: direct identifier."},{"name":"issuer","type":["null","string"],"default":null,"doc":"Who issued the identifier when it is only unique per issuer (a loyalty programme, a store). PII: none."}]}';
  export const PartyIdentifierName = 'io.c360.PartyIdentifier';
  /**
   * A normalised identifier of the party, used by the resolver for deterministic matching.
   */
  export interface PartyIdentifier {
    /**
     * Kind of identifier. PII: none.
     */
    type: IoC360.IdentifierType;
    /**
     * Normalised value (email lower-cased and trimmed, phone in E.164, ids as issued). PII: direct identifier.
     */
    value: string;
    /**
     * Who issued the identifier when it is only unique per issuer (a loyalty programme, a store). PII: none.
     *
     * Default: null
     */
    issuer: null | string;
  }
  export const SalesChannelSchema =
    '{"type":"enum","name":"SalesChannel","symbols":["ONLINE","STORE","WHOLESALE","OTHER"],"default":"OTHER"}';
  export const SalesChannelName = 'io.c360.SalesChannel';
  export type SalesChannel = 'ONLINE' | 'STORE' | 'WHOLESALE' | 'OTHER';
  export const PurchaseSchema =
    '{"type":"record","name":"Purchase","doc":"A completed order or receipt.","fields":[{"name":"orderId","type":"string","doc":"The source\'s order or receipt id. PII: none."},{"name":"channel","type":{"type":"enum","name":"SalesChannel","symbols":["ONLINE","STORE","WHOLESALE","OTHER"],"default":"OTHER"},"doc":"Where the purchase happened. PII: none."},{"name":"storeId","type":["null","string"],"default":null,"doc":"Store of an in-store purchase. PII: none."},{"name":"currency","type":"string","doc":"ISO 4217 code of the amounts as sold. PII: none."},{"name":"netAmountMinor","type":"long","doc":"Order total net of discounts, in minor units of currency. PII: none."},{"name":"reportingCurrency","type":"string","doc":"ISO 4217 code of the reporting currency. PII: none."},{"name":"reportingAmountMinor","type":"long","doc":"netAmountMinor converted to the reporting currency, in its minor units. PII: none."}]}';
  export const PurchaseName = 'io.c360.Purchase';
  /**
   * A completed order or receipt.
   */
  export interface Purchase {
    /**
     * The source's order or receipt id. PII: none.
     */
    orderId: string;
    /**
     * Where the purchase happened. PII: none.
     */
    channel: IoC360.SalesChannel;
    /**
     * Store of an in-store purchase. PII: none.
     *
     * Default: null
     */
    storeId: null | string;
    /**
     * ISO 4217 code of the amounts as sold. PII: none.
     */
    currency: string;
    /**
     * Order total net of discounts, in minor units of currency. PII: none.
     */
    netAmountMinor: number;
    /**
     * ISO 4217 code of the reporting currency. PII: none.
     */
    reportingCurrency: string;
    /**
     * netAmountMinor converted to the reporting currency, in its minor units. PII: none.
     */
    reportingAmountMinor: number;
  }
  export const CanonicalEventSchema =
    '{"type":"record","name":"CanonicalEvent","namespace":"io.c360","doc":"One channel event in c360\'s canonical language. Produced by the ingestor on c360.canonical.events (profileId null) and re-keyed by the resolver onto c360.resolved.events (profileId set). Owner: ingestor.","fields":[{"name":"eventId","type":"string","doc":"Deterministic id derived from the source and the source\'s own event id, so a redelivered or re-sent event has the same id. PII: none."},{"name":"eventType","type":{"type":"enum","name":"EventType","symbols":["PURCHASE","OTHER"],"default":"OTHER"},"doc":"What happened; selects which payload field is set. PII: none."},{"name":"source","type":"string","doc":"Name of the source mapping that produced the event (ecommerce, pos, ...). PII: none."},{"name":"sourceRecordId","type":"string","doc":"The source system\'s id of the customer record the event belongs to; (source, sourceRecordId) identifies a source record. PII: pseudonymous."},{"name":"market","type":["null","string"],"default":null,"doc":"ISO 3166-1 alpha-2 market the event belongs to. PII: none."},{"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When the event happened, UTC epoch milliseconds. PII: none."},{"name":"ingestedAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When the ingestor accepted the native payload, UTC epoch milliseconds. PII: none."},{"name":"identifiers","type":{"type":"array","items":{"type":"record","name":"PartyIdentifier","doc":"A normalised identifier of the party, used by the resolver for deterministic matching.","fields":[{"name":"type","type":{"type":"enum","name":"IdentifierType","symbols":["EMAIL","PHONE","LOYALTY_ID","ECOMMERCE_ACCOUNT","POS_CUSTOMER_REF","WHOLESALE_BUYER_ID","SERVICE_CONTACT_ID","SUBSCRIBER_KEY","DEVICE_ID","COOKIE_ID","OTHER"],"default":"OTHER"},"doc":"Kind of identifier. PII: none."},{"name":"value","type":"string","doc":"Normalised value (email lower-cased and trimmed, phone in E.164, ids as issued). PII: direct identifier."},{"name":"issuer","type":["null","string"],"default":null,"doc":"Who issued the identifier when it is only unique per issuer (a loyalty programme, a store). PII: none."}]}},"default":[],"doc":"Identifiers the event carries. PII: direct identifiers."},{"name":"profileId","type":["null","string"],"default":null,"doc":"The unified profile the resolver assigned; null on c360.canonical.events. PII: pseudonymous."},{"name":"purchase","default":null,"doc":"Set when eventType is PURCHASE.","type":["null",{"type":"record","name":"Purchase","doc":"A completed order or receipt.","fields":[{"name":"orderId","type":"string","doc":"The source\'s order or receipt id. PII: none."},{"name":"channel","type":{"type":"enum","name":"SalesChannel","symbols":["ONLINE","STORE","WHOLESALE","OTHER"],"default":"OTHER"},"doc":"Where the purchase happened. PII: none."},{"name":"storeId","type":["null","string"],"default":null,"doc":"Store of an in-store purchase. PII: none."},{"name":"currency","type":"string","doc":"ISO 4217 code of the amounts as sold. PII: none."},{"name":"netAmountMinor","type":"long","doc":"Order total net of discounts, in minor units of currency. PII: none."},{"name":"reportingCurrency","type":"string","doc":"ISO 4217 code of the reporting currency. PII: none."},{"name":"reportingAmountMinor","type":"long","doc":"netAmountMinor converted to the reporting currency, in its minor units. PII: none."}]}]}]}';
  export const CanonicalEventName = 'io.c360.CanonicalEvent';
  /**
   * One channel event in c360's canonical language. Produced by the ingestor on c360.canonical.events (profileId null) and re-keyed by the resolver onto c360.resolved.events (profileId set). Owner: ingestor.
   */
  export interface CanonicalEvent {
    /**
     * Deterministic id derived from the source and the source's own event id, so a redelivered or re-sent event has the same id. PII: none.
     */
    eventId: string;
    /**
     * What happened; selects which payload field is set. PII: none.
     */
    eventType: IoC360.EventType;
    /**
     * Name of the source mapping that produced the event (ecommerce, pos, ...). PII: none.
     */
    source: string;
    /**
     * The source system's id of the customer record the event belongs to; (source, sourceRecordId) identifies a source record. PII: pseudonymous.
     */
    sourceRecordId: string;
    /**
     * ISO 3166-1 alpha-2 market the event belongs to. PII: none.
     *
     * Default: null
     */
    market: null | string;
    /**
     * When the event happened, UTC epoch milliseconds. PII: none.
     */
    occurredAt: number;
    /**
     * When the ingestor accepted the native payload, UTC epoch milliseconds. PII: none.
     */
    ingestedAt: number;
    /**
     * Identifiers the event carries. PII: direct identifiers.
     *
     * Default: []
     */
    identifiers: IoC360.PartyIdentifier[];
    /**
     * The unified profile the resolver assigned; null on c360.canonical.events. PII: pseudonymous.
     *
     * Default: null
     */
    profileId: null | string;
    /**
     * Set when eventType is PURCHASE.
     *
     * Default: null
     */
    purchase: null | IoC360.Purchase;
  }
}

export const CanonicalEventSchema = {
  type: 'record',
  name: 'CanonicalEvent',
  namespace: 'io.c360',
  doc: "One channel event in c360's canonical language. Produced by the ingestor on c360.canonical.events (profileId null) and re-keyed by the resolver onto c360.resolved.events (profileId set). Owner: ingestor.",
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: "Deterministic id derived from the source and the source's own event id, so a redelivered or re-sent event has the same id. PII: none.",
    },
    {
      name: 'eventType',
      type: { type: 'enum', name: 'EventType', symbols: ['PURCHASE', 'OTHER'], default: 'OTHER' },
      doc: 'What happened; selects which payload field is set. PII: none.',
    },
    {
      name: 'source',
      type: 'string',
      doc: 'Name of the source mapping that produced the event (ecommerce, pos, ...). PII: none.',
    },
    {
      name: 'sourceRecordId',
      type: 'string',
      doc: "The source system's id of the customer record the event belongs to; (source, sourceRecordId) identifies a source record. PII: pseudonymous.",
    },
    {
      name: 'market',
      type: ['null', 'string'],
      default: null,
      doc: 'ISO 3166-1 alpha-2 market the event belongs to. PII: none.',
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the event happened, UTC epoch milliseconds. PII: none.',
    },
    {
      name: 'ingestedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the ingestor accepted the native payload, UTC epoch milliseconds. PII: none.',
    },
    {
      name: 'identifiers',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'PartyIdentifier',
          doc: 'A normalised identifier of the party, used by the resolver for deterministic matching.',
          fields: [
            {
              name: 'type',
              type: {
                type: 'enum',
                name: 'IdentifierType',
                symbols: [
                  'EMAIL',
                  'PHONE',
                  'LOYALTY_ID',
                  'ECOMMERCE_ACCOUNT',
                  'POS_CUSTOMER_REF',
                  'WHOLESALE_BUYER_ID',
                  'SERVICE_CONTACT_ID',
                  'SUBSCRIBER_KEY',
                  'DEVICE_ID',
                  'COOKIE_ID',
                  'OTHER',
                ],
                default: 'OTHER',
              },
              doc: 'Kind of identifier. PII: none.',
            },
            {
              name: 'value',
              type: 'string',
              doc: 'Normalised value (email lower-cased and trimmed, phone in E.164, ids as issued). PII: direct identifier.',
            },
            {
              name: 'issuer',
              type: ['null', 'string'],
              default: null,
              doc: 'Who issued the identifier when it is only unique per issuer (a loyalty programme, a store). PII: none.',
            },
          ],
        },
      },
      default: [],
      doc: 'Identifiers the event carries. PII: direct identifiers.',
    },
    {
      name: 'profileId',
      type: ['null', 'string'],
      default: null,
      doc: 'The unified profile the resolver assigned; null on c360.canonical.events. PII: pseudonymous.',
    },
    {
      name: 'purchase',
      default: null,
      doc: 'Set when eventType is PURCHASE.',
      type: [
        'null',
        {
          type: 'record',
          name: 'Purchase',
          doc: 'A completed order or receipt.',
          fields: [
            { name: 'orderId', type: 'string', doc: "The source's order or receipt id. PII: none." },
            {
              name: 'channel',
              type: {
                type: 'enum',
                name: 'SalesChannel',
                symbols: ['ONLINE', 'STORE', 'WHOLESALE', 'OTHER'],
                default: 'OTHER',
              },
              doc: 'Where the purchase happened. PII: none.',
            },
            {
              name: 'storeId',
              type: ['null', 'string'],
              default: null,
              doc: 'Store of an in-store purchase. PII: none.',
            },
            { name: 'currency', type: 'string', doc: 'ISO 4217 code of the amounts as sold. PII: none.' },
            {
              name: 'netAmountMinor',
              type: 'long',
              doc: 'Order total net of discounts, in minor units of currency. PII: none.',
            },
            {
              name: 'reportingCurrency',
              type: 'string',
              doc: 'ISO 4217 code of the reporting currency. PII: none.',
            },
            {
              name: 'reportingAmountMinor',
              type: 'long',
              doc: 'netAmountMinor converted to the reporting currency, in its minor units. PII: none.',
            },
          ],
        },
      ],
    },
  ],
} as const;
