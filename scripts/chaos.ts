/**
 * npm run chaos — the real api and worker processes (the built code in dist/, rebuilt first) on a dedicated database,
 * queue prefix and storage directory. The worker is killed with SIGKILL a few seconds after each start, and started
 * again, while a published import (CHAOS_LINES lines, plus CHAOS_UNPUBLISHED lines imported for review, and
 * CHAOS_WITHDRAWN published achievements withdrawn) and CHAOS_CONTRACTS contract registrations go through. Then the
 * worker is left alone to finish, and the script checks through the api and the database: every published achievement
 * is findable by its title, none that is not published is, every registered contract has exactly one registration
 * number, no number is given twice. Also reported: matches computed, jobs failed for stalling, dead outbox messages.
 * Prints figures and a RESULT line; exits 1 if a check fails. Not part of `npm test` (it takes minutes); runs niced.
 * CHAOS_KILL_MIN_MS / CHAOS_KILL_MAX_MS: the kill delay after a worker is up (default 2000–6000); CHAOS_KEEP=1 keeps
 * the database and logs; CHAOS_SKIP_BUILD=1 uses dist/ as it is.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { acceptingCurrentAgreements } from '../libs/identity/src/legal/legal-documents';
import { QueueName } from '../libs/platform/src/queue/job-catalogue';
import { completeCreditCode } from '../libs/platform/src/validation/credit-code';
import { mulberry32 } from '../libs/platform/src/random/mulberry32';
import { generateAchievement } from './bench/achievement-generator';

const env = process.env;
const LINES = Number(env.CHAOS_LINES ?? 3000);
const UNPUBLISHED = Number(env.CHAOS_UNPUBLISHED ?? 300);
const WITHDRAWN = Number(env.CHAOS_WITHDRAWN ?? 100);
const CONTRACTS = Number(env.CHAOS_CONTRACTS ?? 50);
const KILL_MIN_MS = Number(env.CHAOS_KILL_MIN_MS ?? 2000);
const KILL_MAX_MS = Number(env.CHAOS_KILL_MAX_MS ?? 6000);
const SEED = Number(env.CHAOS_SEED ?? 11);
const PG = env.CHAOS_PG ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = env.CHAOS_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SETTLE_MS = 15 * 60_000;
const ROOT = path.resolve(__dirname, '..');
const RUN = `${process.pid}_${Date.now().toString(36)}`;
const DB = `tb_chaos_${RUN}`;
const PREFIX = `chaos_${RUN}`;
const ADMIN = { email: 'chaos-admin@techbridge.test', password: 'Chaos-admin-2026' };
const random = mulberry32(SEED);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = SETTLE_MS, everyMs = 500): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// ---------------- the two processes ----------------

const logs = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chaos-'));
const storage = path.join(logs, 'storage');

function startProcess(name: 'api' | 'worker', processEnv: NodeJS.ProcessEnv, onLine?: (line: string) => void): ChildProcess {
  const child = spawn('nice', ['-n', '10', process.execPath, path.join(ROOT, `dist/apps/${name}/src/main.js`)], { env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(path.join(logs, `${name}.log`), { flags: 'a' });
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    log.write(chunk);
    const text = rest + chunk.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine?.(line);
  });
  child.stderr!.pipe(log, { end: false });
  return child;
}

/** The worker, restarted after every exit; while `firing`, killed with SIGKILL a random few seconds after it is up. */
class WorkerUnderFire {
  private child: ChildProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  firing: string | null = null;
  readonly kills = new Map<string, number>();
  unexpectedExits = 0;

  constructor(private readonly processEnv: NodeJS.ProcessEnv) {}

