import { MovableClock } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createDemand } from '../demand/demand-helpers';
import { eventBody } from '../roadshow/roadshow-helpers';
import { certifyBroker } from '../support/broker-certification';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/**
 * The role rule end to end: broker only in a verified transfer institution, reviewer only in a verified park
 * administration (for its park), a verified registration institution or the platform. Grants that break it are
 * refused with the role and the reason; grants already on record lose their effect on the next request.
 */
describe('identity: privileged roles only from a verified organisation of the right type (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let enterprise: Session;
  let institution: Session;
  let broker: Session;
  let park: Session;
  let reviewer: Session;
  const SECRET = '转炉煤气回收率仅为 62%';
  const invite = (s: Session, roles: string[], lang = 'zh') =>
    t.api.post(`organisations/${s.organisation.id}/invitations`, { email: `rule-${Date.now()}-${Math.random().toString(36).slice(2)}@example.cn`, roles }, { token: s.accessToken, headers: { 'accept-language': lang } });
  /** A grant as it looks when it predates the rule: written straight into the user's row. */
  const grantInDatabase = (s: Session, roles: string[]) => t.db.dataSource.query(`UPDATE app_user SET roles = $2 WHERE id = $1`, [s.user.id, roles]);

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-05-20T02:00:00Z') });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: 'bd-hitech' });
    institution = await signUpOrganisation(t.api, 'transfer-institution');
    await verifyOrganisation(t.api, institution.organisation.id);
    broker = await addMember(t.api, institution, ['broker']);
    park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    await verifyOrganisation(t.api, park.organisation.id);
    reviewer = await addMember(t.api, park, ['reviewer']);
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('a grant that breaks the rule is refused with the role and the reason, in zh and en, by invitation and by role change', async () => {
    const byEnterprise = await invite(enterprise, ['member', 'broker', 'reviewer']);
    expect(byEnterprise.status).toBe(400);
    expect(byEnterprise.body.code).toBe('ROLE_NOT_GRANTABLE');
    expect(byEnterprise.body.details).toEqual([
      { field: 'roles[1]', code: 'organisation-type', message: expect.stringContaining('技术经纪人') },
      { field: 'roles[2]', code: 'organisation-type', message: expect.stringContaining('审核员') },
    ]);
    expect(byEnterprise.body.refusedRoles).toEqual([{ role: 'broker', reason: 'organisation-type' }, { role: 'reviewer', reason: 'organisation-type' }]);
    const inEnglish = await invite(enterprise, ['broker'], 'en');
    expect(inEnglish.body.details[0].message).toBe('The broker role can only be held in a verified transfer institution');
    expect(inEnglish.body.message).toContain('broker');

    // The right type but not verified: told to wait for verification, not that the type is wrong.
    const pending = await signUpOrganisation(t.api, 'transfer-institution');
    const early = await invite(pending, ['broker'], 'en');
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'roles[0]', code: 'organisation-not-verified' })]);
    // A park administration with no park on record cannot scope a reviewer.
    const parkless = await signUpOrganisation(t.api, 'park-administration');
    await verifyOrganisation(t.api, parkless.organisation.id);
    expect((await invite(parkless, ['reviewer'])).body.details).toEqual([expect.objectContaining({ code: 'park-not-set' })]);
    // Nothing was stored for the refused invitations.
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM invitation WHERE organisation_id = ANY($1)`, [[enterprise.organisation.id, pending.organisation.id, parkless.organisation.id]]);
    expect(n).toBe(0);

    // The same rule on a role change; a valid change is audited and works at once.
    const colleague = await addMember(t.api, uni, ['member']);
    const change = (s: Session, to: Session, roles: string[]) => t.api.put(`organisations/${s.organisation.id}/members/${to.user.id}/roles`, { roles }, { token: s.accessToken });
    const refused = await change(uni, colleague, ['member', 'reviewer']);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'roles[1]', code: 'organisation-type' })]);
    const member = await addMember(t.api, institution, ['member']);
    expect((await t.api.get('thesaurus', { token: member.accessToken })).status).toBe(403);
    // The person holds a broker certificate (issue 17): the grant is what this case is about.
    await certifyBroker(t.api, member);
    const promoted = await change(institution, member, ['broker']);
    expect(promoted.status).toBe(200);
    expect((await t.api.get('thesaurus', { token: member.accessToken })).status).toBe(200);
    expect(promoted.body).toMatchObject({ roles: ['member', 'broker'], effectiveRoles: ['member', 'broker'] });
    const audit = await t.api.get('audit-log', { token: admin.accessToken, query: { action: 'change-roles', entityId: member.user.id } });
    expect(audit.body.items[0].changes).toEqual({ from: ['member'], to: ['member', 'broker'] });
    // Only the organisation's own org-admins (or the platform) change roles; a member's call is refused, another organisation's is 404.
    expect((await change(member, member, ['member', 'org-admin'])).status).toBe(403);
    expect((await t.api.put(`organisations/${institution.organisation.id}/members/${member.user.id}/roles`, { roles: ['member'] }, { token: uni.accessToken })).status).toBe(404);
    // The organisation keeps an org-admin.
    const last = await change(uni, uni, ['member']);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('LAST_ORG_ADMIN');
  });

  it('a role taken away or voided stops working on the very next request, with the same token', async () => {
    const colleague = await addMember(t.api, institution, ['broker']);
    expect((await t.api.get('thesaurus', { token: colleague.accessToken })).status).toBe(200);
    expect((await t.api.put(`organisations/${institution.organisation.id}/members/${colleague.user.id}/roles`, { roles: ['member'] }, { token: institution.accessToken })).status).toBe(200);
    const gone = await t.api.get('thesaurus', { token: colleague.accessToken });
    expect(gone.status).toBe(403);
    expect(gone.body.code).toBe('ROLE_REQUIRED');

    // An enterprise's broker grant from before the rule: on record, without effect, and said so.
    const selfMade = await addMember(t.api, enterprise, ['member']);
    await grantInDatabase(selfMade, ['member', 'broker']);
    const me = await t.api.get('me', { token: selfMade.accessToken });
    expect(me.body.user).toMatchObject({ roles: ['member', 'broker'], effectiveRoles: ['member'] });
    const denied = await t.api.get('thesaurus', { token: selfMade.accessToken, headers: { 'accept-language': 'en' } });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ROLE_NOT_IN_EFFECT');
    expect(denied.body.voidedRoles).toEqual([{ role: 'broker', reason: 'organisation-type' }]);
    expect(denied.body.message).toContain('broker');
    // The organisation's member list shows the granted and the effective roles apart.
    const members = await t.api.get(`organisations/${enterprise.organisation.id}/members`, { token: enterprise.accessToken, query: { pageSize: 50 } });
    expect(members.body.items.find((u: any) => u.id === selfMade.user.id)).toMatchObject({ roles: ['member', 'broker'], effectiveRoles: ['member'] });

    // A verified institution's broker loses the power when the platform revokes the verification, and gets it back.
    const other = await signUpOrganisation(t.api, 'transfer-institution');
    await verifyOrganisation(t.api, other.organisation.id);
    const otherBroker = await addMember(t.api, other, ['broker']);
    expect((await t.api.get('thesaurus', { token: otherBroker.accessToken })).status).toBe(200);
    expect((await t.api.post(`organisations/${other.organisation.id}/reject`, { reason: '备案证明过期' }, { token: admin.accessToken })).status).toBe(200);
    const revoked = await t.api.get('thesaurus', { token: otherBroker.accessToken });
    expect(revoked.status).toBe(403);
    expect(revoked.body.voidedRoles).toEqual([{ role: 'broker', reason: 'organisation-not-verified' }]);
    await verifyOrganisation(t.api, other.organisation.id);
    expect((await t.api.get('thesaurus', { token: otherBroker.accessToken })).status).toBe(200);
    // A disabled user's unexpired token names nobody any more.
    await t.db.dataSource.query(`UPDATE app_user SET status = 'disabled' WHERE id = $1`, [otherBroker.user.id]);
    expect((await t.api.get('me', { token: otherBroker.accessToken })).status).toBe(401);
  });

  it('a pending or rejected organisation has no privileged power: unpublished achievements, files, review history, park entries', async () => {
    const a = (await t.api.post('achievements', achievementBody({ title: '钙钛矿叠层组件封装技术' }), { token: uni.accessToken })).body;
    const up = multipartFile('file', '检测报告.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n% report\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
    const file = await t.api.post(`achievements/${a.id}/attachments`, up.body, { token: uni.accessToken, headers: up.headers });
    expect(file.status).toBe(201);
    expect((await t.api.post(`achievements/${a.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);

    // The verified park's reviewer (new-energy is a key industry of bd-hitech) sees all of it.
    for (const path of [`achievements/${a.id}`, `achievements/${a.id}/attachments`, `achievements/${a.id}/attachments/${file.body.id}`, `achievements/${a.id}/events`]) {
      expect({ path, status: (await t.api.get(path, { token: reviewer.accessToken })).status }).toEqual({ path, status: 200 });
    }
    // A second administration claiming the same park, pending, whose administrator made itself reviewer: nothing.
    const impostor = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    await grantInDatabase(impostor, ['member', 'org-admin', 'reviewer']);
    for (const path of [`achievements/${a.id}`, `achievements/${a.id}/attachments`, `achievements/${a.id}/attachments/${file.body.id}`, `achievements/${a.id}/events`]) {
      expect({ path, status: (await t.api.get(path, { token: impostor.accessToken })).status }).toEqual({ path, status: 404 });
    }
    const queue = await t.api.get('achievements', { token: impostor.accessToken, query: { reviewQueue: true, pageSize: 100 } });
    expect(queue.body.items.map((x: any) => x.id)).not.toContain(a.id);
    expect((await t.api.post(`achievements/${a.id}/approve`, {}, { token: impostor.accessToken })).status).toBe(403);

    // Quarterly entries: the verified park's figures are not readable by the pending one for the same park.
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q2' }, { token: admin.accessToken })).status).toBe(201);
    const entered = await t.api.put('monitoring/quarters/2026Q2/parks/bd-hitech/entries', { entries: [{ indicator: 'high-tech-enterprises', value: 131 }] }, { token: park.accessToken });
    expect(entered.status).toBe(200);
    expect((await t.api.get('monitoring/quarters/2026Q2/entries', { token: park.accessToken })).body).toHaveLength(1);
    const peek = await t.api.get('monitoring/quarters/2026Q2/entries', { token: impostor.accessToken });
    expect(peek.status).toBe(404);
    const write = await t.api.put('monitoring/quarters/2026Q2/parks/bd-hitech/entries', { entries: [{ indicator: 'high-tech-enterprises', value: 1 }] }, { token: impostor.accessToken });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('ORGANISATION_NOT_VERIFIED');
    expect((await t.api.get('monitoring/reports/2026Q2', { token: impostor.accessToken })).status).toBe(403);
  });

  it('a verified park administration\'s reviewer is scoped to its park', async () => {
    const agriPark = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'zhuozhou-agri' });
    await verifyOrganisation(t.api, agriPark.organisation.id);
    const agriReviewer = await addMember(t.api, agriPark, ['reviewer']);
    const energy = (await t.api.post('achievements', achievementBody({ title: '分布式光伏并网逆变器' }), { token: uni.accessToken })).body;
    const seeds = (await t.api.post('achievements', achievementBody({ title: '玉米耐密高产品种选育技术', industry: 'modern-agriculture', field: 'seed-industry' }), { token: uni.accessToken })).body;
    for (const x of [energy, seeds]) expect((await t.api.post(`achievements/${x.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);

    expect((await t.api.get(`achievements/${seeds.id}`, { token: reviewer.accessToken })).status).toBe(404);
    expect((await t.api.post(`achievements/${seeds.id}/approve`, {}, { token: reviewer.accessToken })).status).toBe(404);
    expect((await t.api.get(`achievements/${energy.id}`, { token: agriReviewer.accessToken })).status).toBe(404);
    const queue = (await t.api.get('achievements', { token: agriReviewer.accessToken, query: { reviewQueue: true, pageSize: 100 } })).body.items.map((x: any) => x.id);
    expect(queue).toContain(seeds.id);
    expect(queue).not.toContain(energy.id);
    expect((await t.api.post(`achievements/${seeds.id}/approve`, { comment: '同意' }, { token: agriReviewer.accessToken })).status).toBe(200);
    expect((await t.api.post(`achievements/${energy.id}/approve`, { comment: '同意' }, { token: reviewer.accessToken })).status).toBe(200);
    // A registration institution's reviewer reviews contracts, not achievements.
    const registrar = await signUpOrganisation(t.api, 'registration-institution', { divisionCode: '130600' });
    await verifyOrganisation(t.api, registrar.organisation.id);
    const contractReviewer = await addMember(t.api, registrar, ['reviewer']);
    const another = (await t.api.post('achievements', achievementBody({ title: '光伏组件清洗机器人' }), { token: uni.accessToken })).body;
    await t.api.post(`achievements/${another.id}/submit`, {}, { token: uni.accessToken });
    expect((await t.api.get(`achievements/${another.id}`, { token: contractReviewer.accessToken })).status).toBe(404);
  });

  it('without an effective broker role: no brokers-only demand, no other organisation\'s pipeline record, events or notes, no curation', async () => {
    const d = await createDemand(t.api, enterprise, { title: '转炉煤气回收效率偏低', description: `我厂${SECRET}，希望提高回收率并降低放散。`, industry: 'new-energy', field: 'photovoltaics', park: 'bd-hitech', visibility: 'brokers', minTrl: 4 });
    const achievementId = (await t.api.post('achievements', achievementBody({ title: '煤气回收智能调度系统' }), { token: uni.accessToken })).body.id;
    await t.api.post(`achievements/${achievementId}/submit`, {}, { token: uni.accessToken });
    await t.api.post(`achievements/${achievementId}/approve`, {}, { token: admin.accessToken });
    await t.drain();
    const taken = await t.api.post('matches', { demandId: d.id, achievementId, note: '企业预算 300 万' }, { token: broker.accessToken });
    expect(taken.status).toBe(201);
    expect((await t.api.post(`matches/${taken.body.id}/notes`, { body: '卖方底价 90 万，可分期' }, { token: broker.accessToken })).status).toBe(201);

    const selfMade = await signUpOrganisation(t.api, 'enterprise');
    await grantInDatabase(selfMade, ['member', 'org-admin', 'broker']);
    const pending = await signUpOrganisation(t.api, 'transfer-institution');
    await grantInDatabase(pending, ['member', 'org-admin', 'broker']);
    for (const s of [selfMade, pending]) {
      const view = await t.api.get(`demands/${d.id}`, { token: s.accessToken });
      expect(view.body.redacted).toBe(true);
      expect(JSON.stringify(view.body)).not.toContain(SECRET);
      expect((await t.api.get(`matches/${taken.body.id}`, { token: s.accessToken })).status).toBe(404);
      expect((await t.api.get(`matches/${taken.body.id}/events`, { token: s.accessToken })).status).toBe(404);
      expect((await t.api.post('packages', { title: '煤气回收技术包', theme: '煤气回收', industry: 'new-energy' }, { token: s.accessToken })).status).toBe(403);
      expect((await t.api.post('roadshows', eventBody(), { token: s.accessToken })).status).toBe(403);
    }
    // A verified broker of another institution shares the pipeline but not the following institution's notes.
    const otherInstitution = await signUpOrganisation(t.api, 'transfer-institution');
    await verifyOrganisation(t.api, otherInstitution.organisation.id);
    const otherBroker = await addMember(t.api, otherInstitution, ['broker']);
    expect((await t.api.get(`demands/${d.id}`, { token: otherBroker.accessToken })).body.description).toContain(SECRET);
    const theirs = await t.api.get(`matches/${taken.body.id}/events`, { token: otherBroker.accessToken });
    expect(theirs.status).toBe(200);
    expect(theirs.body.map((e: any) => e.kind)).not.toContain('note');
    expect(JSON.stringify(theirs.body)).not.toContain('底价');
    const ours = await t.api.get(`matches/${taken.body.id}/events`, { token: broker.accessToken });
    expect(ours.body.map((e: any) => e.kind)).toContain('note');
  });

  it('an object that answers 404 is not revealed by another route: proposals to a draft demand, a match on a draft', async () => {
    const draft = await createDemand(t.api, enterprise, { title: '尚未发布的光伏运维需求', industry: 'new-energy', field: 'photovoltaics', park: 'bd-hitech', minTrl: 4 }, false);
    const published = (await t.api.get('achievements', { query: { pageSize: 1 } })).body.items[0].id;
    const proposal = { approach: '采用无人机巡检与红外热成像结合的运维方案。', timeline: '3个月' };
    const missing = '00000000-0000-4000-8000-00000000abcd';
    expect((await t.api.get(`demands/${draft.id}`, { token: uni.accessToken })).status).toBe(404);
    const toDraft = await t.api.post(`demands/${draft.id}/proposals`, proposal, { token: uni.accessToken });
    const toNothing = await t.api.post(`demands/${missing}/proposals`, proposal, { token: uni.accessToken });
    expect([toDraft.status, toDraft.body.code]).toEqual([404, toNothing.body.code]);
    expect(toDraft.body.currentState).toBeUndefined();
    const onDraft = await t.api.post('matches', { demandId: draft.id, achievementId: published }, { token: broker.accessToken });
    const onNothing = await t.api.post('matches', { demandId: missing, achievementId: published }, { token: broker.accessToken });
    expect([onDraft.status, onDraft.body.code]).toEqual([404, onNothing.body.code]);
    // The enterprise itself is told the state.
    expect((await t.api.post(`demands/${draft.id}/publish`, {}, { token: enterprise.accessToken })).status).toBe(200);
    expect((await t.api.post(`demands/${draft.id}/proposals`, proposal, { token: uni.accessToken })).status).toBe(201);
  });
});
