import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../platform/src/database/data-source-options';
import { ReferenceDataSeeder } from '../../platform/src/reference/reference-data.seeder';
import { TEMPLATE_DB, TEST_PG_SERVER, withAdminClient } from './test-database';

/** Once per jest run: drop leftovers of earlier runs, migrate and seed the template database. */
export default async function globalSetup(): Promise<void> {
  await withAdminClient(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'tb\\_test\\_%' OR datname = $1`, [TEMPLATE_DB]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const ds = new DataSource(dataSourceOptions(`${TEST_PG_SERVER}/${TEMPLATE_DB}`));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await new ReferenceDataSeeder(ds).seed();
  } finally {
    await ds.destroy();
  }
}
