import { DataSource } from 'typeorm';
// jest's globalSetup runs without moduleNameMapper, so the path alias is not available here.
/* eslint-disable no-restricted-imports */
import { dataSourceOptions } from '../../platform/src/database/data-source-options';
import { ReferenceDataSeeder } from '../../platform/src/reference/reference-data.seeder';
import { TEST_PG_SERVER, withAdminClient } from './test-database';

/** A database name embeds the pid of the jest process that made it (`tb_test_<pid>_…`, `tb_tpl_<pid>`). */
function ownerPidAlive(datname: string): boolean {
  const pid = Number(/^tb_(?:test|tpl)_(\d+)/.exec(datname)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Once per jest run: drop leftovers of finished runs, migrate and seed this run's own template database.
 * Several engineers run jest on one machine at once: a run never drops another live run's databases,
 * and each run clones from its own template (workers inherit TB_TEST_TEMPLATE_DB).
 */
export default async function globalSetup(): Promise<void> {
  const template = `tb_tpl_${process.pid}`;
  process.env.TB_TEST_TEMPLATE_DB = template;
  await withAdminClient(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'tb\\_test\\_%' OR datname LIKE 'tb\\_tpl\\_%' OR datname = 'techbridge_test_template'`,
    );
    for (const r of rows) if (r.datname === template || !ownerPidAlive(r.datname)) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${template}`);
  });
  const ds = new DataSource(dataSourceOptions(`${TEST_PG_SERVER}/${template}`));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await new ReferenceDataSeeder(ds).seed();
  } finally {
    await ds.destroy();
  }
}
