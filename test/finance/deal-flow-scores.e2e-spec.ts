import { DataSource } from 'typeorm';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/**
 * Deal flow reads stored investor ↔ request matches: a publication or a profile edit enqueues a rescoring job through
 * the outbox (deterministic id per version), and the worker replaces the stored scores with the current scoring's.
 */
describe('finance: stored deal-flow matches are rescored by the worker when a request or a profile changes', () => {
  let t: TestApp;
  let db: DataSource;
  let fund: Session;
  let enterprise: Session;
  let requestId: string;

  const profile = (overrides: Record<string, unknown> = {}) =>
    t.api.put('investors/me/profile', {
      displayName: '京津冀硬科技基金', stages: ['a'], industries: ['new-energy'], ticketMin: 1_000_000, ticketMax: 20_000_000, regions: ['HE'], ...overrides,
    }, { token: fund.accessToken });
  const flow = async () => (await t.api.get('investors/me/deal-flow', { token: fund.accessToken })).body.items as Array<{ request: { id: string }; score: number; reasons: Array<{ code: string }> }>;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    db = t.app.get(DataSource);
    fund = await signUpOrganisation(t.api, 'investment-fund', { region: 'BJ' });
    enterprise = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
    await verifyOrganisation(t.api, fund.organisation.id);
    expect((await profile()).status).toBe(200);
    const a = await t.api.post('achievements', achievementBody(), { token: enterprise.accessToken });
    const r = await t.api.post('financing-requests', {
      title: '固态电池中试线融资', summary: '中试线', amount: 8_000_000, stage: 'a', industry: 'new-energy', useOfFunds: '设备', achievementIds: [a.body.id],
    }, { token: enterprise.accessToken });
    requestId = r.body.id;
    expect((await t.api.post(`financing-requests/${requestId}/publish`, {}, { token: enterprise.accessToken })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the score of a published request with the scoring version, and reads deal flow from the table', async () => {
    // Nothing is scored live: before the worker ran, the flow is empty.
    expect(await flow()).toEqual([]);
    await t.drain();
    const [item] = await flow();
    expect(item.request.id).toBe(requestId);
    expect(item.score).toBe(85); // industry 30 + stage 25 + ticket size 20 + region 10
    const rows = await db.query(`SELECT score, scoring_version FROM financing_match WHERE request_id = $1 AND investor_id = $2`, [requestId, fund.organisation.id]);
    expect(rows).toEqual([{ score: 85, scoring_version: 'finance-1' }]);
  });

  it('a profile edit rescores: the stored score stays until the job ran, then reflects the new profile', async () => {
    expect((await profile({ industries: ['digital'] })).status).toBe(200);
    // Until the job runs the stored score is what deal flow shows.
    expect((await flow())[0].score).toBe(85);
    await t.drain();
    const [item] = await flow();
    expect(item.score).toBe(55);
    expect(item.reasons.map((r) => r.code)).not.toContain('industry');
    const keys = (await db.query(`SELECT key FROM outbox_message WHERE target = 'finance.rescore-investor' ORDER BY created_at`)).map((x: { key: string }) => x.key);
    expect(keys).toEqual([`finance-match:investor:${fund.organisation.id}:v1`, `finance-match:investor:${fund.organisation.id}:v2`]);

    // The request's investors (owner's view) read the same stored row.
    const investors = await t.api.get(`financing-requests/${requestId}/investor-matches`, { token: enterprise.accessToken });
    expect(investors.body.map((m: { score: number }) => m.score)).toEqual([55]);
  });

  it('a withdrawn request loses its stored matches', async () => {
    expect((await t.api.post(`financing-requests/${requestId}/withdraw`, {}, { token: enterprise.accessToken })).status).toBe(200);
    await t.drain();
    expect(await flow()).toEqual([]);
    expect(await db.query(`SELECT 1 FROM financing_match WHERE request_id = $1`, [requestId])).toEqual([]);
  });
});
