import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { BackupManifest, DUMP_FILE, listFiles, MANIFEST, sha256File, STORAGE_FOLDER } from './backup';
import { compareFigures, listTables, tableFigures } from './table-checksums';

const run = promisify(execFile);

export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** The backup folder (holds manifest.json). */
  from: string;
  /** The database to restore into: created when missing, refused when it has any table. */
  databaseUrl: string;
  /** Where the attachments go: refused when it holds files. */
  storageDir: string;
  /** pg_restore parallel jobs. */
  jobs?: number;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  /** Seconds spent in pg_restore alone, and in the whole restore with every check. */
  pgRestoreSeconds: number;
  seconds: number;
}

/** Read and check a backup: the manifest, the dump's and every file's checksum. Throws naming what is wrong. */
export async function verifyBackup(from: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await fs.readFile(path.join(from, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new RestoreRefused(`unknown backup format ${String(manifest.format)}`);
  const damaged: string[] = [];
  for (const f of [manifest.database, ...manifest.storage]) {
    const full = path.join(from, ...f.path.split('/'));
    const sum = await sha256File(full).catch(() => 'missing');
    if (sum !== f.sha256) damaged.push(`${f.path} (${sum === 'missing' ? 'missing' : 'checksum differs'})`);
  }
  if (damaged.length) throw new RestoreRefused(`the backup is damaged: ${damaged.join(', ')}`);
  return manifest;
}

async function ensureEmptyDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const a = new Client({ connectionString: admin.toString() });
  await a.connect();
  try {
    const exists = (await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) await a.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await a.end();
  }
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const tables = await listTables(c);
    if (tables.length) throw new RestoreRefused(`database ${name} is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}); restore into an empty one`);
  } finally {
    await c.end();
  }
}

async function ensureEmptyStorage(dir: string): Promise<void> {
  const files = await listFiles(dir);
  if (files.length) throw new RestoreRefused(`storage folder ${dir} holds ${files.length} files; restore into an empty one`);
}

/**
 * Restore a backup into an empty database and an empty storage folder, then prove it: every table's rows and content
 * checksum as the backup recorded them, every attachment's checksum. The search index is rebuilt from PostgreSQL
 * afterwards (`npm run search:reindex`; the embedded engine's documents come back with the database).
 */
export async function restore(options: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now();
  const manifest = await verifyBackup(options.from);
  await ensureEmptyDatabase(options.databaseUrl);
  await ensureEmptyStorage(options.storageDir);
  const pgStarted = Date.now();
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--jobs=${options.jobs ?? 2}`, `--dbname=${options.databaseUrl}`, path.join(options.from, DUMP_FILE)], { maxBuffer: 64 * 1024 * 1024 });
  const pgRestoreSeconds = (Date.now() - pgStarted) / 1000;
  for (const f of manifest.storage) {
    const rel = f.path.slice(STORAGE_FOLDER.length + 1).split('/');
    const target = path.join(options.storageDir, ...rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(path.join(options.from, ...f.path.split('/')), target);
    if ((await sha256File(target)) !== f.sha256) throw new Error(`attachment ${f.path} differs after copying`);
  }
  const c = new Client({ connectionString: options.databaseUrl });
  await c.connect();
  try {
    const problems = compareFigures(manifest.database.tables, await tableFigures(c));
    if (problems.length) throw new Error(`the restored database differs from the backup: ${problems.join('; ')}`);
  } finally {
    await c.end();
  }
  const figures = Object.values(manifest.database.tables);
  return {
    tables: figures.length,
    rows: figures.reduce((n, t) => n + t.rows, 0),
    files: manifest.storage.length,
    pgRestoreSeconds,
    seconds: (Date.now() - started) / 1000,
  };
}
