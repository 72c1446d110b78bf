import 'reflect-metadata';
import { bootstrapService, runService } from '@c360/platform';
import { AppModule } from './app.module';
import { loadInsightsConfig } from './insights.config';

runService(async () => {
  const config = loadInsightsConfig();
  await bootstrapService('insights', AppModule.register(config), config);
});
