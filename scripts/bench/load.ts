/**
 * npm run bench:load — the api under load on this machine, in one run: a bare GET /health (the baseline), the public
 * search GET /search/achievements and GET /demands/:id/matches, each with BENCH_CONNECTIONS (50) connections for
 * BENCH_DURATION seconds (30), from autocannon on 127.0.0.1 against the api in a child process (so the load generator
 * does not share its event loop). Reports req/s and p95 per route and the ratios the targets are stated in:
 * search ≥ 0.25 × health req/s with p95 ≤ 250 ms, matches ≥ 0.5 × search.
 * The corpus (BENCH_SIZE achievements, default 7,500, imported through the real import job) and BENCH_DEMANDS public
 * demands (default 20) are kept in BENCH_DB (tb_bench_load) and reused by later runs.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { Client } from 'pg';
import { awaitQueuesDrained } from '@techbridge/testing';
import { JobQueue } from '@techbridge/platform';
import { BANKS, prng } from './achievement-generator';
import { BENCH_DB, benchDatabaseExists, percentile, round, startBenchApp } from './catalog-bench-app';
import { runImportBench } from './import';
import { AGREEMENTS, randomCreditCode } from '../../test/support/test-app';

const SIZE = Number(process.env.BENCH_SIZE ?? 7500);
const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 30);
// The whole run is bounded: three measured runs, a warm-up each, start-up and seeding.
const RUN_LIMIT_MS = (3 * (DURATION + 5) + 900) * 1000;

async function count(sql: string): Promise<number> {
  if (!(await benchDatabaseExists())) return 0;
  const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${BENCH_DB}` });
  await c.connect();
  try {
    return (await c.query(sql)).rows[0].n as number;
  } catch {
    return 0;
  } finally {
    await c.end();
  }
}

/** Public demands in an enterprise's words, from the same term banks as the achievements (none from any evaluation set). */
async function seedDemands(n: number): Promise<void> {
  const b = await startBenchApp();
  try {
    const r = prng(7);
    const stamp = Date.now();
    const signUp = await b.api.post('auth/sign-up', {
      email: `load-${stamp}@example.cn`, password: 'Passw0rd-Strong', displayName: '压测企业', agreements: AGREEMENTS,
      organisation: { name: `压测企业${stamp}`, type: 'enterprise', creditCode: randomCreditCode(), region: 'HE' },
    });
    if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(signUp.body)}`);
    const token = signUp.body.accessToken as string;
    for (let i = 0; i < n; i++) {
      const bank = BANKS[i % BANKS.length];
      const field = bank.fields[Math.floor(r() * bank.fields.length)];
      const term = field.terms[Math.floor(r() * field.terms.length)];
      const scenario = bank.scenarios[Math.floor(r() * bank.scenarios.length)];
      const created = await b.api.post('demands', {
        title: `${scenario}急需${term}方面的成熟技术`,
        description: `我们在${scenario}中遇到瓶颈，现有方案达不到要求，希望引进${term}相关技术，可以合作开发或技术转让，要求有中试以上验证。`,
        keywords: [term], industry: bank.industry, field: field.field, minTrl: 5, budget: 1_000_000 + i * 10_000,
        cooperationModes: ['transfer', 'joint-development'], visibility: 'public', enterprise: { qualifications: [] }, contact: { name: '张工', phone: '0311-12345678' },
      }, { token });
      if (created.status !== 201) throw new Error(`demand refused: ${created.status} ${JSON.stringify(created.body)}`);
      const published = await b.api.post(`demands/${created.body.id}/publish`, {}, { token });
      if (published.status !== 200) throw new Error(`publish refused: ${published.status} ${JSON.stringify(published.body)}`);
    }
    await awaitQueuesDrained(b.app.get(JobQueue), b.relay);
  } finally {
    await b.close();
  }
}

function searchPaths(n: number): string[] {
  const r = prng(2026);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const bank = BANKS[Math.floor(r() * BANKS.length)];
    const field = bank.fields[Math.floor(r() * bank.fields.length)];
    const term = field.terms[Math.floor(r() * field.terms.length)];
    const q = new URLSearchParams({ page: '1', pageSize: '20' });
    // A visitor's mix: words, words with a filter, browsing an industry (placeholder search with facets), sorted.
    if (i % 4 !== 3) q.set('q', term);
    if (i % 4 === 1) q.set('region', ['BJ', 'TJ', 'HE'][i % 3]);
    if (i % 4 === 2) q.set('trlMin', '4');
    if (i % 4 === 3) Object.entries({ industry: bank.industry, sort: 'newest' }).forEach(([k, v]) => q.set(k, v));
    out.push(`/api/v1/search/achievements?${q}`);
  }
  return out;
}

interface RunFigures {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  responses: number;
  non2xx: number;
  errors: number;
}

async function load(port: number, route: string, paths: string[], seconds: number): Promise<RunFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests: paths.map((p) => ({ method: 'GET' as const, path: p })) },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    route,
    requestsPerSecond: round(result.requests.average, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, 'load-server.ts'), [], {
    env: { ...process.env, BENCH_DB, TS_NODE_TRANSPILE_ONLY: '1' },
    execArgv: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('the api exited before listening')))])) as [{ port: number }];
  return { child, port: message.port };
}

async function main(): Promise<void> {
  const limit = setTimeout(() => {
    console.error(`bench:load took longer than ${RUN_LIMIT_MS / 1000} s: stopping`);
    process.exit(2);
  }, RUN_LIMIT_MS);
  limit.unref();
  if ((await count(`SELECT count(*)::int AS n FROM achievement WHERE status = 'published'`)) < SIZE) {
    console.log(`corpus of ${SIZE} achievements missing in ${BENCH_DB}: importing it`);
    await runImportBench(SIZE);
  }
  if ((await count(`SELECT count(*)::int AS n FROM demand WHERE status = 'published' AND visibility = 'public'`)) < DEMANDS) await seedDemands(DEMANDS);
  const achievements = await count(`SELECT count(*)::int AS n FROM achievement WHERE status = 'published'`);
  const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${BENCH_DB}` });
  await c.connect();
  const demandIds: string[] = (await c.query(`SELECT id FROM demand WHERE status = 'published' AND visibility = 'public' ORDER BY id LIMIT $1`, [DEMANDS])).rows.map((r) => r.id);
  await c.end();

  const { child, port } = await startServer();
  try {
    const routes: Array<[string, string[]]> = [
      ['GET /health', ['/api/v1/health']],
      ['GET /search/achievements', searchPaths(200)],
      ['GET /demands/:id/matches', demandIds.map((id) => `/api/v1/demands/${id}/matches`)],
    ];
    const figures: RunFigures[] = [];
    for (const [route, paths] of routes) {
      await load(port, route, paths, Math.min(5, DURATION)); // warm-up, not counted
      figures.push(await load(port, route, paths, DURATION));
      console.log(`  ${route}: ${figures[figures.length - 1].requestsPerSecond} req/s, p95 ${figures[figures.length - 1].p95Ms} ms`);
    }
    const [health, search, matches] = figures;
    const summary = {
      benchmark: 'load',
      achievements,
      demands: demandIds.length,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      health,
      search,
      matches,
      searchOverHealth: round(search.requestsPerSecond / health.requestsPerSecond, 3),
      matchesOverSearch: round(matches.requestsPerSecond / search.requestsPerSecond, 3),
    };
    console.log(`
load on 127.0.0.1, ${CONNECTIONS} connections × ${DURATION} s per route, ${achievements} published achievements, ${demandIds.length} demands
  GET /health               : ${health.requestsPerSecond} req/s, p50 ${health.p50Ms} ms, p95 ${health.p95Ms} ms (${health.non2xx} non-2xx, ${health.errors} errors)
  GET /search/achievements  : ${search.requestsPerSecond} req/s, p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms (${search.non2xx} non-2xx, ${search.errors} errors)
  GET /demands/:id/matches  : ${matches.requestsPerSecond} req/s, p50 ${matches.p50Ms} ms, p95 ${matches.p95Ms} ms (${matches.non2xx} non-2xx, ${matches.errors} errors)
  search / health req/s     : ${summary.searchOverHealth} (target ≥ 0.25), search p95 ${search.p95Ms} ms (target ≤ 250)
  matches / search req/s    : ${summary.matchesOverSearch} (target ≥ 0.5)`);
    console.log(JSON.stringify(summary));
  } finally {
    child.send('stop');
    await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
