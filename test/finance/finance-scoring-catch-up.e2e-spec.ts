import { DataSource } from 'typeorm';
import { FinanceService } from '@techbridge/finance';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/**
 * After a change of the scoring version, stored matches of the old version are invisible to deal flow: the worker's
 * start queues one catch-up pass (outbox, jobId per version) that rescores every listed request.
 */
describe('finance: a scoring-version change is caught up at worker start', () => {
  let t: TestApp;
  let db: DataSource;
  let fund: Session;
  let enterprise: Session;

  const catchUpKeys = async () => (await db.query(`SELECT key FROM outbox_message WHERE target = 'finance.rescore-all' ORDER BY id`)).map((x: { key: string }) => x.key);

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    db = t.app.get(DataSource);
    fund = await signUpOrganisation(t.api, 'investment-fund', { region: 'BJ' });
    enterprise = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('queues nothing on an empty platform', async () => {
    expect(await t.app.get(FinanceService).queueMatchCatchUp()).toBe(false);
    expect(await catchUpKeys()).toEqual([]);
  });

  it('rows of an old version are rescored with the current one after start and drain; deal flow shows them again', async () => {
    await verifyOrganisation(t.api, fund.organisation.id);
    const profile = await t.api.put('investors/me/profile', {
      displayName: '京津冀硬科技基金', stages: ['a'], industries: ['new-energy'], ticketMin: 1_000_000, ticketMax: 20_000_000, regions: ['HE'],
    }, { token: fund.accessToken });
    expect(profile.status).toBe(200);
    const ids: string[] = [];
    for (const title of ['固态电池中试线融资', '钠离子电池量产融资']) {
      const a = await t.api.post('achievements', achievementBody(), { token: enterprise.accessToken });
      const r = await t.api.post('financing-requests', {
        title, summary: '中试线', amount: 8_000_000, stage: 'a', industry: 'new-energy', useOfFunds: '设备', achievementIds: [a.body.id],
      }, { token: enterprise.accessToken });
      expect((await t.api.post(`financing-requests/${r.body.id}/publish`, {}, { token: enterprise.accessToken })).status).toBe(200);
      ids.push(r.body.id);
    }
    await t.drain();
    // Everything is current: a start queues nothing.
    expect(await t.app.get(FinanceService).queueMatchCatchUp()).toBe(false);

    // Rows as an earlier scoring version left them (another score too), and one request without any row.
    await db.query(`UPDATE financing_match SET scoring_version = 'finance-0', score = 1 WHERE request_id = $1`, [ids[0]]);
    await db.query(`DELETE FROM financing_match WHERE request_id = $1`, [ids[1]]);
    const flow = async () => (await t.api.get('investors/me/deal-flow', { token: fund.accessToken })).body.items as Array<{ request: { id: string }; score: number }>;
    expect(await flow()).toEqual([]);

    // Worker start: queued once through the outbox, with the version's deterministic id.
    expect(await t.app.get(FinanceService).queueMatchCatchUp()).toBe(true);
    expect(await catchUpKeys()).toEqual(['finance-match:catch-up:finance-1:start']);
    await t.drain();

    const rows = await db.query(`SELECT request_id, score, scoring_version FROM financing_match WHERE investor_id = $1 ORDER BY request_id`, [fund.organisation.id]);
    expect(rows).toEqual([...ids].sort().map((id) => ({ request_id: id, score: 85, scoring_version: 'finance-1' })));
    expect((await flow()).map((i) => i.request.id).sort()).toEqual([...ids].sort());
    // Caught up: the next start queues nothing more.
    expect(await t.app.get(FinanceService).queueMatchCatchUp()).toBe(false);
    expect(await catchUpKeys()).toHaveLength(1);
  });
});
