import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '@techbridge/platform';

/**
 * In production the api serves the built portal (apps/web/dist) at /. Client-side routes fall back to
 * index.html through a catch-all GET route (Nest owns fastify's not-found handler, so we cannot set it);
 * unknown /api and /admin paths still answer with the API's JSON 404.
 */
export async function serveWebPortal(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  const dir = path.resolve(config.WEB_DIST_DIR ?? 'apps/web/dist');
  if (!existsSync(path.join(dir, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  fastify.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/admin/')) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `Route GET ${req.url.split('?')[0]} not found`, details: [], requestId: req.id });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return true;
}
