import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActorResolver, JobQueue, QueueName, Role } from '@techbridge/platform';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'tb_queue_dashboard';

/**
 * Bull Board's page links Google Fonts, blocked in China (and offline): the page is served without any external
 * request, falling back to the system's sans-serif and monospace fonts.
 */
export function withoutExternalFonts(html: string): string {
  return html
    .replace(/<link[^>]+href="https:\/\/fonts\.(?:googleapis|gstatic)\.com[^"]*"[^>]*>\s*/g, '')
    .replace(/<link[^>]+rel="preconnect"[^>]+fonts\.(?:googleapis|gstatic)\.com[^>]*>\s*/g, '');
}

/**
 * Bull Board for platform administrators only. A browser cannot attach a bearer header to page loads,
 * so POST /admin/queues/session (with the bearer token) sets a short-lived HttpOnly cookie scoped to the dashboard.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const jobs = app.get(JobQueue);
  const actors = app.get(ActorResolver);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: Object.values(QueueName).map((q) => new BullMQAdapter(jobs.queue(q))), serverAdapter });
  const fastify = app.getHttpAdapter().getInstance();

  const tokenOf = (req: FastifyRequest): string | undefined => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7);
    const cookie = req.headers.cookie ?? '';
    const m = cookie.split(/;\s*/).find((c) => c.startsWith(`${QUEUE_DASHBOARD_COOKIE}=`));
    return m ? decodeURIComponent(m.slice(QUEUE_DASHBOARD_COOKIE.length + 1)) : undefined;
  };
  const isPlatformAdmin = async (req: FastifyRequest): Promise<boolean> => {
    const token = tokenOf(req);
    if (!token) return false;
    // The same actor as the api's guard: a platform-admin role lost or voided closes the dashboard at once.
    const actor = await actors.resolve(token);
    return !!actor && actor.roles.includes(Role.PlatformAdmin);
  };

  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        if (req.method === 'POST' && req.url.startsWith(`${QUEUE_DASHBOARD_PATH}/session`)) return;
        if (!(await isPlatformAdmin(req))) {
          await reply.status(404).send({ statusCode: 404, error: 'Not Found', message: 'Not found', details: [], requestId: req.id });
        }
      });
      scope.addHook('onSend', async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        const type = String(reply.getHeader('content-type') ?? '');
        return typeof payload === 'string' && type.includes('text/html') ? withoutExternalFonts(payload) : payload;
      });
      scope.post('/session', async (req, reply) => {
        const auth = req.headers.authorization;
        if (!auth?.startsWith('Bearer ') || !(await isPlatformAdmin(req))) {
          return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: 'Not found', details: [], requestId: req.id });
        }
        reply.header('set-cookie', `${QUEUE_DASHBOARD_COOKIE}=${encodeURIComponent(auth.slice(7))}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=900`);
        return reply.status(204).send();
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
