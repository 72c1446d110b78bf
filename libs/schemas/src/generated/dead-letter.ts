// Generated from libs/schemas/avro/dead-letter.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DeadLetter = IoC360.DeadLetter;

export namespace IoC360 {
  export const DeadLetterSchema =
    '{"type":"record","name":"DeadLetter","namespace":"io.c360","owner":"the service that rejected it","doc":"A message a service could not use, kept with its reason and original bytes. One dead-letter topic per service, keyed like the original.","fields":[{"name":"service","type":"string","pii":"none","doc":"Service that rejected the message."},{"name":"consumerGroup","type":"string","pii":"none","doc":"Consumer group that read it."},{"name":"sourceTopic","type":"string","pii":"none","doc":"Topic it was read from."},{"name":"sourcePartition","type":"int","pii":"none","doc":"Partition it was read from."},{"name":"sourceOffset","type":"long","pii":"none","doc":"Offset it was read at."},{"name":"reasonCode","type":"string","pii":"none","doc":"Machine-readable reason (invalid-json, avro-decode-failed, missing-required-field, ...)."},{"name":"reason","type":"string","pii":"personal","doc":"Human-readable explanation."},{"name":"field","type":["null","string"],"default":null,"pii":"none","doc":"Offending field path, when one is to blame."},{"name":"source","type":["null","string"],"default":null,"pii":"none","doc":"Source system, when known."},{"name":"originalKey","type":["null","bytes"],"default":null,"pii":"direct-identifier","doc":"The original key bytes."},{"name":"originalValue","type":["null","bytes"],"default":null,"pii":"sensitive","doc":"The original value bytes, unchanged."},{"name":"originalHeaders","type":{"type":"map","values":"string"},"default":{},"pii":"none","doc":"The original headers, as UTF-8."},{"name":"failedAt","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"When it was rejected, UTC epoch milliseconds."}]}';
  export const DeadLetterName = 'io.c360.DeadLetter';
  /**
   * A message a service could not use, kept with its reason and original bytes. One dead-letter topic per service, keyed like the original.
   */
  export interface DeadLetter {
    /**
     * Service that rejected the message.
     */
    service: string;
    /**
     * Consumer group that read it.
     */
    consumerGroup: string;
    /**
     * Topic it was read from.
     */
    sourceTopic: string;
    /**
     * Partition it was read from.
     */
    sourcePartition: number;
    /**
     * Offset it was read at.
     */
    sourceOffset: number;
    /**
     * Machine-readable reason (invalid-json, avro-decode-failed, missing-required-field, ...).
     */
    reasonCode: string;
    /**
     * Human-readable explanation.
     */
    reason: string;
    /**
     * Offending field path, when one is to blame.
     *
     * Default: null
     */
    field: null | string;
    /**
     * Source system, when known.
     *
     * Default: null
     */
    source: null | string;
    /**
     * The original key bytes.
     *
     * Default: null
     */
    originalKey: null | Buffer;
    /**
     * The original value bytes, unchanged.
     *
     * Default: null
     */
    originalValue: null | Buffer;
    /**
     * The original headers, as UTF-8.
     *
     * Default: {}
     */
    originalHeaders: {
      [index: string]: string;
    };
    /**
     * When it was rejected, UTC epoch milliseconds.
     */
    failedAt: number;
  }
}

export const DeadLetterSchema = {
  type: 'record',
  name: 'DeadLetter',
  namespace: 'io.c360',
  owner: 'the service that rejected it',
  doc: 'A message a service could not use, kept with its reason and original bytes. One dead-letter topic per service, keyed like the original.',
  fields: [
    { name: 'service', type: 'string', pii: 'none', doc: 'Service that rejected the message.' },
    { name: 'consumerGroup', type: 'string', pii: 'none', doc: 'Consumer group that read it.' },
    { name: 'sourceTopic', type: 'string', pii: 'none', doc: 'Topic it was read from.' },
    { name: 'sourcePartition', type: 'int', pii: 'none', doc: 'Partition it was read from.' },
    { name: 'sourceOffset', type: 'long', pii: 'none', doc: 'Offset it was read at.' },
    {
      name: 'reasonCode',
      type: 'string',
      pii: 'none',
      doc: 'Machine-readable reason (invalid-json, avro-decode-failed, missing-required-field, ...).',
    },
    { name: 'reason', type: 'string', pii: 'personal', doc: 'Human-readable explanation.' },
    {
      name: 'field',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'Offending field path, when one is to blame.',
    },
    {
      name: 'source',
      type: ['null', 'string'],
      default: null,
      pii: 'none',
      doc: 'Source system, when known.',
    },
    {
      name: 'originalKey',
      type: ['null', 'bytes'],
      default: null,
      pii: 'direct-identifier',
      doc: 'The original key bytes.',
    },
    {
      name: 'originalValue',
      type: ['null', 'bytes'],
      default: null,
      pii: 'sensitive',
      doc: 'The original value bytes, unchanged.',
    },
    {
      name: 'originalHeaders',
      type: { type: 'map', values: 'string' },
      default: {},
      pii: 'none',
      doc: 'The original headers, as UTF-8.',
    },
    {
      name: 'failedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'When it was rejected, UTC epoch milliseconds.',
    },
  ],
} as const;
