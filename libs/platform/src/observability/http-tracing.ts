import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestContext, tracer } from './tracing';

/**
 * A server span per request, named by route template, continuing the caller's trace when it sends `traceparent`.
 * The span starts when the request arrives and becomes the active context in the last hook before the handler (after
 * the body is read: stream callbacks would lose it earlier), so guards, services, the transaction and the outbox rows
 * it writes all see it.
 */
export function traceRequests(fastify: FastifyInstance): void {
  const spans = new WeakMap<FastifyRequest, { span: Span; parent: ReturnType<typeof propagation.extract> }>();
  fastify.addHook('onRequest', (req, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const route = req.routeOptions?.url ?? 'unmatched';
    const span = tracer().startSpan(`${req.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'http.route': route, 'url.path': req.url.split('?')[0], 'techbridge.request_id': req.id },
    }, parent);
    spans.set(req, { span, parent });
    done();
  });
  fastify.addHook('preHandler', (req, _reply, done) => {
    const entry = spans.get(req);
    if (!entry) return done();
    context.with(requestContext(entry.parent, entry.span, req.id), done);
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const entry = spans.get(req);
    if (entry) {
      entry.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
      entry.span.end();
      spans.delete(req);
    }
    done();
  });
}
