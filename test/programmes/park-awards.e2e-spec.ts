import { MovableClock } from '@techbridge/platform';
import { seedContracts } from '../monitoring/monitoring-fixtures';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/** Park awards: the year's innovation index and the three-list completion give a proposal; administrators confirm and publish it with the reasons. */
describe('programmes: park awards (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  const parks: Record<string, Session> = {};

  /** `done` of `planned` docking items done in the park's 2026 lists. */
  async function lists(code: string, planned: number, done: number): Promise<void> {
    for (let i = 0; i < planned; i++) {
      const item = await t.api.post(`parks/${code}/three-lists/2026/items`, { kind: 'docking', title: `对接成果 ${code} ${i}` }, { token: parks[code].accessToken });
      expect(item.status).toBe(201);
      if (i < done) {
        await t.api.post(`three-list-items/${item.body.id}/steps`, { action: 'start' }, { token: parks[code].accessToken });
        expect((await t.api.post(`three-list-items/${item.body.id}/steps`, { action: 'complete', quarter: '2026Q1' }, { token: parks[code].accessToken })).body.counts).toBe(true);
      }
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-04-10T02:00:00Z') });
    admin = await signInAdmin(t.api);
    const seller = await signUpOrganisation(t.api, 'university');
    // Registered contracts in four parks in 2026Q1: the index ranks them by their amounts.
    const amounts: Record<string, string> = { 'bd-hitech': '9000000', 'sjz-hitech': '7000000', 'guan-hitech': '5000000', 'hengshui-hitech': '3000000' };
    for (const [park, amount] of Object.entries(amounts)) {
      await seedContracts(t.db.dataSource, { orgId: seller.organisation.id, userId: seller.user.id }, [
        { park, type: 'development-commissioned', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: amount, technologyAmount: amount, registeredAt: '2026-02-10T02:00:00Z' },
      ]);
      parks[park] = await signUpOrganisation(t.api, 'park-administration', { parkCode: park });
      await verifyOrganisation(t.api, parks[park].organisation.id);
    }
    await lists('bd-hitech', 2, 1); // 50%: below the minimum completion
    await lists('sjz-hitech', 2, 2);
    await lists('guan-hitech', 4, 3);
    await lists('hengshui-hitech', 1, 1);
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q1' }, { token: admin.accessToken })).status).toBe(201);
    expect((await t.api.post('monitoring/quarters/2026Q1/publish', {}, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken })).status).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('proposes from the ranking and the three lists; administrators confirm, leave one out with a reason, and it is published', async () => {
    expect((await t.api.post('park-awards/2026/proposal', {}, { token: parks['bd-hitech'].accessToken })).status).toBe(403);
    expect((await t.api.post('park-awards/2025/proposal', {}, { token: admin.accessToken })).status).toBe(404);
    const proposal = await t.api.post('park-awards/2026/proposal', {}, { token: admin.accessToken });
    expect(proposal.status).toBe(200);
    const byPark = Object.fromEntries(proposal.body.entries.map((e: any) => [e.park, e]));
    expect(byPark['bd-hitech']).toMatchObject({ indexRank: 1, completion: 0.5, proposed: false });
    expect(byPark['bd-hitech'].reason.zh).toContain('三个清单完成率低于');
    const proposed = proposal.body.entries.filter((e: any) => e.proposed).map((e: any) => e.park);
    expect([...proposed].sort()).toEqual(['guan-hitech', 'hengshui-hitech', 'sjz-hitech']);
    // In the order of the combined score (index scaled to the best park × 0.7 + completion × 0.3).
    const combined = proposal.body.entries.map((e: any) => e.combined);
    expect(combined).toEqual([...combined].sort((a: number, b: number) => b - a));
    expect(byPark['sjz-hitech'].reason.zh).toContain('拟给予奖励性支持');
    // Not public before confirmation.
    expect((await t.api.get('park-awards/2026')).status).toBe(404);
    expect((await t.api.get('park-awards/2026', { token: admin.accessToken })).body.status).toBe('proposed');

    expect((await t.api.post('park-awards/2026/confirmation', { excluded: [{ park: 'bd-hitech', reason: '未入选' }] }, { token: admin.accessToken })).status).toBe(400);
    const confirmed = await t.api.post('park-awards/2026/confirmation', { excluded: [{ park: 'hengshui-hitech', reason: '年度内发生安全生产事故' }], note: '经示范区领导小组审定' }, { token: admin.accessToken });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('published');
    const published = await t.api.get('park-awards/2026');
    expect(published.status).toBe(200);
    expect(published.body.entries.filter((e: any) => e.awarded).map((e: any) => e.park).sort()).toEqual(['guan-hitech', 'sjz-hitech']);
    expect(published.body.entries.find((e: any) => e.park === 'hengshui-hitech').reason.zh).toContain('年度内发生安全生产事故');
    expect((await t.api.post('park-awards/2026/proposal', {}, { token: admin.accessToken })).body.currentState).toBe('published');
  });
});
