import type { DynamicModule, Type } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AppConfig, completeCreditCode, configureHttpApp, fastifyOptions, JobQueue, loadConfig, MovableClock, OrgType, OutboxRelay, QueueName,
  WorkerRuntimeModule,
} from '@techbridge/platform';
import { awaitOutboxDelivered, awaitQueuesDrained, createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@techbridge/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { mountQueueDashboard } from '../../apps/api/src/queue-dashboard';
import { acceptingCurrentAgreements } from '../../libs/identity/src/legal/legal-documents';
import { certifyBroker } from './broker-certification';

/** The `agreements` of a sign-up whose reader accepts the current user agreement and privacy policy. */
export const AGREEMENTS = acceptingCurrentAgreements();

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
}

/** Thin HTTP client over fastify.inject: real routing, pipes, guards and filters, no socket. */
export class Api {
  constructor(private readonly app: NestFastifyApplication) {}

  async request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | Buffer | undefined;
    if (body !== undefined) {
      if (Buffer.isBuffer(body) || typeof body === 'string') payload = body;
      else {
        payload = JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      }
    }
    const query = opts.query ? Object.fromEntries(Object.entries(opts.query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])) : undefined;
    const res = await this.app.inject({ method, url: url.startsWith('/') ? url : `/api/v1/${url}`, headers, payload, query });
    const raw = res.rawPayload;
    let parsed: unknown = undefined;
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json') && raw.length) parsed = JSON.parse(raw.toString('utf8'));
    else if (type.startsWith('text/')) parsed = raw.toString('utf8');
    return { status: res.statusCode, body: parsed as T, headers: res.headers as Record<string, string>, raw };
  }

  get<T = any>(url: string, opts?: RequestOptions) {
    return this.request<T>('GET', url, undefined, opts);
  }
  post<T = any>(url: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('POST', url, body ?? {}, opts);
  }
  patch<T = any>(url: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('PATCH', url, body ?? {}, opts);
  }
  put<T = any>(url: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('PUT', url, body ?? {}, opts);
  }
  delete<T = any>(url: string, opts?: RequestOptions) {
    return this.request<T>('DELETE', url, undefined, opts);
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  api: Api;
  db: TestDatabase;
  config: AppConfig;
  clock: MovableClock;
  jobs: JobQueue;
  relay: OutboxRelay;
  /** Deliver the outbox and wait for queued jobs to finish (needs worker: true for jobs). */
  drain(): Promise<void>;
  /** Deliver the outbox, waiting out messages the background relay has leased; queued jobs are not waited for. */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run job handlers (BullMQ workers) and the outbox relay loop in this process too. */
  worker?: boolean;
  env?: Record<string, string>;
  clock?: MovableClock;
  /** Extra modules composed into the app, e.g. a probe controller that only a test needs. */
  imports?: Array<Type<unknown> | DynamicModule>;
  /** Serve this database (e.g. one a test restored) instead of a fresh copy of the template; close() drops it. */
  database?: TestDatabase;
  /** Extra HTTP setup before init (Fastify accepts plugins only before it boots), e.g. serving the built portal. */
  beforeInit?: (app: NestFastifyApplication, config: AppConfig) => Promise<unknown>;
}

export const ADMIN_EMAIL = 'admin@techbridge.test';
export const ADMIN_PASSWORD = 'Admin-pass-2026';

