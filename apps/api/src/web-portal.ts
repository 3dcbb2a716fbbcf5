import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '@techbridge/platform';

/** In production the api serves the built portal (apps/web/dist) at /, with client-side routes falling back to index.html. */
export async function serveWebPortal(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  const dir = path.resolve(config.WEB_DIST_DIR ?? 'apps/web/dist');
  if (!existsSync(path.join(dir, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  fastify.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/admin/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `Route ${req.method} ${req.url} not found`, details: [], requestId: req.id });
  });
  return true;
}
