/** Kafka header names c360 writes. Values are UTF-8 strings. */
export const Headers = {
  /** Id of the canonical event that caused a message, carried end to end for tracing. */
  eventId: 'c360-event-id',
  /** Epoch ms at which the originating event entered c360 (for end-to-end latency). */
  ingestedAt: 'c360-ingested-at',
  /** On dead letters: the machine-readable reason. */
  dlqReason: 'c360-dlq-reason',
  dlqField: 'c360-dlq-field',
  dlqSourceTopic: 'c360-dlq-source-topic',
  dlqSourcePartition: 'c360-dlq-source-partition',
  dlqSourceOffset: 'c360-dlq-source-offset',
} as const;
