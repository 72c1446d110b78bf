import 'reflect-metadata';
import { bootstrapService, runService } from '@c360/platform';
import { AppModule } from './app.module';
import { loadActivationConfig } from './activation.config';

runService(async () => {
  const config = loadActivationConfig();
  await bootstrapService('activation', AppModule.register(config), config);
});
