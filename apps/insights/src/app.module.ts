import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@c360/messaging';
import { outboxMigration, PersistenceModule } from '@c360/persistence';
import { PlatformModule } from '@c360/platform';
import { Insights1732300000002, insightsEntities, InsightsRepository } from '@c360/insights-data-access';
import { Topics } from '@c360/schemas';
import type { InsightsConfig } from './insights.config';
import { InsightsHandler } from './insights.handler';
import { INSIGHTS_CONFIG } from './insights.tokens';

@Module({})
export class AppModule {
  static register(config: InsightsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService('insights', config),
        MessagingModule.forService('insights', config, {
          deadLetterTopic: Topics.deadLetterInsights,
          consumes: [Topics.resolvedEvents, Topics.identityChanges],
          produces: [Topics.insights],
        }),
        PersistenceModule.forService({
          url: config.DATABASE_URL,
          schema: 'insights',
          entities: insightsEntities,
          migrations: [outboxMigration('insights'), Insights1732300000002],
          poolSize: config.DATABASE_POOL_SIZE,
        }),
      ],
      providers: [
        { provide: INSIGHTS_CONFIG, useValue: config },
        { provide: InsightsRepository, useValue: new InsightsRepository() },
        InsightsHandler,
      ],
    };
  }
}
