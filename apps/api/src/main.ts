import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { configureHttpApp, fastifyOptions, loadConfig, ReferenceDataSeeder, runMigrations, SEARCH_INDEX, SearchSettingsBootstrap } from '@techbridge/platform';
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
  app.get(Logger).log(`TechBridge API listening on ${listeningUrl(app)}/api/v1 (docs at /api/docs)`);
}

/** The address the socket is really bound to (HOST may be 0.0.0.0, PORT may be 0), not what the config hoped for. */
function listeningUrl(app: NestFastifyApplication): string {
  const address = app.getHttpServer().address() as AddressInfo | string | null;
  if (!address || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
