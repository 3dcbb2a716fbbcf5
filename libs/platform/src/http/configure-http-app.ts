import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import { runInRequestScope } from '../logging/request-context';
import { createValidationPipe, ValidationFailed } from '../errors/validation';
import { httpRequestDuration } from '../observability/metrics';
import { traceRequests } from '../observability/http-tracing';
import { inspectInput } from './input-integrity';
import { UndeclaredBodyInterceptor } from './undeclared-body.interceptor';

export const API_PREFIX = 'api/v1';
/** JSON bodies above this are refused with 413; uploads go through multipart with their own limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 200 * 1024 * 1024;
/** A year, as browsers' preload lists ask. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Which peers may speak for the client in X-Forwarded-For: none unless TRUSTED_PROXIES names them, so a caller
 * cannot pick its own address (and with it its own rate-limit bucket).
 */
export function trustProxySetting(config: Pick<AppConfig, 'TRUSTED_PROXIES'> | undefined): string[] | false {
  const list = (config?.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return list.length ? list : false;
}

/** Fastify options shared by main and the tests: request ids, the body limit and the trusted proxies. */
export function fastifyOptions(config?: Pick<AppConfig, 'TRUSTED_PROXIES'>) {
  return {
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: trustProxySetting(config),
  };
}

/** Everything main.ts and the e2e harness must configure identically. */
export async function configureHttpApp(app: NestFastifyApplication): Promise<void> {
  // /metrics stays where Prometheus looks for it.
  app.setGlobalPrefix(API_PREFIX, { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalInterceptors(new UndeclaredBodyInterceptor());
  // HSTS only where the portal is reached over TLS (a proxy terminating it, PUBLIC_URL https://…): sent over plain
  // http it would be ignored, and on a development host it would pin the name to https for a year.
  const tls = !!configOf(app)?.PUBLIC_URL?.startsWith('https://');
  await app.register(helmet, {
    strictTransportSecurity: tls ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    // 等保 2.0 security headers, checked by test/platform/security-headers.e2e-spec.ts: no framing by other sites,
    // no MIME sniffing, no referrer leaving the site.
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
  // JSON Lines imports arrive as a stream; the importer parses it line by line.
  const fastify = app.getHttpAdapter().getInstance();
  // The rest of the request runs in its scope: jobs it enqueues (directly or through the outbox) carry its id.
  fastify.addHook('onRequest', (req, _reply, done) => runInRequestScope({ requestId: String(req.id) }, done));
  fastify.addContentTypeParser(['application/x-ndjson', 'text/csv', 'application/jsonl'], (_req, payload, done) => done(null, payload));
  // Before any pipe, transformer or SQL sees the input: depth, NUL bytes and lone surrogates, with the field named.
  fastify.addHook('preValidation', async (req) => {
    const problems = [...inspectInput(req.params), ...inspectInput(req.query)];
    if (isParsedJson(req.body)) problems.push(...inspectInput(req.body));
    if (problems.length) throw new ValidationFailed(problems);
  });
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  traceRequests(fastify);
  // Rate, latency and status by route template (never the raw URL: ids would make a series per object).
  const requests = httpRequestDuration();
  fastify.addHook('onResponse', async (req, reply) => {
    requests.observe({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  setupOpenApi(app);
}

function configOf(app: NestFastifyApplication): AppConfig | undefined {
  try {
    return app.get(AppConfig, { strict: false });
  } catch {
    return undefined;
  }
}

/** Parsed JSON or form bodies; not the raw streams that imports read themselves. */
function isParsedJson(body: unknown): boolean {
  if (typeof body === 'string' || Array.isArray(body)) return true;
  if (body === null || typeof body !== 'object') return false;
  const proto = Object.getPrototypeOf(body);
  return proto === Object.prototype || proto === null;
}

/** The OpenAPI document of every route the app has; also built offline (scripts/api-types.ts) for the portal's generated types. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('TechBridge 科技成果转化对接平台 API')
    .setDescription('Achievements, demands, matching, roadshows, contract registration and monitoring for the Hebei Jingnan demonstration zone.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
