import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { HealthModule } from './health';
import { MetricsModule } from './metrics';
import type { BaseConfig } from './config';

/** Logging, health and metrics: what every c360 service has from its first line. */
@Module({})
export class PlatformModule {
  static forService(service: string, config: BaseConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: config.LOG_LEVEL, autoLogging: false, base: { service }, quietReqLogger: true },
          // Probes and scrapes get no request logger. Its context is an AsyncLocalStorage, and the
          // first request that enters one turns on Node's promise hooks for every promise the
          // process makes from then on: 2 to 3 % of the resolver's CPU, from the first health check.
          exclude: ['health', 'health/live', 'health/ready', 'metrics'].map((path) => ({ path, method: RequestMethod.ALL })),
        }),
        HealthModule.forRoot(),
        MetricsModule.forRoot(service),
      ],
    };
  }
}
