import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/** The plan's targets as data: every target with the plan's 2020 horizon and its indicator; later horizons added by administrators. */
describe('programmes: the plan targets and their horizons (e2e)', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t.api);
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('lists every target of the plan with the 2020 horizon, each tied to an indicator of the catalogue', async () => {
    const targets = (await t.api.get('monitoring/targets')).body;
    const byCode = Object.fromEntries(targets.map((x: any) => [x.code, x]));
    expect(targets.every((x: any) => x.targetYear === 2020)).toBe(true);
    expect(byCode['transfer-institutions']).toMatchObject({ target: 10, indicator: 'transfer-institutions', actual: null });
    expect(byCode['little-giants']).toMatchObject({ target: 1000, indicator: 'little-giant-enterprises' });
    expect(byCode['academician-workstations'].target).toBe(50);
    expect(byCode['new-rd-institutions'].target).toBe(20);
    expect(byCode['broker-training-bases'].target).toBe(10);
    expect(byCode['industry-alliances'].target).toBe(20);
    expect(byCode['technology-credit']).toMatchObject({ target: 20_000_000_000, unit: 'yuan' });
    expect(byCode['cultivation-pool'].target).toBe(1500);
    expect(byCode['contract-total'].name.zh).toBe('技术合同成交总额达到100亿元');
    const indicators = new Set((await t.api.get('monitoring/indicators', { token: admin.accessToken })).body.map((i: any) => i.code));
    for (const x of targets) expect(indicators.has(x.indicator)).toBe(true);
  });

  it('administrators add a later horizon without code; others may not', async () => {
    const horizon = { code: 'contract-total-2025', zh: '技术合同成交总额达到300亿元', en: 'Technology contract total of 30 billion yuan', indicator: 'contract-amount', target: 30_000_000_000, basis: 'cumulative', targetYear: 2025 };
    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    expect((await t.api.post('monitoring/targets', horizon, { token: park.accessToken })).status).toBe(403);
    const added = await t.api.post('monitoring/targets', horizon, { token: admin.accessToken });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: 'contract-total-2025', targetYear: 2025, unit: 'yuan', indicator: 'contract-amount' });
    expect((await t.api.post('monitoring/targets', horizon, { token: admin.accessToken })).status).toBe(409);
    expect((await t.api.post('monitoring/targets', { ...horizon, code: 'x-2025', indicator: 'no-such' }, { token: admin.accessToken })).status).toBe(400);
    const all = (await t.api.get('monitoring/targets')).body;
    expect(all[all.length - 1].code).toBe('contract-total-2025');
    expect(all.filter((x: any) => x.targetYear === 2020).length).toBe(15);
  });
});
