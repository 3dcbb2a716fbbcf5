import { MovableClock } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const DAY = 86_400_000;

/**
 * The major projects portfolio end to end: a park administration proposes, the platform shortlists and puts it to a
 * public notice, a real-name objection stops the notice clock, approval for a year and level, quarterly milestones, the
 * mid-term check and acceptance; the quota dashboard counts the year's projects by level, city and state.
 */
describe('programmes: major transfer projects portfolio (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let park: Session;
  let otherPark: Session;
  let enterprise: Session;
  let citizen: Session;

  const propose = (s: Session, overrides: Record<string, unknown> = {}) =>
    t.api.post('major-projects', {
      title: '氢能重卡燃料电池系统产业化', summary: '依托高校燃料电池成果，在园区建设年产 5000 套燃料电池系统产线。', proposedLevel: 'province', enterpriseIds: [enterprise.organisation.id], ...overrides,
    }, { token: s.accessToken });
  const step = (id: string, action: string, note?: string) => t.api.post(`major-projects/${id}/transitions`, { action, ...(note ? { note } : {}) }, { token: admin.accessToken });

  /** A project through shortlist and a full notice to approval. */
  async function approved(s: Session, year: number, level: 'province' | 'city', title: string): Promise<string> {
    const p = await propose(s, { title, proposedLevel: level });
    expect(p.status).toBe(201);
    expect((await step(p.body.id, 'shortlist')).status).toBe(200);
    expect((await step(p.body.id, 'start-notice')).status).toBe(200);
    t.clock.advance(7 * DAY + 1000);
    const ok = await t.api.post(`major-projects/${p.body.id}/approval`, { year, level }, { token: admin.accessToken });
    expect(ok.status).toBe(200);
    return p.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-03-02T02:00:00Z') });
    admin = await signInAdmin(t.api);
    park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    await verifyOrganisation(t.api, park.organisation.id);
    otherPark = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'sjz-hitech' });
    await verifyOrganisation(t.api, otherPark.organisation.id);
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: 'bd-hitech' });
    citizen = await signUpOrganisation(t.api, 'university');
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('only a verified park administration proposes (for its own park); a proposal is private until its notice', async () => {
    expect((await propose(enterprise)).body.code).toBe('NOT_A_PARK_ADMINISTRATION');
    const pending = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    expect((await propose(pending)).status).toBe(403);
    expect((await propose(park, { enterpriseIds: [citizen.organisation.id] })).status).toBe(400);
    // Links must name published achievements and registered contracts.
    expect((await propose(park, { achievementIds: ['00000000-0000-4000-8000-000000000001'] })).body.details[0].field).toBe('achievementIds');
    expect((await propose(park, { contractIds: ['00000000-0000-4000-8000-000000000001'] })).body.details[0].field).toBe('contractIds');
    const p = await propose(park, { parkCode: 'sjz-hitech' });
    expect(p.status).toBe(400);
    const ok = await propose(park);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'proposed', parkCode: 'bd-hitech', city: '保定', year: null, level: null, notice: null });
    expect((await t.api.get(`major-projects/${ok.body.id}`, { token: otherPark.accessToken })).status).toBe(404);
    expect((await t.api.get(`major-projects/${ok.body.id}`)).status).toBe(404);
    expect((await t.api.get(`major-projects/${ok.body.id}`, { token: park.accessToken })).status).toBe(200);
    // Only platform administrators move it along.
    expect((await t.api.post(`major-projects/${ok.body.id}/transitions`, { action: 'shortlist' }, { token: park.accessToken })).status).toBe(403);
    expect((await step(ok.body.id, 'start-notice')).body.currentState).toBe('proposed');
  });

  it('public notice: seven days, a real-name objection stops the clock, a dismissal restarts it where it stood', async () => {
    const p = (await propose(park, { title: '高端装备数字孪生运维平台成果转化' })).body;
    await step(p.id, 'shortlist');
    const started = await step(p.id, 'start-notice');
    expect(started.body.notice).toMatchObject({ policyVersion: 1, noticeDays: 7, paused: false, endsAt: new Date(t.clock.now().getTime() + 7 * DAY).toISOString() });
    // In notice it is public; anyone signed in may object, by real name.
    expect((await t.api.get(`major-projects/${p.id}`)).status).toBe(200);
    t.clock.advance(2 * DAY);
    expect((await t.api.post(`major-projects/${p.id}/objections`, { realName: '张', phone: '13800138000', grounds: '该项目的核心专利存在权属争议。' }, { token: citizen.accessToken })).status).toBe(400);
    expect((await t.api.post(`major-projects/${p.id}/objections`, { realName: '张三', phone: '13800138000', grounds: '该项目的核心专利存在权属争议。' })).status).toBe(401);
    const objection = await t.api.post(`major-projects/${p.id}/objections`, { realName: '张三', phone: '13800138000', grounds: '该项目的核心专利存在权属争议。' }, { token: citizen.accessToken });
    expect(objection.status).toBe(201);
    const paused = (await t.api.get(`major-projects/${p.id}`)).body;
    expect(paused.notice).toMatchObject({ paused: true, endsAt: null, remainingMs: 5 * DAY });
    // The public sees the objection with the name masked; the proposer sees the name.
    expect((await t.api.get(`major-projects/${p.id}/objections`)).body[0]).toMatchObject({ realName: '张**', status: 'open' });
    expect((await t.api.get(`major-projects/${p.id}/objections`, { token: park.accessToken })).body[0].realName).toBe('张三');

    // Ten days on, the clock has not moved and approval is refused while the objection is open.
    t.clock.advance(10 * DAY);
    expect((await t.api.get(`major-projects/${p.id}`)).body.notice.remainingMs).toBe(5 * DAY);
    const early = await t.api.post(`major-projects/${p.id}/approval`, { year: 2026, level: 'province' }, { token: admin.accessToken });
    expect(early.body.code).toBe('OBJECTIONS_OPEN');
    const dismissed = await t.api.post(`major-projects/${p.id}/objections/${objection.body.id}/resolution`, { outcome: 'dismissed', resolution: '经核查专利权属清晰。' }, { token: admin.accessToken });
    expect(dismissed.body.status).toBe('dismissed');
    const resumed = (await t.api.get(`major-projects/${p.id}`)).body.notice;
    expect(resumed).toMatchObject({ paused: false, remainingMs: 5 * DAY, endsAt: new Date(t.clock.now().getTime() + 5 * DAY).toISOString() });
    t.clock.advance(4 * DAY);
    const stillRunning = await t.api.post(`major-projects/${p.id}/approval`, { year: 2026, level: 'province' }, { token: admin.accessToken });
    expect(stillRunning.body.code).toBe('NOTICE_STILL_RUNNING');
    t.clock.advance(DAY);
    const approvedNow = await t.api.post(`major-projects/${p.id}/approval`, { year: 2026, level: 'province' }, { token: admin.accessToken });
    expect(approvedNow.body).toMatchObject({ status: 'approved', year: 2026, level: 'province' });
  });

  it('an upheld objection rejects the project', async () => {
    const p = (await propose(park, { title: '农业生物育种成果中试熟化' })).body;
    await step(p.id, 'shortlist');
    await step(p.id, 'start-notice');
    const o = await t.api.post(`major-projects/${p.id}/objections`, { realName: '李四', phone: '13900139000', grounds: '申报材料中的合同金额与登记不符。' }, { token: citizen.accessToken });
    const upheld = await t.api.post(`major-projects/${p.id}/objections/${o.body.id}/resolution`, { outcome: 'upheld', resolution: '经核查材料不实，不予立项。' }, { token: admin.accessToken });
    expect(upheld.status).toBe(200);
    expect((await t.api.get(`major-projects/${p.id}`, { token: park.accessToken })).body).toMatchObject({ status: 'rejected', closingNote: '经核查材料不实，不予立项。' });
  });

  it('approved projects report quarterly milestones with evidence, pass the mid-term check and are accepted', async () => {
    const id = await approved(park, 2026, 'city', '园区污水处理膜技术示范工程');
    const report = (quarter: string, s: Session = park) =>
      t.api.post(`major-projects/${id}/milestones`, { quarter, progress: 30, summary: '完成中试线安装调试', evidence: '中试验收报告（编号 BD-2026-031）' }, { token: s.accessToken });
    expect((await report('2026Q2')).status).toBe(201);
    expect((await report('2026Q2')).status).toBe(409);
    expect((await report('2026Q3', otherPark)).status).toBe(403);
    expect((await t.api.get(`major-projects/${id}/milestones`)).body.map((m: any) => m.quarter)).toEqual(['2026Q2']);
    expect((await step(id, 'accept')).status).toBe(409);
    expect((await t.api.post(`major-projects/${id}/mid-term-check`, { passed: true, note: '进度符合计划' }, { token: admin.accessToken })).body.status).toBe('mid-term-passed');
    expect((await step(id, 'accept', '通过验收')).body).toMatchObject({ status: 'accepted', closingNote: '通过验收' });
    expect((await report('2026Q4')).status).toBe(409);
  });

  it('the quota dashboard counts each year by level and city against 20 and 10, with the states', async () => {
    const year = 2027;
    const ids = [await approved(park, year, 'province', '省级项目甲'), await approved(park, year, 'province', '省级项目乙'), await approved(otherPark, year, 'city', '石家庄市级项目')];
    await approved(park, year, 'city', '保定市级项目');
    await t.api.post(`major-projects/${ids[1]}/mid-term-check`, { passed: false, note: '进度严重滞后' }, { token: admin.accessToken });
    const dash = await t.api.get('major-projects/quota', { query: { year } });
    expect(dash.status).toBe(200);
    expect(dash.body.province).toEqual({ level: 'province', city: null, quota: 20, inPortfolio: 1, met: false, byStatus: { approved: 1, terminated: 1 } });
    const byCity = Object.fromEntries(dash.body.cities.map((c: any) => [c.city, c]));
    expect(byCity['保定']).toMatchObject({ quota: 10, inPortfolio: 1, byStatus: { approved: 1 } });
    expect(byCity['石家庄']).toMatchObject({ quota: 10, inPortfolio: 1 });
    expect(byCity['衡水']).toMatchObject({ inPortfolio: 0, met: false, byStatus: {} });
    expect((await t.api.get('major-projects', { query: { year, status: 'approved' } })).body.total).toBe(3);
    expect((await t.api.get('major-projects/quota', { query: { year: 'x' } })).status).toBe(400);
  });
});
