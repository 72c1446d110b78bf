// A service with a subscribed topic that nobody handles, or with two handlers for one topic,
// must refuse to start: otherwise messages would be committed unprocessed or handled twice.
import 'reflect-metadata';
import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { HealthModule, MetricsModule } from '@c360/platform';
import { Topics, type TopicSpec } from '@c360/schemas';
import { Consume } from './consume.decorator';
import { MessagingModule } from './messaging.module';

@Injectable()
class CanonicalHandler {
  @Consume(Topics.canonicalEvents)
  async handle(): Promise<void> {}
}

@Injectable()
class AnotherCanonicalHandler {
  @Consume(Topics.canonicalEvents)
  async handle(): Promise<void> {}
}

function appWith(consumes: TopicSpec[], providers: (new () => object)[]): DynamicModule {
  @Module({})
  class TestApp {}
  return {
    module: TestApp,
    imports: [
      MetricsModule.forRoot('test'),
      HealthModule.forRoot(),
      // Unreachable on purpose: the declaration check runs before anything connects.
      MessagingModule.forRoot({
        service: 'test',
        brokers: ['127.0.0.1:9'],
        registryUrl: 'http://127.0.0.1:9',
        groupId: 'test',
        deadLetterTopic: Topics.deadLetterResolver,
        consumes,
        produces: [],
      }),
    ],
    providers,
  };
}

describe('handler declarations are checked at startup', () => {
  it('refuses two handlers for one topic', async () => {
    await expect(
      NestFactory.createApplicationContext(appWith([Topics.canonicalEvents], [CanonicalHandler, AnotherCanonicalHandler]), { logger: false }),
    ).rejects.toThrow(/two handlers for c360\.canonical\.events\.v1/);
  });

  it('refuses a subscribed topic without a handler', async () => {
    await expect(
      NestFactory.createApplicationContext(appWith([Topics.canonicalEvents, Topics.resolvedEvents], [CanonicalHandler]), { logger: false }),
    ).rejects.toThrow(/c360\.resolved\.events\.v1 but no @Consume handler/);
  });

  it('refuses a handler for a topic the service does not subscribe to', async () => {
    await expect(
      NestFactory.createApplicationContext(appWith([], [CanonicalHandler]), { logger: false }),
    ).rejects.toThrow(/not in the service's consumed topics/);
  });
});
