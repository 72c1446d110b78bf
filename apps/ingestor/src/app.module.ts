import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@c360/messaging';
import { PlatformModule } from '@c360/platform';
import { Topics } from '@c360/schemas';
import { CollectController } from './collect.controller';
import { IngestionService } from './ingestion.service';
import type { IngestorConfig } from './ingestor.config';
import { INGESTOR_CONFIG } from './ingestor.tokens';
import { MappingRegistry } from './mapping-registry.service';
import { QualityService } from './quality.service';
import { SourceEventsHandler } from './source-events.handler';

@Module({})
export class AppModule {
  static register(config: IngestorConfig): DynamicModule {
    // Every mapping file is a source: its topic is consumed and its HTTP collect path served.
    const registry = new MappingRegistry(config.MAPPINGS_DIR, config.RATES_FILE);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService('ingestor', config),
        MessagingModule.forService('ingestor', config, {
          deadLetterTopic: Topics.deadLetterIngestor,
          consumes: registry.topics(),
          produces: [Topics.canonicalEvents, Topics.quality],
        }),
      ],
      controllers: [CollectController],
      providers: [
        { provide: MappingRegistry, useValue: registry },
        { provide: INGESTOR_CONFIG, useValue: config },
        IngestionService,
        QualityService,
        SourceEventsHandler,
      ],
    };
  }
}
