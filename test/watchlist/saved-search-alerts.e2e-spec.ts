import { achievementBody } from '../catalog/fixtures';
import { createDemand } from '../demand/demand-helpers';
import { Api, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { startTestSmtp, TestSmtp } from '../support/test-smtp';

async function publishAchievement(api: Api, owner: Session, admin: Session, overrides: Record<string, unknown>): Promise<string> {
  const created = await api.post('achievements', achievementBody(overrides), { token: owner.accessToken });
  expect(created.status).toBe(201);
  expect((await api.post(`achievements/${created.body.id}/submit`, {}, { token: owner.accessToken })).status).toBe(200);
  expect((await api.post(`achievements/${created.body.id}/approve`, { comment: '同意' }, { token: admin.accessToken })).status).toBe(200);
  return created.body.id;
}

const alertsOf = async (api: Api, s: Session) =>
  (await api.get('notifications', { token: s.accessToken, query: { pageSize: 100 } })).body.items.filter((n: { kind: string }) => n.kind === 'watch.saved-search');

describe('saved searches alert on new matching listings (in-app and e-mail)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: Session;
  let university: Session;
  let enterprise: Session;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ worker: true, env: { SMTP_URL: smtp.url } });
    admin = await signInAdmin(t.api);
    university = await signUpOrganisation(t.api, 'university');
    enterprise = await signUpOrganisation(t.api, 'enterprise');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('alerts the owner of a search that finds a newly published achievement, once, and not for one it does not find', async () => {
    const saved = await t.api.post('saved-searches', { subject: 'achievement', name: '光伏清洗', q: '光伏 清洗机器人', industry: 'new-energy', trlMin: 5 }, { token: enterprise.accessToken });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ subject: 'achievement', alert: true, criteria: { q: '光伏 清洗机器人', industry: 'new-energy', trlMin: 5 } });
    const quiet = await t.api.post('saved-searches', { subject: 'achievement', name: '不提醒', q: '光伏', alert: false }, { token: enterprise.accessToken });
    expect(quiet.status).toBe(201);

    const other = await publishAchievement(t.api, university, admin, { title: '钙钛矿叠层电池低温制备工艺', keywords: ['钙钛矿'] });
    const wanted = await publishAchievement(t.api, university, admin, {
      title: '光伏组件智能清洗机器人', keywords: ['清洗机器人', '光伏运维'], summary: '面向大型光伏电站的无水清洗机器人，自主导航，清洗效率提升三倍，已在河北多个电站应用。', trl: 7,
    });
    await t.drain();

    const alerts = await alertsOf(t.api, enterprise);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ link: `/achievements/${wanted}`, data: { savedSearchId: saved.body.id, targetId: wanted } });
    expect(alerts[0].title.zh).toContain('光伏组件智能清洗机器人');
    expect(alerts.some((n: { data: { targetId: string } }) => n.data.targetId === other)).toBe(false);
    const mail = await smtp.waitFor((m) => m.to.includes(enterprise.user.email) && m.subject.includes('光伏组件智能清洗机器人'));
    expect(mail.subject).toContain('光伏清洗');

    // The job again (a retry, a second delivery): no second alert, no second e-mail.
    await t.jobs.enqueue('watchlist.alert-saved-searches' as never, { subject: 'achievement', id: wanted } as never, { jobId: `again-${wanted}` });
    await t.drain();
    expect(await alertsOf(t.api, enterprise)).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes(enterprise.user.email) && m.subject.includes('光伏组件智能清洗机器人'))).toHaveLength(1);
    // The publisher's own organisation is not alerted to its own achievement.
    expect(await alertsOf(t.api, university)).toHaveLength(0);
    const list = await t.api.get('saved-searches', { token: enterprise.accessToken });
    expect(list.body.items.find((s: { id: string }) => s.id === saved.body.id).lastAlertedAt).not.toBeNull();
  });

  it('alerts on a demand only a reader of its description could find', async () => {
    const seeker = await signUpOrganisation(t.api, 'university');
    const saved = await t.api.post('saved-searches', { subject: 'demand', name: '脱硝需求', q: '脱硝' }, { token: seeker.accessToken });
    expect(saved.status).toBe(201);
    const brokersOnly = await createDemand(t.api, enterprise, { title: '焦化烟气低温脱硝改造', visibility: 'brokers' });
    const open = await createDemand(t.api, enterprise, { title: '烧结烟气脱硝技术需求', visibility: 'public' });
    await t.drain();
    const alerts = await alertsOf(t.api, seeker);
    expect(alerts.map((n: { data: { targetId: string } }) => n.data.targetId)).toEqual([open.id]);
    expect(alerts.some((n: { data: { targetId: string } }) => n.data.targetId === brokersOnly.id)).toBe(false);
  });

  it('refuses filters of the other subject, an empty search and strangers (404)', async () => {
    const bad = await t.api.post('saved-searches', { subject: 'demand', name: 'x', q: '氢能', trlMin: 4 }, { token: enterprise.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('trlMin');
    const empty = await t.api.post('saved-searches', { subject: 'achievement', name: 'x' }, { token: enterprise.accessToken });
    expect(empty.status).toBe(400);
    const mine = await t.api.post('saved-searches', { subject: 'achievement', name: '氢能', q: '氢能' }, { token: enterprise.accessToken });
    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.patch(`saved-searches/${mine.body.id}`, { alert: false }, { token: stranger.accessToken })).status).toBe(404);
    expect((await t.api.delete(`saved-searches/${mine.body.id}`, { token: stranger.accessToken })).status).toBe(404);
    const off = await t.api.patch(`saved-searches/${mine.body.id}`, { alert: false, name: '氢能（暂停）' }, { token: enterprise.accessToken });
    expect(off.body).toMatchObject({ alert: false, name: '氢能（暂停）' });
    expect((await t.api.delete(`saved-searches/${mine.body.id}`, { token: enterprise.accessToken })).status).toBe(204);
  });
});

