import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { tableFigures, TableFigures } from './table-checksums';

const run = promisify(execFile);

export const MANIFEST = 'manifest.json';
export const DUMP_FILE = 'database.dump';
export const STORAGE_FOLDER = 'storage';

export interface BackupFile {
  /** Relative to the backup folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** The last migration applied: a restore into an older release would lack the code for this schema. */
  lastMigration: string | null;
  database: BackupFile & { tables: Record<string, TableFigures> };
  /** Every attachment (and upload) under STORAGE_DIR, with its checksum. */
  storage: BackupFile[];
  seconds: number;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files under `root`, relative, skipping uploads still being received (`*.part`). */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && !e.name.endsWith('.part')) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

export interface BackupOptions {
  databaseUrl: string;
  storageDir: string;
  /** The folder to create backups in; the backup is a new folder inside it. */
  outDir: string;
  /** Defaults to now (the folder's name). */
  now?: Date;
}

/**
 * One backup: pg_dump in custom format and a copy of the attachment storage, with a manifest of checksums (the dump,
 * every file, and rows and a content checksum per table). The dump and the table figures read one exported snapshot,
 * so the figures describe exactly what the dump holds while the platform keeps writing.
 */
export async function backup(options: BackupOptions): Promise<{ dir: string; manifest: BackupManifest }> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const dir = path.join(options.outDir, `techbridge-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
  await fs.mkdir(path.join(dir, STORAGE_FOLDER), { recursive: true });
  const c = new Client({ connectionString: options.databaseUrl });
  await c.connect();
  let tables: Record<string, TableFigures>;
  let lastMigration: string | null;
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [{ snapshot }] } = await c.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const dump = run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${path.join(dir, DUMP_FILE)}`, options.databaseUrl], { maxBuffer: 64 * 1024 * 1024 });
    // Figures from the same snapshot while pg_dump reads it (the transaction must stay open until the dump is done).
    tables = await tableFigures(c);
    lastMigration = tables.schema_migration
      ? ((await c.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY timestamp DESC LIMIT 1')).rows[0]?.name ?? null)
      : null;
    await dump;
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
  const storage: BackupFile[] = [];
  for (const rel of await listFiles(options.storageDir)) {
    const target = path.join(dir, STORAGE_FOLDER, ...rel.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(path.join(options.storageDir, ...rel.split('/')), target);
    storage.push({ path: `${STORAGE_FOLDER}/${rel}`, bytes: (await fs.stat(target)).size, sha256: await sha256File(target) });
  }
  const dumpPath = path.join(dir, DUMP_FILE);
  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    lastMigration,
    database: { path: DUMP_FILE, bytes: (await fs.stat(dumpPath)).size, sha256: await sha256File(dumpPath), tables },
    storage,
    seconds: (Date.now() - started) / 1000,
  };
  await fs.writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest };
}
