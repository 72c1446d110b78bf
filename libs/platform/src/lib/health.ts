import { Controller, Get, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';

export type HealthProbe = () => Promise<void>;

/** Dependencies register their readiness probes here (Kafka, schema registry, Postgres). */
@Injectable()
export class HealthRegistry {
  private readonly probes = new Map<string, HealthProbe>();

  register(name: string, probe: HealthProbe): void {
    this.probes.set(name, probe);
  }

  entries(): [string, HealthProbe][] {
    return [...this.probes];
  }
}

const withTimeout = (p: Promise<void>, ms: number): Promise<void> =>
  Promise.race([p, new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: every dependency answers. */
  @Get(['', 'ready'])
  @HealthCheck()
  ready() {
    return this.health.check(
      this.registry.entries().map(([name, probe]) => async () => {
        const session = this.indicators.check(name);
        try {
          await withTimeout(probe(), 3_000);
          return session.up();
        } catch (error) {
          return session.down({ message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
}

@Module({})
export class HealthModule {
  static forRoot(): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [HealthRegistry],
      exports: [HealthRegistry],
    };
  }
}
