import 'reflect-metadata';
import { bootstrapService, runService } from '@c360/platform';
import { AppModule } from './app.module';
import { loadIngestorConfig } from './ingestor.config';

runService(async () => {
  const config = loadIngestorConfig();
  await bootstrapService('ingestor', AppModule.register(config), config);
});
