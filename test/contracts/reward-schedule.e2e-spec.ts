import { RewardSchedules } from '@techbridge/contracts';
import { JobName, MovableClock, QueueName } from '@techbridge/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { contractBody, makeWorld, registeredContract, transferInstitution, World } from './contracts-helpers';

const HOUR = 3600_000;

describe('contracts: scheduled reward computation (e2e)', () => {
  let t: TestApp;
  let w: World;
  const clock = new MovableClock('2026-06-15T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock });
    w = await makeWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers the yearly (1 January 02:00 Beijing) and monthly provisional schedulers once, however often the worker starts', async () => {
    const schedules = t.app.get(RewardSchedules);
    await schedules.register();
    await schedules.register();
    const queue = t.jobs.queue(QueueName.Contracts);
    const all = await queue.getJobSchedulers();
    expect(all.map((s) => s.key).sort()).toEqual(['contracts-rewards-monthly-provisional', 'contracts-rewards-yearly']);

    const yearly = (await queue.getJobScheduler('contracts-rewards-yearly'))!;
    expect(yearly).toMatchObject({ pattern: '0 2 1 1 *', tz: 'Asia/Shanghai', name: JobName.ComputeScheduledRewards, template: { data: { period: 'previous-year' } } });
    // The next run is a 1 January at 02:00 Beijing time (18:00 UTC on 31 December).
    const nextBeijing = new Date(yearly.next! + 8 * HOUR).toISOString();
    expect(nextBeijing).toMatch(/^\d{4}-01-01T02:00:00\.000Z$/);

    const monthly = (await queue.getJobScheduler('contracts-rewards-monthly-provisional'))!;
    expect(monthly).toMatchObject({ pattern: '0 3 1 2-12 *', tz: 'Asia/Shanghai', template: { data: { period: 'current-year' } } });
    expect(new Date(monthly.next! + 8 * HOUR).toISOString()).toMatch(/^\d{4}-(0[2-9]|1[0-2])-01T03:00:00\.000Z$/);
    // One pending iteration per scheduler, not one per registration.
    expect(await queue.getDelayedCount()).toBe(2);
  });

  it('the yearly run on 1 January computes the previous year; running it twice (even concurrently) leaves one ledger', async () => {
    const inst = await transferInstitution(t.api, w.admin, 'provincial', '2026-02-01');
    const deal = (amount: number) => contractBody(w, { title: `年度奖励 ${amount}`, contractAmount: amount, technologyAmount: amount, deductions: [], transferInstitutionId: inst.organisation.id, signedOn: '2026-05-01', termFrom: '2026-05-01' });
    const c1 = await registeredContract(t, w.university, w.reviewer, deal(3_000_000));
    const c2 = await registeredContract(t, w.university, w.reviewer, deal(7_000_000));

    // A monthly provisional run in November computes the current year, flagged provisional.
    clock.set('2026-10-31T19:00:00Z');
    await t.jobs.enqueue(JobName.ComputeScheduledRewards, { period: 'current-year' }, { jobId: 'provisional-run' });
    await t.drain();
    const provisional = ((await t.api.get('contracts/rewards/2026', { token: w.admin.accessToken })).body as any[]).find((l) => l.institutionId === inst.organisation.id && l.kind === 'facilitation');
    expect(provisional).toMatchObject({ amount: 10_000, provisional: true });

    // 1 January 2027, 02:00 in Beijing: still 2026 in UTC; the run must compute 2026.
    clock.set('2026-12-31T18:00:00Z');
    await Promise.all([
      t.jobs.enqueue(JobName.ComputeScheduledRewards, { period: 'previous-year' }, { jobId: 'yearly-run-a' }),
      t.jobs.enqueue(JobName.ComputeScheduledRewards, { period: 'previous-year' }, { jobId: 'yearly-run-b' }),
    ]);
    await t.drain();
    await t.jobs.enqueue(JobName.ComputeScheduledRewards, { period: 'previous-year' }, { jobId: 'yearly-run-c' });
    await t.drain();

    const ledger = (await t.api.get('contracts/rewards/2026', { token: w.admin.accessToken })).body as any[];
    const facilitation = ledger.filter((l) => l.institutionId === inst.organisation.id && l.kind === 'facilitation');
    expect(facilitation).toHaveLength(1);
    expect(facilitation[0]).toMatchObject({ basisAmount: 10_000_000, amount: 10_000, capped: false, provisional: false, computedAt: '2026-12-31T18:00:00.000Z' });
    expect(ledger.every((l) => !l.provisional)).toBe(true);
    expect(facilitation[0].contracts.map((c: any) => c.contractId).sort()).toEqual([c1.id, c2.id].sort());
    expect(ledger.filter((l) => l.institutionId === inst.organisation.id && l.kind === 'new-accreditation')).toHaveLength(1);
    const [{ dupes }] = await t.db.dataSource.query(`SELECT count(*)::int AS dupes FROM (SELECT 1 FROM reward_ledger_line GROUP BY year, institution_id, kind HAVING count(*) > 1) d`);
    expect(dupes).toBe(0);
    const [{ items }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS items FROM reward_ledger_item i JOIN reward_ledger_line l ON l.id = i.line_id WHERE l.institution_id = $1 AND l.kind = 'facilitation'`,
      [inst.organisation.id],
    );
    expect(items).toBe(2);
    // Nothing was computed for 2027 by the yearly run.
    expect((await t.api.get('contracts/rewards/2027', { token: w.admin.accessToken })).body).toEqual([]);
  });
});
