/**
 * npm run bench:restore — how long a restore of BENCH_SIZE (default 100000) achievements takes. The corpus comes from
 * bench:import's path (the real import job with publication and indexing) in BENCH_DB (default tb_bench_restore),
 * built when absent. Then `npm run backup`'s code writes a backup and `npm run restore`'s code restores it into a new
 * database (checksums of the backup verified first; rows and a content checksum of every table compared after).
 * Baseline in the same run: CREATE DATABASE … TEMPLATE of the same database (a file-level copy, no dump or checks),
 * the floor any restore is measured against. Prints figures and one JSON object on the last line.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { backup, restore } from '@techbridge/platform';
import { BENCH_DB, benchDatabaseExists, round } from './catalog-bench-app';
import { runImportBench } from './import';

const PG = 'postgres://postgres@127.0.0.1:5432';
const TARGET = `${BENCH_DB}_target`;
const COPY = `${BENCH_DB}_copy`;

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: `${PG}/postgres` });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function achievements(db: string): Promise<number> {
  if (!(await benchDatabaseExists())) return 0;
  const c = new Client({ connectionString: `${PG}/${db}` });
  await c.connect();
  try {
    return (await c.query(`SELECT count(*)::int AS n FROM achievement`)).rows[0].n as number;
  } catch {
    return 0;
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const want = Number(process.env.BENCH_SIZE ?? 100000);
  if ((await achievements(BENCH_DB)) < want) {
    console.log(`building the corpus in ${BENCH_DB}: ${want} achievements through the import job`);
    await runImportBench(want);
  }
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-bench-restore-'));
  const storageDir = path.join(work, 'storage-source');
  await fs.mkdir(storageDir, { recursive: true });
  try {
    const size = await admin(async (c) => (await c.query(`SELECT pg_database_size($1)::bigint AS b`, [BENCH_DB])).rows[0].b as string);
    const { dir, manifest } = await backup({ databaseUrl: `${PG}/${BENCH_DB}`, storageDir, outDir: work });
    console.log(`backup: ${manifest.database.tables.achievement.rows} achievements, ${Object.keys(manifest.database.tables).length} tables, database ${(Number(size) / 1e6).toFixed(0)} MB, dump ${(manifest.database.bytes / 1e6).toFixed(1)} MB in ${manifest.seconds.toFixed(1)} s`);

    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${TARGET} WITH (FORCE)`));
    const report = await restore({ from: dir, databaseUrl: `${PG}/${TARGET}`, storageDir: path.join(work, 'storage-target') });
    console.log(`restore: ${report.rows} rows in ${report.tables} tables, every checksum equal: ${report.seconds.toFixed(1)} s (pg_restore ${report.pgRestoreSeconds.toFixed(1)} s, checks ${(report.seconds - report.pgRestoreSeconds).toFixed(1)} s)`);

    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${COPY} WITH (FORCE)`));
    const t = performance.now();
    await admin((c) => c.query(`CREATE DATABASE ${COPY} TEMPLATE ${BENCH_DB}`));
    const templateSeconds = (performance.now() - t) / 1000;
    console.log(`baseline: CREATE DATABASE … TEMPLATE (file copy, no dump, no checks): ${templateSeconds.toFixed(1)} s → restore/baseline ${round(report.seconds / templateSeconds, 1)}×`);
    console.log(JSON.stringify({
      bench: 'restore', achievements: manifest.database.tables.achievement.rows, rows: report.rows, databaseMB: round(Number(size) / 1e6, 1), dumpMB: round(manifest.database.bytes / 1e6, 1),
      backupSeconds: round(manifest.seconds, 1), restoreSeconds: round(report.seconds, 1), pgRestoreSeconds: round(report.pgRestoreSeconds, 1),
      templateCopySeconds: round(templateSeconds, 1), ratioRestoreToTemplateCopy: round(report.seconds / templateSeconds, 1),
    }));
  } finally {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${TARGET} WITH (FORCE)`).then(() => c.query(`DROP DATABASE IF EXISTS ${COPY} WITH (FORCE)`)));
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
