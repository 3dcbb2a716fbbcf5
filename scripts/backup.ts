import { backup, loadConfig } from '@techbridge/platform';

/**
 * `npm run backup [-- <folder>]` (default ./var/backups): pg_dump (custom format) of DATABASE_URL and a copy of
 * STORAGE_DIR into a new dated folder, with manifest.json (checksums of the dump and of every file, rows and a content
 * checksum per table, from the dump's own snapshot). In the container: `node dist/scripts/backup.js /backups`.
 * Copy the folder off the machine afterwards; docs/OPERATIONS.md has the schedule.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const outDir = process.argv[2] ?? './var/backups';
  const { dir, manifest } = await backup({ databaseUrl: config.DATABASE_URL, storageDir: config.STORAGE_DIR, outDir });
  const rows = Object.values(manifest.database.tables).reduce((n, t) => n + t.rows, 0);
  console.log(`backup written to ${dir}`);
  console.log(`  database: ${Object.keys(manifest.database.tables).length} tables, ${rows} rows, dump ${(manifest.database.bytes / 1e6).toFixed(1)} MB (sha256 ${manifest.database.sha256.slice(0, 16)}…)`);
  console.log(`  attachments: ${manifest.storage.length} files, ${(manifest.storage.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(1)} MB`);
  console.log(`  schema at ${manifest.lastMigration ?? '(no migrations)'}; took ${manifest.seconds.toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
