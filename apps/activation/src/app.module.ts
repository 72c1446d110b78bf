import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@c360/messaging';
import { outboxMigration, PersistenceModule } from '@c360/persistence';
import { PlatformModule } from '@c360/platform';
import { activationEntities, Evaluations1732300000004, Memberships1732300000003, MembershipsRepository } from '@c360/activation-data-access';
import { Topics } from '@c360/schemas';
import type { ActivationConfig } from './activation.config';
import { SEGMENTS } from './activation.tokens';
import { InsightsHandler } from './insights.handler';
import { loadSegments, segmentTopics } from './segment-catalog';

@Module({})
export class AppModule {
  static register(config: ActivationConfig): DynamicModule {
    const segments = loadSegments(config.SEGMENTS_DIR);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService('activation', config),
        MessagingModule.forService('activation', config, {
          deadLetterTopic: Topics.deadLetterActivation,
          consumes: [Topics.insights],
          produces: segmentTopics(segments),
        }),
        PersistenceModule.forService({
          url: config.DATABASE_URL,
          schema: 'activation',
          entities: activationEntities,
          migrations: [outboxMigration('activation'), Memberships1732300000003, Evaluations1732300000004],
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      providers: [
        { provide: SEGMENTS, useValue: segments },
        { provide: MembershipsRepository, useValue: new MembershipsRepository() },
        InsightsHandler,
      ],
    };
  }
}
