import fc from 'fast-check';
import { PARK_CODES } from '@techbridge/platform';
import { achievementBody } from '../../catalog/fixtures';
import { createDemand } from '../../demand/demand-helpers';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../../support/test-app';
import { fuzzTargets, OpenApiDocument, Operation } from './openapi-operations';
import { Caller, FuzzRequest, KnownValues, requestArbitrary } from './request-arbitraries';

/**
 * Issue 11, "Done when": fast-check over every write route and list route of the OpenAPI document, with plausible
 * and hostile path parameters, queries and bodies, as an administrator, a member and anonymously. No answer may
 * be a 5xx and none may hang; afterwards the api is healthy and serves ordinary requests.
 *
 * Bounded: FUZZ_RUNS requests per operation (3 in `npm test`, deterministic seed), `npm run fuzz` for the long run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261107);
/** Detects a hung request; far above any answer's time, never used to wait for something. */
const HANG_MS = 30_000;

interface Failure {
  op: string;
  request: Pick<FuzzRequest, 'caller' | 'method' | 'url' | 'headers'> & { payload?: string };
  status: number | 'hung';
  body: string;
}

describe('api fuzz: every write and list route (e2e)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let targets: Operation[];
  const tokens: Partial<Record<Caller, string>> = {};
  const known: KnownValues = {};
  let requests = 0;

  beforeAll(async () => {
    // A generous per-address limit: the fuzz sends many /auth requests from one address on purpose.
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000000' } });
    doc = (await t.api.get('/api/docs-json')).body;
    // FUZZ_ONLY narrows the run to operations whose "METHOD /path" matches, to reproduce one finding.
    targets = fuzzTargets(doc).filter((o) => !process.env.FUZZ_ONLY || new RegExp(process.env.FUZZ_ONLY).test(`${o.method} ${o.path}`));
    const admin = await signInAdmin(t.api);
    const uni = await signUpOrganisation(t.api, 'university');
    const ent = await signUpOrganisation(t.api, 'enterprise');
    tokens.admin = admin.accessToken;
    tokens.member = uni.accessToken;
    // Real objects, so part of the fuzz reaches the services' object checks rather than stopping at 404.
    const achievement = (await t.api.post('achievements', achievementBody(), { token: uni.accessToken })).body.id;
    const demand = (await createDemand(t.api, ent)).id;
    const pkg = (await t.api.post('packages', { title: '氢能技术包', theme: '氢能储运', industry: 'new-energy' }, { token: admin.accessToken })).body.id;
    const ids = [achievement, demand, pkg, uni.organisation.id, ent.organisation.id].filter(Boolean);
    Object.assign(known, {
      id: ids,
      achievementId: [achievement],
      orgId: [uni.organisation.id, ent.organisation.id],
      userId: [uni.user.id, ent.user.id],
      year: ['2026', '2025'],
      quarter: ['2026Q1', '2026-Q1', '2025Q4'],
      park: [PARK_CODES[0]],
      code: [PARK_CODES[0], PARK_CODES[1]],
      kind: ['achievements', 'demands'],
      day: ['2026-05-01', '2026-10-01'],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = async (req: FuzzRequest): Promise<{ status: number | 'hung'; body: string }> => {
    requests++;
    const headers = { ...req.headers, ...(tokens[req.caller] ? { authorization: `Bearer ${tokens[req.caller]}` } : {}) };
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), HANG_MS);
    });
    const res = await Promise.race([t.app.inject({ method: req.method, url: req.url, headers, payload: req.payload }), hung]);
    clearTimeout(timer);
    return res === 'hung' ? { status: 'hung', body: '' } : { status: res.statusCode, body: res.body.slice(0, 300) };
  };

  it('answers every fuzzed request with a status below 500, in time', async () => {
    // The document is the list: every write route and every list route is a target, none skipped.
    const writes = targets.filter((o) => o.method !== 'GET');
    if (!process.env.FUZZ_ONLY) {
      expect(writes.length).toBeGreaterThan(80);
      expect(targets.filter((o) => o.method === 'GET').length).toBeGreaterThan(20);
      expect(targets.some((o) => o.multipart)).toBe(true);
    }

    const failures: Failure[] = [];
    for (const op of targets) {
      const result = await fc.check(
        fc.asyncProperty(requestArbitrary(doc, op, known), async (req) => {
          const res = await send(req);
          if (res.status === 'hung' || res.status >= 500) {
            failures.push({ op: `${op.method} ${op.path}`, request: { ...req, payload: typeof req.payload === 'string' ? req.payload.slice(0, 2000) : req.payload?.toString('latin1').slice(0, 2000) }, ...res });
            return false;
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      void result;
    }
    process.stdout.write(`\nfuzz: ${requests} requests over ${targets.length} operations (${writes.length} write, ${targets.length - writes.length} list), seed ${SEED}, ${failures.length} × 5xx or hung\n`);
    expect(failures).toEqual([]);
  }, 600_000 + RUNS * 10_000);

  it('leaves the api healthy: health answers and ordinary requests still work', async () => {
    expect((await t.api.get('health')).status).toBe(200);
    const admin = await signInAdmin(t.api);
    expect((await t.api.get('me', { token: admin.accessToken })).status).toBe(200);
    const fresh: Session = await signUpOrganisation(t.api, 'university');
    const created = await t.api.post('achievements', achievementBody(), { token: fresh.accessToken });
    expect(created.status).toBe(201);
    expect((await t.api.get(`achievements/${created.body.id}`, { token: fresh.accessToken })).body.title).toBe(achievementBody().title);
  });
});
