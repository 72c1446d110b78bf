import { Controller, Get, Header, Module, type DynamicModule } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's one Prometheus registry; every library registers its metrics here. */
export class MetricsRegistry extends Registry {}

@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

@Module({})
export class MetricsModule {
  static forRoot(service: string): DynamicModule {
    const registry = new MetricsRegistry();
    registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: registry, prefix: 'c360_' });
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: MetricsRegistry, useValue: registry }],
      exports: [MetricsRegistry],
    };
  }
}
