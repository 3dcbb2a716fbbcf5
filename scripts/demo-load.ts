import { seedDemoData } from './demo-seed';
import './demo-portal';
import './demo-market-finance';

/**
 * Loads the demo data into an api that is already running (the Docker Compose stack starts empty):
 * `docker compose -f docker/compose.yml exec api node dist/scripts/demo-load.js`.
 * API_URL defaults to the api in the same container; ADMIN_EMAIL / ADMIN_PASSWORD are the platform administrator's.
 */
async function main(): Promise<void> {
  const base = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) throw new Error('demo-load: set ADMIN_EMAIL and ADMIN_PASSWORD (the platform administrator)');
  await seedDemoData(base, { email, password });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