describe('favourites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });
  afterAll(() => t?.close());

  it('keeps what the user may see, once, with its current title; strangers and hidden targets get 404', async () => {
    const admin = await signInAdmin(t.api);
    const university = await signUpOrganisation(t.api, 'university');
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    const published = await publishAchievement(t.api, university, admin, { title: '盐碱地改良微生物菌剂' });
    const draft = await t.api.post('achievements', achievementBody({ title: '未发布的成果' }), { token: university.accessToken });

    const first = await t.api.post('favourites', { subject: 'achievement', targetId: published }, { token: enterprise.accessToken });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ subject: 'achievement', targetId: published, title: '盐碱地改良微生物菌剂', available: true });
    const again = await t.api.post('favourites', { subject: 'achievement', targetId: published }, { token: enterprise.accessToken });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await t.api.post('favourites', { subject: 'achievement', targetId: draft.body.id }, { token: enterprise.accessToken })).status).toBe(404);
    const demand = await createDemand(t.api, enterprise, {}, false);
    expect((await t.api.post('favourites', { subject: 'demand', targetId: demand.id }, { token: university.accessToken })).status).toBe(404);

    const list = await t.api.get('favourites', { token: enterprise.accessToken });
    expect(list.body).toMatchObject({ total: 1, items: [{ id: first.body.id, title: '盐碱地改良微生物菌剂', available: true }] });
    expect((await t.api.delete(`favourites/${first.body.id}`, { token: university.accessToken })).status).toBe(404);

    // Withdrawn since: still listed, shown as gone, without its title.
    expect((await t.api.post(`achievements/${published}/withdraw`, {}, { token: university.accessToken })).status).toBe(200);
    const after = await t.api.get('favourites', { token: enterprise.accessToken });
    expect(after.body.items[0]).toMatchObject({ available: false, title: '' });
    expect((await t.api.delete(`favourites/${first.body.id}`, { token: enterprise.accessToken })).status).toBe(204);
    expect((await t.api.get('favourites', { token: enterprise.accessToken })).body.total).toBe(0);
  });
});
