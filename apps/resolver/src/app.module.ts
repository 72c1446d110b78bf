import { readFileSync } from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@c360/messaging';
import { outboxMigration, PersistenceModule } from '@c360/persistence';
import { AuthModule, PlatformModule } from '@c360/platform';
import { GraphVersion1732300000003, IdentityGraph1732300000001, IdentityGraphRepository, OnlineIdentityGraph1732300000002 } from '@c360/resolver-data-access';
import { parseMatchingConfig } from '@c360/resolver-domain';
import { Topics } from '@c360/schemas';
import { CanonicalEventsHandler } from './canonical-events.handler';
import { GRAPH_CACHE_RECORDS, IdentityGraphService, MATCHING_CONFIG } from './identity-graph.service';
import { ProfilesController } from './profiles.controller';
import type { ResolverConfig } from './resolver.config';

@Module({})
export class AppModule {
  static register(config: ResolverConfig): DynamicModule {
    // A matching file that does not validate stops the service at start, with every problem listed.
    const matching = parseMatchingConfig(JSON.parse(readFileSync(config.MATCHING_CONFIG, 'utf8')));
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService('resolver', config),
        AuthModule.forRoot(config.API_KEYS),
        MessagingModule.forService('resolver', config, {
          deadLetterTopic: Topics.deadLetterResolver,
          consumes: [Topics.canonicalEvents],
          produces: [Topics.resolvedEvents, Topics.identityChanges, Topics.profiles],
        }),
        PersistenceModule.forService({
          url: config.DATABASE_URL,
          schema: 'resolver',
          entities: [],
          migrations: [outboxMigration('resolver'), IdentityGraph1732300000001, OnlineIdentityGraph1732300000002, GraphVersion1732300000003],
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      controllers: [ProfilesController],
      providers: [
        { provide: IdentityGraphRepository, useValue: new IdentityGraphRepository() },
        { provide: MATCHING_CONFIG, useValue: matching },
        { provide: GRAPH_CACHE_RECORDS, useValue: config.GRAPH_CACHE_RECORDS },
        IdentityGraphService,
        CanonicalEventsHandler,
      ],
    };
  }
}
