import { Client } from 'pg';
import { startAll } from './start-all';
import { seedDemoData } from './demo-seed';

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
  LOG_LEVEL: 'info',
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

async function main(): Promise<void> {
  const env = { ...DEFAULTS, ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== '')) } as NodeJS.ProcessEnv;
  await ensureDatabase(env.DATABASE_URL!);
  const processes = startAll(env);
  const base = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(base);
  await seedDemoData(base, { email: env.ADMIN_EMAIL!, password: env.ADMIN_PASSWORD! });
  console.log(`\nTechBridge demo is running:\n  portal   ${base}/\n  API docs ${base}/api/docs\n  health   ${base}/api/v1/health\n  admin    ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}\n  queues   ${base}/admin/queues (platform administrators)\nCtrl-C stops it.`);
  void processes;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
