import { MovableClock } from '@techbridge/platform';
import { eventBody, publishAchievement, START } from '../roadshow/roadshow-helpers';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/** An investor roadshow: enterprises pitch, verified funds attend and ask for 1:1 meetings, the worker schedules them. */
describe('finance: investor roadshow with 1:1 meetings scheduled by the worker (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  let startup: Session;
  let fund: Session;
  let pendingFund: Session;
  let enterprise: Session;
  let matchedFund: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(START) });
    admin = await signInAdmin(t.api);
    const tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南科技金融服务中心' });
    await verifyOrganisation(t.api, tti.organisation.id);
    broker = await addMember(t.api, tti, ['broker']);
    startup = await signUpOrganisation(t.api, 'enterprise', { name: '路演初创企业', parkCode: 'gaobeidian-innovation' });
    enterprise = await signUpOrganisation(t.api, 'enterprise', { name: '旁听企业' });
    fund = await signUpOrganisation(t.api, 'investment-fund', { name: '高碑店科创子基金', parkCode: 'gaobeidian-innovation' });
    pendingFund = await signUpOrganisation(t.api, 'investment-fund', { name: '未核验基金' });
    await verifyOrganisation(t.api, fund.organisation.id);
    matchedFund = await signUpOrganisation(t.api, 'investment-fund', { name: '新能源成长基金' });
    await verifyOrganisation(t.api, matchedFund.organisation.id);
    await t.api.put('investors/me/profile', { displayName: '新能源成长基金', stages: ['a'], industries: ['new-energy'], regions: ['HE'] }, { token: matchedFund.accessToken });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('only verified funds attend; a fund’s must-meet request becomes a scheduled 1:1 meeting with the presenter', async () => {
    const created = await t.api.post('roadshows', eventBody({ kind: 'investor', title: '科技型企业投融资路演' }), { token: broker.accessToken });
    expect(created.status).toBe(201);
    expect(created.body.kind).toBe('investor');
    const id = created.body.id;
    await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });

    const achievementId = await publishAchievement(t.api, startup, admin, { title: '固态锂电池电解质膜' });
    const pres = await t.api.post(`roadshows/${id}/presentations`, { achievementId }, { token: startup.accessToken });
    expect(pres.status).toBe(201);
    expect((await t.api.post(`roadshows/${id}/presentations/${pres.body.id}/decision`, { decision: 'accept' }, { token: broker.accessToken })).status).toBe(200);

    // Enterprises and unverified funds do not attend an investor roadshow.
    const asEnterprise = await t.api.post(`roadshows/${id}/participants`, {}, { token: enterprise.accessToken });
    expect(asEnterprise.status).toBe(403);
    expect(asEnterprise.body.code).toBe('ROADSHOW_ENTERPRISES_ONLY');
    expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: pendingFund.accessToken })).status).toBe(403);
    expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: fund.accessToken })).status).toBe(201);

    const wish = await t.api.post(`roadshows/${id}/meeting-requests`, { presentationId: pres.body.id, kind: 'must-meet' }, { token: fund.accessToken });
    expect(wish.status).toBe(201);

    // A fund that asked for nothing is suggested the presenter its profile matches (the presenter's listed financing request).
    expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: matchedFund.accessToken })).status).toBe(201);
    const request = await t.api.post('financing-requests', {
      title: '固态电池A轮', summary: '量产线', amount: 10_000_000, stage: 'a', industry: 'new-energy', useOfFunds: '产线', achievementIds: [achievementId],
    }, { token: startup.accessToken });
    await t.api.post(`financing-requests/${request.body.id}/publish`, {}, { token: startup.accessToken });
    expect((await t.api.post(`roadshows/${id}/investor-suggestions`, {}, { token: startup.accessToken })).status).toBe(403);
    const suggested = await t.api.post(`roadshows/${id}/investor-suggestions`, { minScore: 50 }, { token: broker.accessToken });
    expect(suggested.status).toBe(200);
    expect(suggested.body.items).toHaveLength(1);
    expect(suggested.body.items[0]).toMatchObject({ enterpriseOrgId: matchedFund.organisation.id, kind: 'suggestion', matchScore: 65 });

    await t.api.post(`roadshows/${id}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    await t.drain();
    const meetings = (await t.api.get(`roadshows/${id}/meetings`, { token: broker.accessToken })).body.filter((m: any) => m.status === 'scheduled');
    expect(meetings.map((m: any) => m.enterpriseOrgId).sort()).toEqual([fund.organisation.id, matchedFund.organisation.id].sort());
    expect(meetings.every((m: any) => m.presenterOrgId === startup.organisation.id)).toBe(true);
    // Both sides see it in their schedule.
    const mine = (await t.api.get(`roadshows/${id}/my-schedule`, { token: fund.accessToken })).body;
    expect(JSON.stringify(mine)).toContain(meetings.find((m: any) => m.enterpriseOrgId === fund.organisation.id).id);

    // A technology roadshow still admits enterprises only.
    const tech = await t.api.post('roadshows', eventBody({ title: '技术路演' }), { token: broker.accessToken });
    expect(tech.body.kind).toBe('technology');
    await t.api.post(`roadshows/${tech.body.id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    expect((await t.api.post(`roadshows/${tech.body.id}/participants`, {}, { token: fund.accessToken })).status).toBe(403);
    expect((await t.api.post(`roadshows/${tech.body.id}/participants`, {}, { token: enterprise.accessToken })).status).toBe(201);
  });
});
