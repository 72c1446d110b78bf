import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@c360/messaging';
import { outboxMigration, PersistenceModule } from '@c360/persistence';
import { AuthModule, PlatformModule } from '@c360/platform';
import { IdentityGraph1732300000001, IdentityGraphRepository, resolverEntities } from '@c360/resolver-data-access';
import { Topics } from '@c360/schemas';
import { CanonicalEventsHandler } from './canonical-events.handler';
import { ProfilesController } from './profiles.controller';
import type { ResolverConfig } from './resolver.config';

@Module({})
export class AppModule {
  static register(config: ResolverConfig): DynamicModule {
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
          entities: resolverEntities,
          migrations: [outboxMigration('resolver'), IdentityGraph1732300000001],
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      controllers: [ProfilesController],
      providers: [{ provide: IdentityGraphRepository, useValue: new IdentityGraphRepository() }, CanonicalEventsHandler],
    };
  }
}
