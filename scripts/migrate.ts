import 'reflect-metadata';
import { loadConfig, runMigrations } from '@techbridge/platform';

/** `npm run migration:run`: apply pending migrations to DATABASE_URL under the advisory lock. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
