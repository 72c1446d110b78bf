import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The messaging runtime's Prometheus metrics, registered once per registry. */
export class MessagingMetrics {
  readonly consumed: Counter<'topic' | 'group'>;
  readonly deadLettered: Counter<'topic' | 'group' | 'reason'>;
  readonly skipped: Counter<'topic' | 'group' | 'reason'>;
  readonly retries: Counter<'topic' | 'group'>;
  readonly batchSeconds: Histogram<'topic' | 'group'>;
  readonly lag: Gauge<'topic' | 'group' | 'partition'>;
  readonly produced: Counter<'topic'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.consumed = new Counter({ name: 'c360_messages_consumed_total', help: 'Messages consumed and committed', labelNames: ['topic', 'group'], registers });
    this.deadLettered = new Counter({ name: 'c360_messages_dead_lettered_total', help: 'Messages sent to the dead-letter topic, by reason', labelNames: ['topic', 'group', 'reason'], registers });
    this.skipped = new Counter({ name: 'c360_messages_skipped_total', help: 'Messages deliberately skipped, by reason', labelNames: ['topic', 'group', 'reason'], registers });
    this.retries = new Counter({ name: 'c360_batch_retries_total', help: 'Batch retries after transient failures', labelNames: ['topic', 'group'], registers });
    this.batchSeconds = new Histogram({ name: 'c360_batch_duration_seconds', help: 'Time to process and commit one batch', labelNames: ['topic', 'group'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers });
    this.lag = new Gauge({ name: 'c360_consumer_lag', help: 'Messages behind the end of the partition for the consumer group', labelNames: ['topic', 'group', 'partition'], registers });
    this.produced = new Counter({ name: 'c360_messages_produced_total', help: 'Messages produced', labelNames: ['topic'], registers });
  }
}
