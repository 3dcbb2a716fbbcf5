import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** The server the tests use; the machine's PostgreSQL with trust auth. */
export const TEST_PG_SERVER = 'postgres://postgres@127.0.0.1:5432';
/** Set by global setup to this jest run's own template (see global-setup.ts). */
export const TEMPLATE_DB = process.env.TB_TEST_TEMPLATE_DB ?? 'techbridge_test_template';
/** REDIS_URL when set (another server or db index, e.g. redis://127.0.0.1:6379/5), else the machine's Redis db 0. */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export async function withAdminClient<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: `${TEST_PG_SERVER}/postgres` });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  /** An initialised DataSource with no entities (raw SQL); apps make their own. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh database per test file, cloned from the template that global setup migrated and seeded:
 * cloning takes milliseconds where migrating takes seconds.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(async (c) => {
    // CREATE DATABASE ... TEMPLATE fails if another session is connected to the template; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
        return;
      } catch (err) {
        if (attempt > 20 || !String((err as Error).message).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  const url = `${TEST_PG_SERVER}/${name}`;
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 4 } });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
