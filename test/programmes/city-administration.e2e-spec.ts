import { MovableClock } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const DAY = 86_400_000;

/**
 * City administrations (市级): an organisation type verified like the institutions, naming its city by its
 * administrative division code; once verified it proposes major projects for the parks of its city only, and its
 * projects count in its city's quota line.
 */
describe('programmes: a city administration proposes major projects for its own city (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let baoding: Session;

  const project = (overrides: Record<string, unknown> = {}) => ({
    title: '保定市新能源装备成果转化项目', summary: '由市科技局牵头，依托京津高校成果在园区建设新能源装备中试与产业化基地。', proposedLevel: 'city', ...overrides,
  });
  const propose = (s: Session, overrides: Record<string, unknown> = {}) => t.api.post('major-projects', project(overrides), { token: s.accessToken });
  const step = (id: string, action: string) => t.api.post(`major-projects/${id}/transitions`, { action }, { token: admin.accessToken });
  const quotaOf = async (city: string) => (await t.api.get('major-projects/quota', { query: { year: 2026 } })).body.cities.find((c: any) => c.city === city);

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-03-02T02:00:00Z') });
    admin = await signInAdmin(t.api);
    baoding = await signUpOrganisation(t.api, 'city-administration', { name: '保定市科学技术局', divisionCode: '130600' });
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('signs up only naming a city of the zone, and starts pending like the other institutions', async () => {
    await expect(signUpOrganisation(t.api, 'city-administration')).rejects.toThrow(/organisation\.divisionCode/);
    await expect(signUpOrganisation(t.api, 'city-administration', { divisionCode: '110101' })).rejects.toThrow(/CITY_REQUIRED/);
    expect(baoding.organisation).toMatchObject({ type: 'city-administration', divisionCode: '130600', verificationStatus: 'pending' });
  });

  it('an unverified city administration cannot propose (403); verification is never self-granted', async () => {
    const denied = await propose(baoding, { parkCode: 'bd-hitech' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('NOT_A_PARK_ADMINISTRATION');
    expect((await t.api.post(`organisations/${baoding.organisation.id}/verify`, { note: '自己核验自己' }, { token: baoding.accessToken })).status).toBe(403);
    expect((await propose(baoding, { parkCode: 'bd-hitech' })).status).toBe(403);
  });

  it('once verified it proposes for the parks of its own city (201) and not for another city (403); the project counts in its city quota', async () => {
    await verifyOrganisation(t.api, baoding.organisation.id);
    const ok = await propose(baoding, { parkCode: 'bd-hitech' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ parkCode: 'bd-hitech', city: '保定', proposedByOrgId: baoding.organisation.id, status: 'proposed' });
    // Any park of Baoding, not only one.
    expect((await propose(baoding, { parkCode: 'baiyangdian', title: '白洋淀科技城数字孪生成果转化' })).status).toBe(201);
    const elsewhere = await propose(baoding, { parkCode: 'sjz-hitech' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('OWN_CITY_ONLY');
    // A city administration must say which of its parks.
    expect((await propose(baoding)).status).toBe(400);

    const before = await quotaOf('保定');
    expect(await quotaOf('石家庄')).toMatchObject({ inPortfolio: 0 });
    expect((await step(ok.body.id, 'shortlist')).status).toBe(200);
    expect((await step(ok.body.id, 'start-notice')).status).toBe(200);
    t.clock.advance(7 * DAY + 1000);
    expect((await t.api.post(`major-projects/${ok.body.id}/approval`, { year: 2026, level: 'city' }, { token: admin.accessToken })).status).toBe(200);
    expect(await quotaOf('保定')).toMatchObject({ level: 'city', quota: 10, inPortfolio: before.inPortfolio + 1 });
    expect(await quotaOf('石家庄')).toMatchObject({ inPortfolio: 0 });

    // The proposing city administration reports the milestones of its project.
    const milestone = await t.api.post(`major-projects/${ok.body.id}/milestones`, { quarter: '2026Q2', progress: 20, summary: '中试线完成选址与设计', evidence: '市科技局立项批复文件' }, { token: baoding.accessToken });
    expect(milestone.status).toBe(201);
  });

  it('a city administration whose verification is withdrawn loses the power on the next request', async () => {
    expect((await t.api.post(`organisations/${baoding.organisation.id}/reject`, { reason: '资质材料过期' }, { token: admin.accessToken })).status).toBe(200);
    expect((await propose(baoding, { parkCode: 'bd-hitech', title: '核验撤销后的申报' })).status).toBe(403);
  });
});
