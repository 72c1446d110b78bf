import 'reflect-metadata';
import { bootstrapService, runService } from '@c360/platform';
import { AppModule } from './app.module';
import { loadIngestorConfig } from './ingestor.config';

runService(async () => {
  const config = loadIngestorConfig();
  // HTTP collect reads the body as bytes: the mapping path decides what is JSON, and a rejected
  // payload is dead-lettered exactly as it was sent.
  await bootstrapService('ingestor', AppModule.register(config), config, { rawBodyLimit: config.HTTP_BODY_LIMIT });
});
