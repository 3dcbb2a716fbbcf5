import { Client } from 'pg';
import { startAll } from './start-all';
import { seedDemoData } from './demo-seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-portal';
import './demo-content';
import './demo-market-finance';

/**
 * `npm run demo`: on a machine with the local PostgreSQL and Redis, create the database if needed,
 * start api and worker (which migrate at boot), then load the demo data through the public API.
 */
const DEFAULTS: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/techbridge',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_ACCESS_SECRET: 'demo-only-secret-change-me-0123456789',
  ADMIN_EMAIL: 'admin@techbridge.local',
  ADMIN_PASSWORD: 'TechBridge-2026',
  PORT: '3000',
  // Quiet: only warnings and errors reach the terminal, so the addresses below are not buried (LOG_LEVEL=info for more).
  LOG_LEVEL: 'warn',
  // The seeding below signs in a dozen demo accounts within a minute from one address.
  AUTH_RATE_LIMIT_PER_MINUTE: '300',
};

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await c.end();
  }
}

async function waitForHealth(base: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('api did not become healthy in time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The one block the demo prints: where to go and who to sign in as. */
export function demoBanner(base: string, admin: { email: string; password: string }): string {
  const rows: Array<[string, string]> = [
    ['门户 portal', `${base}/`],
    ['统计 statistics', `${base}/statistics`],
    ['政策资讯 policies & news', `${base}/policies`],
    ['接口文档 API docs', `${base}/api/docs`],
    ['队列 queues', `${base}/admin/queues`],
    ['平台管理员 platform admin', `${admin.email} / ${admin.password}`],
    ...DEMO_ACCOUNTS.map((a): [string, string] => [a.role, `${a.email} / ${DEMO_PASSWORD}`]),
  ];
  // Han characters take two columns in a terminal.
  const columns = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const width = Math.max(...rows.map(([k]) => columns(k)));
  return ['', 'TechBridge demo is running (Ctrl-C stops it):', ...rows.map(([k, v]) => `  ${k}${' '.repeat(width - columns(k))}  ${v}`), ''].join('\n');
}

async function main(): Promise<void> {
  const env = { ...DEFAULTS, ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== '')) } as NodeJS.ProcessEnv;
  await ensureDatabase(env.DATABASE_URL!);
  const processes = startAll(env);
  const base = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitForHealth(base);
    await seedDemoData(base, { email: env.ADMIN_EMAIL!, password: env.ADMIN_PASSWORD! });
  } catch (err) {
    // A failed start or seed must not leave the api and worker running without a terminal to stop them.
    processes.stop();
    throw err;
  }
  console.log(demoBanner(base, { email: env.ADMIN_EMAIL!, password: env.ADMIN_PASSWORD! }));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
