import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { HealthRegistry, MetricsRegistry, type BaseConfig } from '@c360/platform';
import type { TopicSpec } from '@c360/schemas';
import { AvroCodec } from '../avro-codec';
import { ConsumerRunner, type BatchHandler, type Subscription } from '../consumer-runner';
import { KafkajsTransport } from '../kafkajs/kafkajs-transport';
import { MessagingMetrics } from '../messaging-metrics';
import { Publisher } from '../publisher';
import type { Admin, KafkaTransport, Producer } from '../transport';
import { CONSUME_METADATA, type ConsumeMetadata } from './consume.decorator';
import { MESSAGING_OPTIONS, type CommitBarrier, type MessagingModuleOptions } from './messaging.options';

/** Wrappers so Nest can inject the framework-free objects by class. */
export class TransportHolder {
  constructor(readonly value: KafkaTransport) {}
}
export class ProducerHolder {
  constructor(readonly value: Producer) {}
}

/** Collects what must be durable before offsets are committed (an outbox, for instance). */
@Injectable()
export class CommitBarriers {
  private readonly barriers: CommitBarrier[] = [];
  add(barrier: CommitBarrier): void {
    this.barriers.push(barrier);
  }
  async run(): Promise<void> {
    for (const b of this.barriers) await b.beforeCommit();
  }
}

export class HandlerDeclarationError extends Error {}

/** Finds the @Consume handlers, checks them, prepares topics and schemas, and runs the consumer. */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConsumerHost.name);
  private runner?: ConsumerRunner;
  private admin?: Admin;
  private lagTimer?: NodeJS.Timeout;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly transport: TransportHolder,
    private readonly codec: AvroCodec,
    private readonly producer: ProducerHolder,
    private readonly metrics: MessagingMetrics,
    private readonly barriers: CommitBarriers,
    private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const subscriptions = this.discoverHandlers();
    this.admin = await this.transport.value.admin();
    this.health.register('kafka', () => this.admin!.ping());
    this.health.register('schema-registry', () => this.codec.ping());
    const topics = uniqueTopics([...this.options.consumes, ...this.options.produces, this.options.deadLetterTopic]);
    await this.admin.ensureTopics(topics);
    for (const topic of topics) if (topic.format === 'avro') await this.codec.register(topic);
    await this.producer.value.connect();
    if (subscriptions.length === 0) return;

    this.runner = new ConsumerRunner({
      service: this.options.service,
      groupId: this.options.groupId,
      subscriptions,
      deadLetterTopic: this.options.deadLetterTopic,
      transport: this.transport.value,
      producer: this.producer.value,
      codec: this.codec,
      metrics: this.metrics,
      logger: this.logger,
      retry: this.options.retry,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      maxBytesPerPartition: this.options.maxBytesPerPartition,
      beforeCommit: () => this.barriers.run(),
      onFatal: (error) => {
        this.logger.error(`consumer stopped for good: ${error.message}; exiting so the service is restarted`);
        process.exitCode = 1;
        process.kill(process.pid, 'SIGTERM');
      },
    });
    await this.runner.start();
    this.startLagRefresh(subscriptions.map((s) => s.topic.name));
    this.logger.log(`consuming ${subscriptions.map((s) => s.topic.name).join(', ')} as ${this.options.groupId}`);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.lagTimer);
    if (this.runner) {
      await this.runner.stop();
      this.logger.log('consumer stopped after committing its batch in progress');
    }
    await this.producer.value.disconnect();
    await this.admin?.disconnect();
  }

  private discoverHandlers(): Subscription[] {
    const found = new Map<string, Subscription>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const meta = this.reflector.get<ConsumeMetadata | undefined>(CONSUME_METADATA, fn as () => unknown);
        if (!meta) continue;
        const name = `${instance.constructor.name}.${method}`;
        const topics = meta.topic === 'native-sources' ? this.options.consumes.filter((t) => t.format === 'native') : [meta.topic];
        for (const topic of topics) {
          const existing = found.get(topic.name);
          if (existing) throw new HandlerDeclarationError(`two handlers for ${topic.name} in group ${this.options.groupId}: ${existing.name} and ${name}`);
          found.set(topic.name, { topic, name, tombstones: meta.tombstones ?? false, handler: (fn as BatchHandler<never>).bind(instance) });
        }
      }
    }
    for (const topic of this.options.consumes) {
      if (!found.has(topic.name)) throw new HandlerDeclarationError(`${this.options.service} subscribes to ${topic.name} but no @Consume handler is declared for it`);
    }
    for (const name of found.keys()) {
      if (!this.options.consumes.some((t) => t.name === name)) throw new HandlerDeclarationError(`handler for ${name} is not in the service's consumed topics`);
    }
    return [...found.values()];
  }

  private startLagRefresh(topics: string[]): void {
    const refresh = async () => {
      try {
        for (const { topic, partition, lag } of await this.admin!.consumerLag(this.options.groupId, topics)) {
          this.metrics.lag.set({ topic, group: this.options.groupId, partition: String(partition) }, lag);
        }
      } catch (error) {
        this.logger.warn(`could not refresh consumer lag: ${String(error)}`);
      }
    };
    this.lagTimer = setInterval(() => void refresh(), (this.options.lagRefreshSeconds ?? 10) * 1000);
    this.lagTimer.unref();
  }
}

function uniqueTopics(topics: TopicSpec[]): TopicSpec[] {
  return [...new Map(topics.map((t) => [t.name, t])).values()];
}


@Module({})
export class MessagingModule {
  /** The messaging runtime of a c360 service, wired from its validated configuration. */
  static forService(
    service: string,
    config: BaseConfig,
    topics: Pick<MessagingModuleOptions, 'consumes' | 'produces' | 'deadLetterTopic'>,
  ): DynamicModule {
    return MessagingModule.forRoot({
      service,
      brokers: config.KAFKA_BROKERS,
      registryUrl: config.SCHEMA_REGISTRY_URL,
      groupId: config.KAFKA_GROUP_ID ?? `c360-${service}`,
      partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY,
      maxBytesPerPartition: config.KAFKA_MAX_BYTES_PER_PARTITION,
      ...topics,
    });
  }

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: TransportHolder,
          useFactory: () => {
            const logger = new Logger('kafka');
            return new TransportHolder(
              new KafkajsTransport({
                brokers: options.brokers,
                clientId: `c360-${options.service}`,
                logger: { warn: (m, c) => logger.warn(m, c), error: (m, c) => logger.error(m, c) },
              }),
            );
          },
        },
        { provide: ProducerHolder, inject: [TransportHolder], useFactory: (t: TransportHolder) => new ProducerHolder(t.value.producer()) },
        { provide: AvroCodec, useFactory: () => new AvroCodec(options.registryUrl) },
        { provide: MessagingMetrics, inject: [MetricsRegistry], useFactory: (r: MetricsRegistry) => new MessagingMetrics(r) },
        {
          provide: Publisher,
          inject: [ProducerHolder, AvroCodec, MessagingMetrics],
          useFactory: (p: ProducerHolder, c: AvroCodec, m: MessagingMetrics) => new Publisher(p.value, c, m),
        },
        CommitBarriers,
        ConsumerHost,
      ],
      exports: [Publisher, AvroCodec, CommitBarriers, MESSAGING_OPTIONS],
    };
  }
}
