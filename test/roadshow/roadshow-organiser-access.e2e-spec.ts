import { MovableClock } from '@techbridge/platform';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { eventBody, publishAchievement, START } from './roadshow-helpers';

/**
 * Organiser actions need the organiser role (broker or administrator of the organising organisation, or platform
 * staff), the same roles that create an event: a plain member of the organising organisation sees the event but
 * takes no organiser action.
 */
describe('roadshow: organiser actions need the organiser role (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let tti: Session;
  let broker: Session;
  let member: Session;
  let university: Session;
  let enterprise: Session;
  let eventId: string;
  let applicationId: string;
  let achievementB: string;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(START) });
    admin = await signInAdmin(t.api);
    tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南技术转移中心（权限）' });
    await verifyOrganisation(t.api, tti.organisation.id);
    broker = await addMember(t.api, tti, ['broker']);
    member = await addMember(t.api, tti, ['member']);
    university = await signUpOrganisation(t.api, 'university', { name: '北京权限测试大学' });
    enterprise = await signUpOrganisation(t.api, 'enterprise', { name: '权限测试企业' });
    const achievementA = await publishAchievement(t.api, university, admin, { title: '储能电池热管理系统' });
    achievementB = await publishAchievement(t.api, university, admin, { title: '光伏组件清洗机器人', industry: 'new-energy', field: 'photovoltaics' });

    const created = await t.api.post('roadshows', eventBody({ title: '组织方权限测试' }), { token: broker.accessToken });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    expect((await t.api.post(`roadshows/${eventId}/transitions`, { action: 'open-registration' }, { token: broker.accessToken })).status).toBe(200);
    const applied = await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: achievementA }, { token: university.accessToken });
    expect(applied.status).toBe(201);
    applicationId = applied.body.id;
    expect((await t.api.post(`roadshows/${eventId}/participants`, {}, { token: enterprise.accessToken })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a plain member of the organising organisation cannot create, invite, decide, suggest, move the event or read organiser views', async () => {
    expect((await t.api.post('roadshows', eventBody({ title: '成员不能创建' }), { token: member.accessToken })).status).toBe(403);
    // It sees the announced event like everyone else.
    expect((await t.api.get(`roadshows/${eventId}`, { token: member.accessToken })).status).toBe(200);

    const invite = await t.api.post(`roadshows/${eventId}/invitations`, { achievementId: achievementB }, { token: member.accessToken });
    expect(invite.status).toBe(403);
    expect(invite.body.code).toBe('ROADSHOW_NOT_ORGANISER');
    // Not the organiser and not the presenter: the application is not theirs to see.
    expect((await t.api.post(`roadshows/${eventId}/presentations/${applicationId}/decision`, { decision: 'accept' }, { token: member.accessToken })).status).toBe(404);
    const suggestion = { suggestions: [{ enterpriseOrgId: enterprise.organisation.id, presentationId: applicationId, score: 80 }] };
    expect((await t.api.post(`roadshows/${eventId}/meeting-suggestions`, suggestion, { token: member.accessToken })).status).toBe(403);
    expect((await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close-registration' }, { token: member.accessToken })).status).toBe(403);
    for (const view of ['participants', 'meetings', 'schedule-preview', 'report']) {
      expect((await t.api.get(`roadshows/${eventId}/${view}`, { token: member.accessToken })).status).toBe(403);
    }
    // The pending application stays off the public programme for the member.
    expect((await t.api.get(`roadshows/${eventId}/presentations`, { token: member.accessToken })).body).toEqual([]);

    // Nothing moved: the event is still open and the application still waits for a decision.
    expect((await t.api.get(`roadshows/${eventId}`)).body.status).toBe('registration-open');
    const programme = await t.api.get(`roadshows/${eventId}/presentations`, { token: broker.accessToken });
    expect(programme.body.map((p: any) => [p.id, p.status])).toEqual([[applicationId, 'applied']]);
  });

  it('the broker of the organising organisation and platform staff take the same actions', async () => {
    const invite = await t.api.post(`roadshows/${eventId}/invitations`, { achievementId: achievementB }, { token: broker.accessToken });
    expect(invite.status).toBe(201);
    expect(invite.body.status).toBe('invited');
    const decided = await t.api.post(`roadshows/${eventId}/presentations/${applicationId}/decision`, { decision: 'accept' }, { token: broker.accessToken });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('accepted');
    const suggestion = { suggestions: [{ enterpriseOrgId: enterprise.organisation.id, presentationId: applicationId, score: 80 }] };
    const suggested = await t.api.post(`roadshows/${eventId}/meeting-suggestions`, suggestion, { token: broker.accessToken });
    expect(suggested.status).toBe(201);
    expect(suggested.body).toHaveLength(1);
    expect((await t.api.get(`roadshows/${eventId}/report`, { token: admin.accessToken })).status).toBe(200);
    const closed = await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close-registration' }, { token: admin.accessToken });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('scheduled');
  });

  it('a plain member sees its organisation\'s drafts but cannot open them; other organisations do not see them', async () => {
    const draft = await t.api.post('roadshows', eventBody({ title: '成员可见草稿' }), { token: broker.accessToken });
    expect((await t.api.get(`roadshows/${draft.body.id}`, { token: member.accessToken })).status).toBe(200);
    expect((await t.api.post(`roadshows/${draft.body.id}/transitions`, { action: 'open-registration' }, { token: member.accessToken })).status).toBe(403);
    expect((await t.api.post(`roadshows/${draft.body.id}/transitions`, { action: 'open-registration' }, { token: enterprise.accessToken })).status).toBe(404);
    expect((await t.api.get(`roadshows/${draft.body.id}`, { token: broker.accessToken })).body.status).toBe('planned');
  });
});
