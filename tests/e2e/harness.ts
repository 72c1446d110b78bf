// A whole pipeline for one test file: a fresh database, consumer groups of its own starting at
// the end of their topics, and the four services as processes.
import { join } from 'node:path';
import { inject } from 'vitest';
import { createTestDatabase, freePort, KafkaTestClient, startService, type RunningService, type ServiceName } from '@c360/testing';
import { segmentTopic, Topics } from '@c360/schemas';

export const SERVICES: readonly { name: ServiceName; topics: readonly string[] }[] = [
  { name: 'ingestor', topics: [Topics.sourceEcommerceOrders.name, Topics.sourcePosReceipts.name] },
  { name: 'resolver', topics: [Topics.canonicalEvents.name] },
  { name: 'insights', topics: [Topics.resolvedEvents.name, Topics.identityChanges.name] },
  { name: 'activation', topics: [Topics.insights.name] },
];

export class Pipeline {
  readonly kafka: KafkaTestClient;
  readonly runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  readonly running = new Map<ServiceName, RunningService>();
  databaseUrl = '';
  private dropDatabase?: () => Promise<void>;
  private readonly stack = inject('stack');

  constructor() {
    this.kafka = new KafkaTestClient(this.stack.KAFKA_BROKERS, this.stack.SCHEMA_REGISTRY_URL);
  }

  groupId(service: ServiceName): string {
    return `c360-${service}-test-${this.runId}`;
  }

  async setUp(): Promise<void> {
    const db = await createTestDatabase(this.stack.DATABASE_URL);
    this.databaseUrl = db.url;
    this.dropDatabase = db.drop;
    await this.kafka.ensureTopics([segmentTopic('high-value')]);
    await this.kafka.startGroupsAtEnd(SERVICES.map((s) => ({ groupId: this.groupId(s.name), topics: s.topics })));
  }

  async start(name: ServiceName): Promise<RunningService> {
    const service = await startService(name, {
      port: await freePort(),
      logDir: join(__dirname, '..', '..', 'tmp', 'test-logs', this.runId),
      env: {
        KAFKA_BROKERS: this.stack.KAFKA_BROKERS,
        SCHEMA_REGISTRY_URL: this.stack.SCHEMA_REGISTRY_URL,
        DATABASE_URL: this.databaseUrl,
        KAFKA_GROUP_ID: this.groupId(name),
        LOG_LEVEL: 'info',
      },
    });
    this.running.set(name, service);
    return service;
  }

  async startAll(): Promise<void> {
    // Settle every start before reporting a failure, so tearDown sees (and stops) all that started.
    const results = await Promise.allSettled(SERVICES.map((s) => this.start(s.name)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async tearDown(): Promise<void> {
    await Promise.all([...this.running.values()].map((s) => s.stop('SIGTERM')));
    await this.kafka.close();
    await this.dropDatabase?.();
  }
}
