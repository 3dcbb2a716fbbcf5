import { MovableClock } from '@techbridge/platform';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { eventBody, publishAchievement, START } from './roadshow-helpers';

/** Technology packages on the programme: the curator organisation applies, or the organiser invites it. */
describe('roadshow: presenting technology packages (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let organiserOrg: Session;
  let organiser: Session;
  let curatorOrg: Session;
  let curator: Session;
  let otherCuratorOrg: Session;
  let otherCurator: Session;
  let uni: Session;
  let eventId: string;
  let pkgId: string;
  let otherPkgId: string;
  let draftPkgId: string;

  const createPackage = async (s: Session, achievementIds: string[], title: string, publish = true): Promise<string> => {
    const p = await t.api.post('packages', { title, theme: '氢能储运与加注', industry: 'new-energy', achievementIds }, { token: s.accessToken });
    expect(p.status).toBe(201);
    if (publish) expect((await t.api.post(`packages/${p.body.id}/publish`, {}, { token: s.accessToken })).status).toBe(200);
    return p.body.id;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock(START) });
    admin = await signInAdmin(t.api);
    organiserOrg = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南路演组织中心' });
    await verifyOrganisation(t.api, organiserOrg.organisation.id);
    organiser = await addMember(t.api, organiserOrg, ['broker']);
    curatorOrg = await signUpOrganisation(t.api, 'transfer-institution', { name: '雄安技术转移中心' });
    await verifyOrganisation(t.api, curatorOrg.organisation.id);
    curator = await addMember(t.api, curatorOrg, ['broker']);
    otherCuratorOrg = await signUpOrganisation(t.api, 'transfer-institution', { name: '保定技术转移中心' });
    await verifyOrganisation(t.api, otherCuratorOrg.organisation.id);
    otherCurator = await addMember(t.api, otherCuratorOrg, ['broker']);
    uni = await signUpOrganisation(t.api, 'university', { name: '技术包路演测试大学', region: 'BJ' });
    const a1 = await publishAchievement(t.api, uni, admin, { title: '高压储氢瓶碳纤维缠绕工艺', field: 'hydrogen' });
    const a2 = await publishAchievement(t.api, uni, admin, { title: '加氢站压缩机密封技术', field: 'hydrogen' });
    pkgId = await createPackage(curator, [a1, a2], '氢能储运技术包');
    otherPkgId = await createPackage(otherCurator, [a2], '加氢站关键部件技术包');
    draftPkgId = await createPackage(curator, [a1], '未发布技术包', false);
    const created = await t.api.post('roadshows', eventBody(), { token: organiser.accessToken });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    expect((await t.api.post(`roadshows/${eventId}/transitions`, { action: 'open-registration' }, { token: organiser.accessToken })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the curator organisation applies with its published package; the organiser accepts it onto the programme', async () => {
    const applied = await t.api.post(`roadshows/${eventId}/presentations`, { packageId: pkgId }, { token: curator.accessToken });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'applied', origin: 'application', packageId: pkgId, achievementId: null, presenterOrgId: curatorOrg.organisation.id,
      title: '氢能储运技术包', industry: 'new-energy',
    });
    // The same package twice is a conflict.
    expect((await t.api.post(`roadshows/${eventId}/presentations`, { packageId: pkgId }, { token: curator.accessToken })).status).toBe(409);

    const accepted = await t.api.post(`roadshows/${eventId}/presentations/${applied.body.id}/decision`, { decision: 'accept' }, { token: organiser.accessToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const programme = await t.api.get(`roadshows/${eventId}/presentations`, { token: organiser.accessToken });
    expect(programme.body.find((p: any) => p.id === applied.body.id)).toMatchObject({ packageId: pkgId, status: 'accepted' });
  });

  it('only the curator may apply with a package; unpublished or unknown packages are not found; exactly one subject', async () => {
    // The owner of the member achievements is not the package's presenter.
    const notCurator = await t.api.post(`roadshows/${eventId}/presentations`, { packageId: otherPkgId }, { token: uni.accessToken });
    expect(notCurator.status).toBe(400);
    expect(notCurator.body.details[0].field).toBe('packageId');
    expect((await t.api.post(`roadshows/${eventId}/presentations`, { packageId: draftPkgId }, { token: curator.accessToken })).status).toBe(404);
    expect((await t.api.post(`roadshows/${eventId}/presentations`, { packageId: '00000000-0000-4000-8000-000000000000' }, { token: curator.accessToken })).status).toBe(404);
    const both = await t.api.post(`roadshows/${eventId}/presentations`, { packageId: pkgId, achievementId: pkgId }, { token: curator.accessToken });
    expect(both.status).toBe(400);
  });

  it('the organiser invites a published package; its curator organisation is the presenter and accepts', async () => {
    const invited = await t.api.post(`roadshows/${eventId}/invitations`, { packageId: otherPkgId }, { token: organiser.accessToken });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: 'invited', origin: 'invitation', packageId: otherPkgId, presenterOrgId: otherCuratorOrg.organisation.id, title: '加氢站关键部件技术包' });
    expect((await t.api.post(`roadshows/${eventId}/invitations`, { packageId: draftPkgId }, { token: organiser.accessToken })).status).toBe(404);
    // The organiser cannot accept on the curator's behalf; the curator can.
    expect((await t.api.post(`roadshows/${eventId}/presentations/${invited.body.id}/decision`, { decision: 'accept' }, { token: organiser.accessToken })).status).toBe(409);
    const accepted = await t.api.post(`roadshows/${eventId}/presentations/${invited.body.id}/decision`, { decision: 'accept' }, { token: otherCurator.accessToken });
    expect(accepted.body.status).toBe('accepted');
  });
});
