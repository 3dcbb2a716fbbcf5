import { loadConfig, restore } from '@techbridge/platform';

/**
 * `npm run restore -- <backup folder> [--database-url URL] [--storage-dir DIR]`: checks the backup's checksums, restores
 * it into an empty database (created when missing; DATABASE_URL unless --database-url) and an empty storage folder
 * (STORAGE_DIR unless --storage-dir), then compares every table's rows and content checksum and every attachment with
 * the manifest. Refuses a database that has tables. Afterwards: start the api and worker, and `npm run search:reindex`.
 */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const from = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!from) throw new Error('usage: npm run restore -- <backup folder> [--database-url URL] [--storage-dir DIR]');
  const config = loadConfig(process.env);
  const report = await restore({
    from,
    databaseUrl: option(args, '--database-url') ?? config.DATABASE_URL,
    storageDir: option(args, '--storage-dir') ?? config.STORAGE_DIR,
  });
  console.log(`restored ${report.tables} tables (${report.rows} rows, every checksum equal) and ${report.files} attachments in ${report.seconds.toFixed(1)} s (pg_restore ${report.pgRestoreSeconds.toFixed(1)} s)`);
  console.log('next: start the api and the worker, then `npm run search:reindex` to rebuild the search index from PostgreSQL');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
