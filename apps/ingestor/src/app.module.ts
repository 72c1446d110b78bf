import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@c360/messaging';
import { PlatformModule } from '@c360/platform';
import { Topics } from '@c360/schemas';
import type { IngestorConfig } from './ingestor.config';
import { MappingRegistry } from './mapping-registry.service';
import { SourceEventsHandler } from './source-events.handler';

const CONSUMES = [Topics.sourceEcommerceOrders, Topics.sourcePosReceipts];

@Module({})
export class AppModule {
  static register(config: IngestorConfig): DynamicModule {
    const registry = new MappingRegistry(config.MAPPINGS_DIR, config.RATES_FILE);
    for (const topic of CONSUMES) {
      if (topic.format === 'native' && !registry.get(topic.source)) throw new Error(`no mapping file for source ${topic.source} in ${config.MAPPINGS_DIR}`);
    }
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService('ingestor', config),
        MessagingModule.forService('ingestor', config, {
          deadLetterTopic: Topics.deadLetterIngestor,
          consumes: CONSUMES,
          produces: [Topics.canonicalEvents],
        }),
      ],
      providers: [{ provide: MappingRegistry, useValue: registry }, SourceEventsHandler],
    };
  }
}
