import { seedDemoData } from '../../scripts/demo-seed';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, TestApp } from '../support/test-app';

/** The demo seed goes through the public API: with verification in place its park administration and institution must be verified. */
describe('demo seed with organisation verification (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs, verifies the demo park administration and transfer institution, and runs again idempotently', async () => {
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    await seedDemoData(base, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await t.drain();
    // Two park administrations (two parks report figures) and one transfer institution, every one verified.
    const rows = await t.db.dataSource.query(
      `SELECT type, verification_status, count(*)::int AS n FROM organisation WHERE name LIKE '%（演示）' AND type IN ('park-administration','transfer-institution') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { type: 'park-administration', verification_status: 'verified', n: 2 },
      { type: 'transfer-institution', verification_status: 'verified', n: 1 },
    ]);
    // The registry import published with ?publish=true computed its matches in one batch job.
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE target = 'matching.compute-matches-for-import' AND processed_at IS NOT NULL`);
    expect(n).toBe(1);
    await seedDemoData(base, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  }, 300_000);
});
