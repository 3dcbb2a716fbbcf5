/**
 * npm run bench:auction — one lot, BENCH_BIDDERS (200) qualified bidders bidding concurrently for BENCH_SECONDS (60)
 * against the api in a child process on 127.0.0.1 (the load generator does not share its event loop). Each bidder
 * loops: bid the minimum it last heard of plus a random number of steps, learn the new minimum from a refusal.
 * The close is the real delayed job, run by the worker (and outbox relay) in this process.
 *
 * Checks: accepted bids strictly increasing in seq order, none lost (every 201 a client saw is in the log) or duplicated
 * (seq contiguous, hashes unique), exactly one winner (the offered bid is the highest), the chain verifies.
 * Figures: bid p50/p95/p99 latency and accepted/refused rates; the same concurrency against a bare GET /health first
 * (the baseline), and the ratios. Bounded: BENCH_LIMIT_S (900) for the whole run. Last line: one JSON object.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Clock, configureHttpApp, fastifyOptions, JobName, JobQueue, loadConfig, OutboxRelay, QueueName, WorkerRuntimeModule } from '@techbridge/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { pdfUpload } from '../../test/contracts/contracts-helpers';
import { AGREEMENTS, Api, randomCreditCode } from '../../test/support/test-app';
import { Client } from 'pg';
import { dataSourceOptions, ReferenceDataSeeder, runMigrations } from '@techbridge/platform';
import { percentile, round } from './catalog-bench-app';

const BIDDERS = Number(process.env.BENCH_BIDDERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 15);
const LIMIT_S = Number(process.env.BENCH_LIMIT_S ?? 900);
const ADMIN = { email: 'bench-admin@techbridge.test', password: 'Bench-admin-2026' };
const STEP = 1_000;
const PG = 'postgres://postgres@127.0.0.1:5432';

interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for this run, migrated and seeded; dropped at the end. */
async function createBenchDatabase(): Promise<TestDatabase> {
  const name = process.env.BENCH_DB ?? `tb_bench_auction_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: `${PG}/postgres` });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = `${PG}/${name}`;
  await runMigrations(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  await new ReferenceDataSeeder(ds).seed();
  await ds.destroy();
  return { name, url, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function startWorker(db: TestDatabase): Promise<{ app: NestFastifyApplication; api: Api; close(): Promise<void> }> {
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:6379', JWT_ACCESS_SECRET: 'bench-secret-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, QUEUE_PREFIX: `tbbench_${db.name}`, LOG_LEVEL: 'silent',
    STORAGE_DIR: path.join(os.tmpdir(), db.name), AUTH_RATE_LIMIT_PER_MINUTE: '100000', OUTBOX_POLL_MS: '50',
  });
  @Module({ imports: [AppModule.forRoot({ config, clock: new Clock() }), WorkerRuntimeModule] })
  class BenchModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(fastifyOptions()), { logger: ['error'] });
  await configureHttpApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const relay = app.get(OutboxRelay);
  relay.start();
  const jobs = app.get(JobQueue);
  return {
    app, api: new Api(app),
    close: async () => {
      await relay.stop();
      for (const q of Object.values(QueueName)) await jobs.queue(q).obliterate({ force: true }).catch(() => undefined);
      await app.close();
    },
  };
}

async function startServer(db: TestDatabase): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, 'load-server.ts'), [], {
    env: { ...process.env, BENCH_DB: db.name, TS_NODE_TRANSPILE_ONLY: '1' },
    execArgv: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('the api exited before listening')))])) as [{ port: number }];
  return { child, port: message.port };
}

async function must<T = any>(what: string, p: Promise<{ status: number; body: T }>, ...ok: number[]): Promise<T> {
  const r = await p;
  if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function inBatches<T>(n: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => make(i + k)))));
  return out;
}

/** The seller's listed listing, two intents, the auction and BIDDERS qualified bidders (letters, deposits confirmed). */
async function seed(api: Api): Promise<{ auctionId: string; tokens: string[] }> {
  const admin = (await must<any>('admin sign-in', api.post('auth/sign-in', ADMIN), 200)).accessToken;
  const stamp = Date.now();
  const signUp = (type: string, i: number) =>
    must<any>('sign-up', api.post('auth/sign-up', {
      email: `bench-auction-${stamp}-${type}-${i}@example.cn`, password: 'Passw0rd-Strong', displayName: `竞买人${i}`, agreements: AGREEMENTS,
      organisation: { name: `压测${type === 'university' ? '大学' : '企业'}${stamp}-${i}`, type, creditCode: randomCreditCode(type === 'university' ? '12110000' : '91130100'), region: 'HE' },
    }), 201);
  const seller = (await signUp('university', 0)).accessToken;
  const achievement = await must<any>('achievement', api.post('achievements', {
    title: '高效钙钛矿-晶硅叠层光伏电池制备技术', summary: '本成果开发了钙钛矿-晶硅叠层光伏电池的低温制备工艺，光电转换效率达到28.6%，组件衰减率低于2%/年。',
    keywords: ['钙钛矿'], industry: 'new-energy', field: 'photovoltaics', trl: 6, trlEvidence: '中试线连续运行 500 小时', trlAssessedBy: 'third-party',
    transferModes: ['license'], pricingMethod: 'auction', askingPrice: 1_000_000, patents: ['CN202110123456.7'], fundingSource: 'national-program', contact: { name: '王老师', phone: '010-62780000' },
  }, { token: seller }), 201);
  await must('submit', api.post(`achievements/${achievement.id}/submit`, {}, { token: seller }), 200);
  await must('approve', api.post(`achievements/${achievement.id}/approve`, { comment: '同意' }, { token: admin }), 200);
  const listing = await must<any>('listing', api.post('market/listings', {
    subject: 'achievement', subjectId: achievement.id, transferMode: 'exclusive', territory: '中国大陆', termMonths: 60, price: 1_000_000, priceKind: 'reserve',
    paymentTerms: '签约后 30 日内付清', ipCovered: ['CN202110123456.7'], contact: { name: '技术转移中心' },
  }, { token: seller }), 201);
  await must('submit listing', api.post(`market/listings/${listing.id}/transitions`, { action: 'submit' }, { token: seller }), 200);
  await must('approve listing', api.post(`market/listings/${listing.id}/transitions`, { action: 'approve' }, { token: admin }), 200);

  const tokens = (await inBatches(BIDDERS, 10, (i) => signUp('enterprise', i + 1))).map((s) => s.accessToken as string);
  for (const token of tokens.slice(0, 2)) await must('intent', api.post(`market/listings/${listing.id}/intents`, { message: '竞买意向' }, { token }), 201);
  // Registration opens now; bidding starts after the seeding, and runs SECONDS with no extension (one fixed lot).
  const startsAt = Date.now() + 5 * 60_000;
  const auction = await must<any>('auction', api.post(`market/listings/${listing.id}/auctions`, {
    startsAt: new Date(startsAt).toISOString(), durationMinutes: 10, startPrice: 1_000_000, reservePrice: 1_000_000, ladder: [{ from: 0, step: STEP }], depositAmount: 50_000,
    extensionMinutes: 1, maxExtensions: 0,
  }, { token: seller }), 201);
  await inBatches(BIDDERS, 10, async (i) => {
    const token = tokens[i];
    const b = await must<any>('bidder', api.post(`market/auctions/${auction.id}/bidders`, { depositReference: `BANK-${i}` }, { token }), 201);
    const up = pdfUpload();
    await must('letter', api.post(`market/bidders/${b.id}/letter`, up.body, { token, headers: up.headers }), 200);
    await must('deposit', api.post(`market/bidders/${b.id}/confirm-deposit`, {}, { token: admin }), 200);
  });
  return { auctionId: auction.id, tokens };
}

interface Load {
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
  seconds: number;
}

async function hammer(n: number, seconds: number, call: (i: number) => Promise<number>): Promise<Load> {
  const load: Load = { latencies: [], statuses: new Map(), errors: 0, seconds };
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: n }, async (_, i) => {
    while (Date.now() < until) {
      const t0 = performance.now();
      try {
        const status = await call(i);
        load.latencies.push(performance.now() - t0);
        load.statuses.set(status, (load.statuses.get(status) ?? 0) + 1);
      } catch {
        load.errors++;
      }
    }
  }));
  load.latencies.sort((a, b) => a - b);
  return load;
}

const figures = (l: Load) => ({
  requests: l.latencies.length, requestsPerSecond: round(l.latencies.length / l.seconds, 1), p50Ms: round(percentile(l.latencies, 50), 1),
  p95Ms: round(percentile(l.latencies, 95), 1), p99Ms: round(percentile(l.latencies, 99), 1), statuses: Object.fromEntries(l.statuses), errors: l.errors,
});

async function main(): Promise<void> {
  const limit = setTimeout(() => {
    console.error(`bench:auction took longer than ${LIMIT_S} s: stopping`);
    process.exit(2);
  }, LIMIT_S * 1000);
  limit.unref();
  const db = await createBenchDatabase();
  const worker = await startWorker(db);
  let server: { child: ChildProcess; port: number } | null = null;
  try {
    console.log(`seeding: a listed lot and ${BIDDERS} qualified bidders`);
    const { auctionId, tokens } = await seed(worker.api);
    server = await startServer(db);
    const base = `http://127.0.0.1:${server.port}/api/v1`;

    console.log(`baseline: ${BIDDERS} concurrent clients on GET /health for ${BASELINE_SECONDS} s`);
    const health = await hammer(BIDDERS, BASELINE_SECONDS, async () => (await fetch(`${base}/health`)).status);

    // Open the lot now for SECONDS: move its start and close (the bench's one shortcut), and schedule its close job.
    const startsAt = new Date(Date.now());
    const closesAt = new Date(startsAt.getTime() + SECONDS * 1000);
    const conn = new DataSource({ type: 'postgres', url: db.url });
    await conn.initialize();
    await conn.query(`UPDATE market_auction SET starts_at = $2, scheduled_close_at = $3, closes_at = $3 WHERE id = $1`, [auctionId, startsAt, closesAt]);
    await worker.app.get(JobQueue).enqueue(
      JobName.MarketAuctionClose, { auctionId },
      { jobId: `market-auction:${auctionId}:close:${closesAt.getTime()}`, delayMs: closesAt.getTime() - Date.now() },
    );

    console.log(`auction: ${BIDDERS} bidders for ${SECONDS} s`);
    const known = Array.from({ length: BIDDERS }, () => 1_000_000);
    const accepted: Array<{ seq: number; hash: string; amount: number }> = [];
    const refusals = new Map<string, number>();
    const bids = await hammer(BIDDERS, SECONDS + 2, async (i) => {
      const amount = known[i] + STEP * Math.floor(Math.random() * 3);
      const res = await fetch(`${base}/market/auctions/${auctionId}/bids`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` }, body: JSON.stringify({ amount }),
      });
      const body = (await res.json()) as any;
      if (res.status === 201) {
        accepted.push({ seq: body.seq, hash: body.hash, amount: body.amount });
        known[i] = body.amount + STEP;
      } else if (res.status !== 409) {
        const key = `${res.status} ${body.code ?? ''}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
      } else {
        refusals.set(body.reason, (refusals.get(body.reason) ?? 0) + 1);
        if (body.reason === 'below-minimum') known[i] = body.minimum;
        if (body.reason === 'already-highest') known[i] = amount + STEP;
      }
      return res.status;
    });

    // The close job runs in this process at the real close: wait for the state it writes.
    let status = 'live';
    for (let waited = 0; status === 'live' || status === 'announced'; waited += 100) {
      if (waited > 120_000) throw new Error('the auction did not close within two minutes of its close');
      await new Promise((r) => setTimeout(r, 100));
      status = (await conn.query(`SELECT status FROM market_auction WHERE id = $1`, [auctionId]))[0].status;
    }
    const log: Array<{ seq: number; amount: string; hash: string; id: string }> = await conn.query(`SELECT id, seq, amount, hash FROM market_bid WHERE auction_id = $1 ORDER BY seq`, [auctionId]);
    const [auction] = await conn.query(`SELECT status, offered_bid_id, bid_count, closes_at FROM market_auction WHERE id = $1`, [auctionId]);
    const verify = (await (await fetch(`${base}/market/auctions/${auctionId}/verify`)).json()) as any;
    await conn.destroy();

    const amounts = log.map((b) => Number(b.amount));
    const strictlyIncreasing = amounts.every((a, k) => k === 0 || a > amounts[k - 1]);
    const contiguous = log.every((b, k) => b.seq === k + 1);
    const logHashes = new Set(log.map((b) => b.hash));
    const clientHashes = new Set(accepted.map((a) => a.hash));
    const lost = accepted.filter((a) => !logHashes.has(a.hash)).length;
    const unacknowledged = log.filter((b) => !clientHashes.has(b.hash)).length;
    const duplicated = accepted.length - clientHashes.size + (log.length - logHashes.size);
    const winners = log.filter((b) => b.id === auction.offered_bid_id);
    const exactlyOneWinner = auction.status === 'awaiting-confirmation' && winners.length === 1 && winners[0].seq === log.length;
    const h = figures(health);
    const b = figures(bids);
    const summary = {
      benchmark: 'auction', bidders: BIDDERS, seconds: SECONDS, health: h, bids: b,
      accepted: log.length, acceptedPerSecond: round(log.length / SECONDS, 1), refusals: Object.fromEntries(refusals),
      strictlyIncreasing, seqContiguous: contiguous, lost, unacknowledged, duplicated, exactlyOneWinner, finalAmount: amounts[amounts.length - 1] ?? null,
      chainValid: verify.valid === true, closedStatus: auction.status,
      bidP95OverHealthP95: round(b.p95Ms / Math.max(0.1, h.p95Ms), 2), bidRpsOverHealthRps: round(b.requestsPerSecond / Math.max(0.1, h.requestsPerSecond), 3),
    };
    console.log(`
auction on 127.0.0.1: ${BIDDERS} concurrent bidders on one lot for ${SECONDS} s (api in a child process; close by the delayed job)
  GET /health baseline : ${h.requestsPerSecond} req/s, p50 ${h.p50Ms} ms, p95 ${h.p95Ms} ms (${h.errors} errors)
  POST bids            : ${b.requestsPerSecond} req/s, p50 ${b.p50Ms} ms, p95 ${b.p95Ms} ms, p99 ${b.p99Ms} ms, statuses ${JSON.stringify(b.statuses)} (${b.errors} errors)
  accepted bids        : ${log.length} (${summary.acceptedPerSecond}/s), refused ${JSON.stringify(summary.refusals)}
  strictly increasing ${strictlyIncreasing}, seq contiguous ${contiguous}, lost ${lost}, unacknowledged ${unacknowledged}, duplicated ${duplicated}
  exactly one winner ${exactlyOneWinner} (status ${auction.status}, final ${summary.finalAmount}), chain verifies ${summary.chainValid}
  bid p95 / health p95 : ${summary.bidP95OverHealthP95}; bid req/s / health req/s: ${summary.bidRpsOverHealthRps}`);
    console.log(JSON.stringify(summary));
  } finally {
    if (server) {
      server.child.send('stop');
      await Promise.race([once(server.child, 'exit'), new Promise((r) => setTimeout(r, 10_000).unref())]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
    await worker.close();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