/** The api (and optionally the worker) on a fresh database and an isolated queue prefix. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    JWT_ACCESS_SECRET: 'test-secret-0123456789abcdef',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    QUEUE_PREFIX: `tbtest_${db.name}`,
    LOG_LEVEL: 'silent',
    STORAGE_DIR: path.join(os.tmpdir(), db.name),
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    OUTBOX_POLL_MS: '50',
    // Tests move the clock by months; the password-expiry test turns expiry on for itself.
    PASSWORD_MAX_AGE_DAYS: '0',
    ...(process.env.MEILI_HOST ? { MEILI_HOST: process.env.MEILI_HOST, MEILI_API_KEY: process.env.MEILI_API_KEY ?? '' } : {}),
    ...options.env,
  });
  const clock = options.clock ?? new MovableClock();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, clock }), ...(options.worker ? [WorkerRuntimeModule] : []), ...(options.imports ?? [])],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(fastifyOptions(config)), { logger: ['error'] });
  await configureHttpApp(app);
  await mountQueueDashboard(app);
  if (options.beforeInit) await options.beforeInit(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const jobs = app.get(JobQueue);
  const relay = app.get(OutboxRelay);
  if (options.worker) relay.start();
  return {
    app,
    api: new Api(app),
    db,
    config,
    clock,
    jobs,
    relay,
    drain: () => awaitQueuesDrained(jobs, relay),
    deliver: () => awaitOutboxDelivered(relay),
    close: async () => {
      await relay.stop();
      for (const q of Object.values(QueueName)) await jobs.queue(q).obliterate({ force: true }).catch(() => undefined);
      await app.close();
      await db.drop();
    },
  };
}

export function randomCreditCode(prefix = '91130100'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = prefix;
  const bytes = randomBytes(17);
  for (let i = body.length; i < 17; i++) body += alphabet[bytes[i] % alphabet.length];
  return completeCreditCode(body);
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; roles: string[]; organisationId: string };
  organisation: { id: string; name: string; type: string };
}

let counter = 0;
/** Register a new organisation with its first administrator; each test makes its own. */
export async function signUpOrganisation(
  api: Api,
  type: OrgType | `${OrgType}`,
  overrides: { name?: string; region?: string; parkCode?: string; divisionCode?: string; email?: string } = {},
): Promise<Session> {
  const n = `${process.pid}-${Date.now()}-${counter++}`;
  const res = await api.post<Session>('auth/sign-up', {
    email: overrides.email ?? `user-${n}@example.cn`,
    password: 'Passw0rd-Strong',
    displayName: `测试用户${counter}`,
    agreements: AGREEMENTS,
    organisation: {
      name: overrides.name ?? `测试机构${n}`,
      type,
      creditCode: randomCreditCode(type === 'university' || type === 'institute' ? '12110000' : '91130100'),
      region: overrides.region ?? (type === 'university' ? 'BJ' : 'HE'),
      ...(overrides.parkCode ? { parkCode: overrides.parkCode } : {}),
      ...(overrides.divisionCode ? { divisionCode: overrides.divisionCode } : {}),
    },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function signInAdmin(api: Api): Promise<Session> {
  const res = await api.post<Session>('auth/sign-in', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (res.status !== 200) throw new Error(`admin sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A platform administrator verifies the organisation (park administrations and institutions start unverified). */
export async function verifyOrganisation(api: Api, orgId: string): Promise<void> {
  const admin = await signInAdmin(api);
  const res = await api.post(`organisations/${orgId}/verify`, { note: 'verified by the test harness' }, { token: admin.accessToken });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Invite a user with roles into an organisation and accept; returns the new member's session. A broker is also
 * certified (certifyBroker: the broker role needs a certificate in good standing) unless `certified: false`.
 */
export async function addMember(api: Api, orgAdmin: Session, roles: string[], orgId = orgAdmin.organisation.id, options: { certified?: boolean } = {}): Promise<Session> {
  const email = `member-${process.pid}-${Date.now()}-${counter++}@example.cn`;
  const inv = await api.post(`organisations/${orgId}/invitations`, { email, roles }, { token: orgAdmin.accessToken });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  const acc = await api.post<Session>('auth/accept-invitation', { token: inv.body.token, password: 'Passw0rd-Member', displayName: '成员', agreements: AGREEMENTS });
  if (acc.status !== 201) throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
  if (roles.includes('broker') && options.certified !== false) {
    await certifyBroker(api, acc.body);
    // The session's roles as they are now that the certificate exists (the token itself only names the user).
    const me = await api.get('me', { token: acc.body.accessToken });
    if (me.status === 200) acc.body.user = { ...acc.body.user, ...me.body.user };
  }
  return acc.body;
}
