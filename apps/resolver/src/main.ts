import 'reflect-metadata';
import { bootstrapService, runService } from '@c360/platform';
import { AppModule } from './app.module';
import { loadResolverConfig } from './resolver.config';

runService(async () => {
  const config = loadResolverConfig();
  await bootstrapService('resolver', AppModule.register(config), config);
});
