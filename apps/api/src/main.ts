import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { configureHttpApp, fastifyOptions, listeningUrl, loadConfig, ReferenceDataSeeder, runMigrations, SEARCH_INDEX, SearchSettingsBootstrap } from '@techbridge/platform';
import { AppModule } from './app.module';
import { mountQueueDashboard } from './queue-dashboard';
import { serveWebPortal } from './web-portal';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  await runMigrations(config.DATABASE_URL);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config }), new FastifyAdapter(fastifyOptions(config)), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.get(ReferenceDataSeeder).seed();
  await configureHttpApp(app);
  await mountQueueDashboard(app);
  await serveWebPortal(app, config);
  await app.listen(config.PORT, config.HOST);
  app.get(SearchSettingsBootstrap).warmUp(app.get(SEARCH_INDEX));
  app.get(Logger).log(`TechBridge API listening on ${listeningUrl(app.getHttpServer())}/api/v1 (docs at /api/docs)`);
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
