// Generated from libs/schemas/avro/dead-letter.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DeadLetter = IoC360.DeadLetter;

export namespace IoC360 {
  export const DeadLetterSchema =
    '{"type":"record","name":"DeadLetter","namespace":"io.c360","doc":"A message a service could not use, kept with its reason and original bytes. One dead-letter topic per service, keyed like the original. Owner: the service that rejected it.","fields":[{"name":"service","type":"string","doc":"Service that rejected the message. PII: none."},{"name":"consumerGroup","type":"string","doc":"Consumer group that read it. PII: none."},{"name":"sourceTopic","type":"string","doc":"Topic it was read from. PII: none."},{"name":"sourcePartition","type":"int","doc":"Partition it was read from. PII: none."},{"name":"sourceOffset","type":"long","doc":"Offset it was read at. PII: none."},{"name":"reasonCode","type":"string","doc":"Machine-readable reason (invalid-json, avro-decode-failed, missing-required-field, ...). PII: none."},{"name":"reason","type":"string","doc":"Human-readable explanation. PII: may quote input."},{"name":"field","type":["null","string"],"default":null,"doc":"Offending field path, when one is to blame. PII: none."},{"name":"source","type":["null","string"],"default":null,"doc":"Source system, when known. PII: none."},{"name":"originalKey","type":["null","bytes"],"default":null,"doc":"The original key bytes. PII: may hold identifiers."},{"name":"originalValue","type":["null","bytes"],"default":null,"doc":"The original value bytes, unchanged. PII: may hold anything."},{"name":"originalHeaders","type":{"type":"map","values":"string"},"default":{},"doc":"The original headers, as UTF-8. PII: none expected."},{"name":"failedAt","type":{"type":"long","logicalType":"timestamp-millis"},"doc":"When it was rejected, UTC epoch milliseconds. PII: none."}]}';
  export const DeadLetterName = 'io.c360.DeadLetter';
  /**
   * A message a service could not use, kept with its reason and original bytes. One dead-letter topic per service, keyed like the original. Owner: the service that rejected it.
   */
  export interface DeadLetter {
    /**
     * Service that rejected the message. PII: none.
     */
    service: string;
    /**
     * Consumer group that read it. PII: none.
     */
    consumerGroup: string;
    /**
     * Topic it was read from. PII: none.
     */
    sourceTopic: string;
    /**
     * Partition it was read from. PII: none.
     */
    sourcePartition: number;
    /**
     * Offset it was read at. PII: none.
     */
    sourceOffset: number;
    /**
     * Machine-readable reason (invalid-json, avro-decode-failed, missing-required-field, ...). PII: none.
     */
    reasonCode: string;
    /**
     * Human-readable explanation. PII: may quote input.
     */
    reason: string;
    /**
     * Offending field path, when one is to blame. PII: none.
     *
     * Default: null
     */
    field: null | string;
    /**
     * Source system, when known. PII: none.
     *
     * Default: null
     */
    source: null | string;
    /**
     * The original key bytes. PII: may hold identifiers.
     *
     * Default: null
     */
    originalKey: null | Buffer;
    /**
     * The original value bytes, unchanged. PII: may hold anything.
     *
     * Default: null
     */
    originalValue: null | Buffer;
    /**
     * The original headers, as UTF-8. PII: none expected.
     *
     * Default: {}
     */
    originalHeaders: {
      [index: string]: string;
    };
    /**
     * When it was rejected, UTC epoch milliseconds. PII: none.
     */
    failedAt: number;
  }
}

export const DeadLetterSchema = {
  type: 'record',
  name: 'DeadLetter',
  namespace: 'io.c360',
  doc: 'A message a service could not use, kept with its reason and original bytes. One dead-letter topic per service, keyed like the original. Owner: the service that rejected it.',
  fields: [
    { name: 'service', type: 'string', doc: 'Service that rejected the message. PII: none.' },
    { name: 'consumerGroup', type: 'string', doc: 'Consumer group that read it. PII: none.' },
    { name: 'sourceTopic', type: 'string', doc: 'Topic it was read from. PII: none.' },
    { name: 'sourcePartition', type: 'int', doc: 'Partition it was read from. PII: none.' },
    { name: 'sourceOffset', type: 'long', doc: 'Offset it was read at. PII: none.' },
    {
      name: 'reasonCode',
      type: 'string',
      doc: 'Machine-readable reason (invalid-json, avro-decode-failed, missing-required-field, ...). PII: none.',
    },
    { name: 'reason', type: 'string', doc: 'Human-readable explanation. PII: may quote input.' },
    {
      name: 'field',
      type: ['null', 'string'],
      default: null,
      doc: 'Offending field path, when one is to blame. PII: none.',
    },
    { name: 'source', type: ['null', 'string'], default: null, doc: 'Source system, when known. PII: none.' },
    {
      name: 'originalKey',
      type: ['null', 'bytes'],
      default: null,
      doc: 'The original key bytes. PII: may hold identifiers.',
    },
    {
      name: 'originalValue',
      type: ['null', 'bytes'],
      default: null,
      doc: 'The original value bytes, unchanged. PII: may hold anything.',
    },
    {
      name: 'originalHeaders',
      type: { type: 'map', values: 'string' },
      default: {},
      doc: 'The original headers, as UTF-8. PII: none expected.',
    },
    {
      name: 'failedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When it was rejected, UTC epoch milliseconds. PII: none.',
    },
  ],
} as const;
