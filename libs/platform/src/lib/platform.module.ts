import { Module, type DynamicModule } from '@nestjs/common';
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
        }),
        HealthModule.forRoot(),
        MetricsModule.forRoot(service),
      ],
    };
  }
}