  start(): void {
    const child = startProcess('worker', this.processEnv, (line) => {
      if (line.includes('TechBridge worker started') && this.firing) this.armKill(child);
    });
    this.child = child;
    child.on('exit', (code, signal) => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (this.stopped) return;
      if (signal !== 'SIGKILL') this.unexpectedExits++;
      this.start();
    });
  }

  private armKill(child: ChildProcess): void {
    const phase = this.firing!;
    this.timer = setTimeout(() => {
      if (this.child !== child || !this.firing) return;
      this.kills.set(phase, (this.kills.get(phase) ?? 0) + 1);
      child.kill('SIGKILL');
    }, KILL_MIN_MS + random() * (KILL_MAX_MS - KILL_MIN_MS));
  }

  /** Start firing at the current worker too (it may be up already). */
  fire(phase: string): void {
    this.firing = phase;
    if (this.child) this.armKill(this.child);
  }

  ceaseFire(): void {
    this.firing = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  get totalKills(): number {
    return [...this.kills.values()].reduce((a, b) => a + b, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.ceaseFire();
    const c = this.child;
    if (c && c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
  }
}

// ---------------- the api over HTTP ----------------

let BASE = '';
interface Reply<T = any> {
  status: number;
  body: T;
}
async function http<T = any>(method: string, url: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const h: Record<string, string> = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(body) || typeof body === 'string') payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${BASE}/api/v1/${url}`, { method, headers: h, body: payload });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
}
function expectStatus(r: Reply, ok: number[], what: string): Reply {
  if (!ok.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r;
}

interface Session {
  accessToken: string;
  user: { id: string };
  organisation: { id: string; name: string };
  creditCode: string;
}
let counter = 0;
function creditCode(prefix: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const bytes = randomBytes(17);
  let body = prefix;
  for (let i = body.length; i < 17; i++) body += alphabet[bytes[i] % alphabet.length];
  return completeCreditCode(body);
}
async function signUp(type: string, extra: Record<string, string> = {}): Promise<Session> {
  const code = creditCode(type === 'university' ? '12110000' : '91130100');
  const n = `${RUN}-${counter++}`;
  const r = expectStatus(
    await http('POST', 'auth/sign-up', { email: `chaos-${n}@example.cn`, password: 'Chaos-pass-2026', displayName: `混沌测试${counter}`, agreements: acceptingCurrentAgreements(), organisation: { name: `混沌测试机构${n}`, type, creditCode: code, region: 'HE', ...extra } }),
    [201],
    `sign-up ${type}`,
  );
  return { ...r.body, creditCode: code };
}
async function addReviewer(org: Session): Promise<Session> {
  const email = `chaos-reviewer-${RUN}-${counter++}@example.cn`;
  const inv = expectStatus(await http('POST', `organisations/${org.organisation.id}/invitations`, { email, roles: ['reviewer'] }, org.accessToken), [201], 'invite reviewer');
  const acc = expectStatus(await http('POST', 'auth/accept-invitation', { token: inv.body.token, password: 'Chaos-pass-2026', displayName: '登记审核员', agreements: acceptingCurrentAgreements() }), [201], 'accept invitation');
  return { ...acc.body, creditCode: org.creditCode };
}
function pdf(): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----chaos${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contract.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from('%PDF-1.4\n% signed contract\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// ---------------- the run ----------------

async function main(): Promise<boolean> {
  if (env.CHAOS_SKIP_BUILD !== '1' || !existsSync(path.join(ROOT, 'dist/apps/worker/src/main.js'))) {
    console.log('building the api and worker into dist/ …');
    for (const [cmd, args] of [['npx', ['tsc', '-p', 'tsconfig.build.json']], ['npx', ['tsc-alias', '-p', 'tsconfig.build.json']], ['node', ['scripts/copy-assets.js']]] as const) {
      const r = spawnSync('nice', ['-n', '10', cmd, ...args], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
    }
  }
  const admin = new Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const db = new Client({ connectionString: `${PG}/${DB}` });
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  const processEnv: NodeJS.ProcessEnv = {
    PATH: env.PATH, HOME: env.HOME, NODE_ENV: 'development', DATABASE_URL: `${PG}/${DB}`, REDIS_URL, QUEUE_PREFIX: PREFIX, STORAGE_DIR: storage,
    JWT_ACCESS_SECRET: randomBytes(24).toString('hex'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, PORT: String(port), HOST: '127.0.0.1',
    LOG_LEVEL: 'info', AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  };
  const queues = Object.values(QueueName).map((q) => new Queue(q, { connection: { url: REDIS_URL }, prefix: PREFIX }));
  const worker = new WorkerUnderFire(processEnv);
  let api: ChildProcess | null = null;
  const started = Date.now();
  try {
    api = startProcess('api', processEnv);
    api.on('exit', (code) => code !== null && code !== 0 && console.error(`the api exited with ${code}; see ${logs}/api.log`));
    await until('the api', async () => (await fetch(`${BASE}/api/v1/health`).catch(() => null))?.status === 200, 120_000);
    worker.start();
    await db.connect();
    const token = expectStatus(await http('POST', 'auth/sign-in', ADMIN), [200], 'admin sign-in').body.accessToken as string;

    // The contract world, and demands for the imported achievements to match, before the shooting starts.
    const registrar = await signUp('registration-institution', { divisionCode: '130100' });
    expectStatus(await http('POST', `organisations/${registrar.organisation.id}/verify`, { note: 'chaos' }, token), [200], 'verify registrar');
    expectStatus(await http('PUT', `contracts/institutions/${registrar.organisation.id}/registration-profile`, { coveredDivisions: ['1301'], numberPrefix: '130901' }, token), [200], 'registration profile');
    const reviewer = await addReviewer(registrar);
    const university = await signUp('university', { divisionCode: '130102' });
    const enterprise = await signUp('enterprise', { divisionCode: '130104' });
    const transfer = await signUp('transfer-institution', { divisionCode: '130102' });
    expectStatus(await http('POST', `organisations/${transfer.organisation.id}/verify`, { note: 'chaos' }, token), [200], 'verify transfer institution');
    expectStatus(
      await http('PUT', `contracts/institutions/${transfer.organisation.id}/transfer-profile`, { level: 'municipal', accreditationNumber: `冀技转-${RUN}`, validFrom: '2025-01-01', validTo: '2028-12-31' }, token),
      [200],
      'transfer profile',
    );
    for (const [industry, field, words] of [['new-energy', 'photovoltaics', ['光伏', '钙钛矿']], ['new-materials', 'polymers', ['复合材料', '改性']], ['energy-saving-environmental', 'air-pollution', ['脱硝', '烟气']]] as const) {
      const d = expectStatus(
        await http('POST', 'demands', { title: `寻求${words[0]}相关技术`, description: `我公司计划在${words.join('、')}方向开展技术改造，寻求成熟技术转让。`, keywords: [...words], industry, field, minTrl: 1, budget: 1_000_000, cooperationModes: ['transfer'], park: 'sjz-hitech', visibility: 'public', contact: { name: '王工', phone: '0311-12345678' } }, enterprise.accessToken),
        [201],
        'demand',
      );
      expectStatus(await http('POST', `demands/${d.body.id}/publish`, {}, enterprise.accessToken), [200], 'publish demand');
    }

    // ---- phase 1: a published import, an import for review, withdrawals ----
    const title = (i: number) => `${generateAchievement(i, SEED).title}（批号${RUN.replace(/_/g, '')}X${i.toString(36)}）`;
    const ndjson = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => JSON.stringify({ ...generateAchievement(from + k, SEED), externalId: `chaos-${from + k}`, title: title(from + k) })).join('\n') + '\n';
    worker.fire('import');
    const t1 = Date.now();
    const published = expectStatus(await http('POST', 'imports/achievements?publish=true', ndjson(0, LINES), token, { 'content-type': 'application/x-ndjson' }), [202], 'published import').body.id as string;
    const forReview = expectStatus(await http('POST', 'imports/achievements', ndjson(LINES, LINES + UNPUBLISHED), token, { 'content-type': 'application/x-ndjson' }), [202], 'import for review').body.id as string;
    const importsDone = async () => {
      const a = (await http('GET', `imports/${published}`, undefined, token)).body;
      const b = (await http('GET', `imports/${forReview}`, undefined, token)).body;
      return ['done', 'failed'].includes(a.status) && ['done', 'failed'].includes(b.status) ? [a, b] : null;
    };
    const [importA, importB] = await until('the imports', importsDone);
    const ids: Array<{ id: string }> = (await db.query(`SELECT id FROM achievement WHERE status = 'published' AND external_id LIKE 'chaos-%' ORDER BY md5(id::text) LIMIT $1`, [WITHDRAWN])).rows;
    for (const { id } of ids) expectStatus(await http('POST', `achievements/${id}/withdraw`, undefined, token), [200], 'withdraw');
    const importSeconds = (Date.now() - t1) / 1000;

    // ---- phase 2: contract registrations ----
    worker.fire('contracts');
    const t2 = Date.now();
    const signedOn = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const contractIds: string[] = [];
    for (let i = 0; i < CONTRACTS; i++) {
      const c = expectStatus(
        await http('POST', 'contracts', {
          title: `储氢合金专利实施许可合同（混沌${i}）`, type: 'license-patent', licenseScope: 'exclusive',
          buyer: { organisationId: enterprise.organisation.id, name: enterprise.organisation.name, creditCode: enterprise.creditCode, region: 'HE', legalPersonType: 'enterprise' },
          contractAmount: 1_000_000, technologyAmount: 880_000, deductions: [{ kind: 'equipment', amount: 100_000 }, { kind: 'materials', amount: 20_000 }],
          signedOn, termFrom: signedOn, termTo: '2029-08-31', transferInstitutionId: transfer.organisation.id,
        }, university.accessToken),
        [201],
        'contract',
      );
      const up = pdf();
      expectStatus(await http('POST', `contracts/${c.body.id}/attachment`, up.body, university.accessToken, up.headers), [201], 'attachment');
      expectStatus(await http('POST', `contracts/${c.body.id}/submission`, undefined, university.accessToken), [202], 'submission');
      contractIds.push(c.body.id);
    }
    const statuses = async () => (await db.query(`SELECT status, count(*)::int AS n FROM technology_contract WHERE id = ANY($1::uuid[]) GROUP BY status`, [contractIds])).rows as Array<{ status: string; n: number }>;
    await until('every contract routed to its registrar', async () => (await statuses()).every((s) => s.status !== 'submitted' && s.status !== 'draft'));
    const routed: string[] = (await db.query(`SELECT id FROM technology_contract WHERE id = ANY($1::uuid[]) AND status = 'under-review'`, [contractIds])).rows.map((r: { id: string }) => r.id);
    for (const id of routed) expectStatus(await http('POST', `contracts/${id}/registration`, undefined, reviewer.accessToken), [202], 'registration');
    await until('every routed contract registered', async () => (await statuses()).every((s) => s.status !== 'registering'));
    const contractSeconds = (Date.now() - t2) / 1000;

    // ---- the worker is left alone to finish ----
    worker.ceaseFire();
    const t3 = Date.now();
    const matchesSummary = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'import.matches-computed' AND data->>'importJobId' = $1`, [published])).rows[0].n > 0;
    await until('the outbox delivered and the queues idle', async () => {
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE processed_at IS NULL AND dead_at IS NULL`)).rows;
      if (n > 0 || !(await matchesSummary())) return false;
      for (const q of queues) {
        const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        if (Object.values(c).some((x) => x > 0)) return false;
        if ((await q.getJobs(['delayed'])).some((j) => j.attemptsMade > 0)) return false;
      }
      return true;
    });
    const settleSeconds = (Date.now() - t3) / 1000;

    // ---- checks ----
    const pub: Array<{ id: string; title: string }> = (await db.query(`SELECT id, title FROM achievement WHERE status = 'published' AND external_id LIKE 'chaos-%'`)).rows;
    const unpub: Array<{ id: string; title: string; status: string }> = (await db.query(`SELECT id, title, status FROM achievement WHERE status <> 'published' AND external_id LIKE 'chaos-%'`)).rows;
    const findable = async (a: { id: string; title: string }) => {
      const r = expectStatus(await http('GET', `search/achievements?${new URLSearchParams({ q: a.title, pageSize: '20' })}`), [200], 'search');
      return (r.body.items as Array<{ id: string }>).some((x) => x.id === a.id);
    };
    const pool = async <T>(items: T[], f: (x: T) => Promise<boolean>): Promise<number> => {
      let next = 0;
      let yes = 0;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (next < items.length) if (await f(items[next++])) yes++;
      }));
      return yes;
    };
    const found = await pool(pub, findable);
    const wronglyFound = await pool(unpub, findable);
    const numbers: Array<{ contract_id: string; n: number }> = (await db.query(`SELECT contract_id, count(*)::int AS n FROM contract_registration_number WHERE contract_id = ANY($1::uuid[]) GROUP BY contract_id`, [contractIds])).rows;
    const registered: string[] = (await db.query(`SELECT id FROM technology_contract WHERE id = ANY($1::uuid[]) AND status = 'registered'`, [contractIds])).rows.map((r: { id: string }) => r.id);
    const withOne = registered.filter((id) => numbers.find((x) => x.contract_id === id)?.n === 1).length;
    const [{ dup }] = (await db.query(`SELECT count(*)::int AS dup FROM (SELECT number FROM contract_registration_number GROUP BY number HAVING count(*) > 1) d`)).rows;
    const [{ computed }] = (await db.query(
      `SELECT count(*)::int AS computed FROM achievement a JOIN match_computation c ON c.subject_type = 'achievement' AND c.subject_id = a.id AND c.version >= a.version
        WHERE a.status = 'published' AND a.external_id LIKE 'chaos-%'`,
    )).rows;
    let stalledOut = 0;
    for (const q of queues) stalledOut += (await q.getJobs(['failed'])).filter((j) => /stalled more than allowable limit/.test(j.failedReason ?? '')).length;
    const [{ dead }] = (await db.query(`SELECT count(*)::int AS dead FROM outbox_message WHERE dead_at IS NOT NULL`)).rows;

    const checks = {
      'every published achievement findable by title': found === pub.length,
      'no unpublished achievement findable': wronglyFound === 0,
      'every contract registered': registered.length === CONTRACTS,
      'every registered contract has exactly one number': withOne === registered.length,
      'no registration number given twice': dup === 0,
      'imports done': importA.status === 'done' && importB.status === 'done',
    };
    console.log('');
    console.log(`chaos: worker killed ${worker.totalKills} times with SIGKILL (${worker.kills.get('import') ?? 0} during the import phase, ${worker.kills.get('contracts') ?? 0} during registrations), every ${KILL_MIN_MS / 1000}–${KILL_MAX_MS / 1000} s after it was up; ${worker.unexpectedExits} exits not ours`);
    console.log(`import: ${LINES} lines published (import ${importA.status}: created ${importA.created}, failed ${importA.failed}), ${UNPUBLISHED} lines for review (import ${importB.status}: created ${importB.created}), ${ids.length} withdrawn after publication; phase ${importSeconds.toFixed(0)} s`);
    console.log(`contracts: ${CONTRACTS} submitted, ${routed.length} routed, ${registered.length} registered; phase ${contractSeconds.toFixed(0)} s`);
    console.log(`settling after the last kill: ${settleSeconds.toFixed(0)} s`);
    console.log(`search: ${found} of ${pub.length} published achievements findable by title; ${wronglyFound} of ${unpub.length} unpublished (${ids.length} withdrawn, ${unpub.length - ids.length} submitted) findable`);
    console.log(`registration numbers: ${withOne} of ${registered.length} registered contracts with exactly one; ${dup} numbers given twice`);
    console.log(`matches: ${computed} of ${pub.length} published achievements with matches computed for their current version; import summary notice ${(await matchesSummary()) ? 'sent' : 'missing'}`);
    console.log(`jobs failed for stalling: ${stalledOut}; dead outbox messages: ${dead}; total ${((Date.now() - started) / 1000).toFixed(0)} s; logs ${logs}`);
    for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
    const pass = Object.values(checks).every(Boolean);
    console.log(`RESULT: ${pass ? 'PASS' : 'FAIL'}`);
    return pass;
  } finally {
    await worker.stop();
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api!.once('exit', r));
    }
    await db.end().catch(() => undefined);
    for (const q of queues) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    if (env.CHAOS_KEEP !== '1') {
      const c = new Client({ connectionString: `${PG}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await c.end();
      rmSync(storage, { recursive: true, force: true });
    }
  }
}

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    console.error(`logs: ${logs}`);
    process.exit(1);
  },
);
