import { MovableClock } from '@techbridge/platform';
import { contractBody, makeWorld, submittedContract } from '../contracts/contracts-helpers';
import { achievementBody } from '../catalog/fixtures';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/** The claims of an access token, read without verifying (the api verifies it on every request). */
function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('identity: organisation verification (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  const figures = (token: string, park: string) =>
    t.api.put(`monitoring/quarters/2026Q3/parks/${park}/entries`, { entries: [{ indicator: 'high-tech-enterprises', value: 42 }] }, { token });

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-09-28T02:00:00Z') });
    admin = await signInAdmin(t.api);
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q3' }, { token: admin.accessToken })).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t.close();
  });

  it('self-service park administrations and institutions start unverified; other types need no verification; the token says so', async () => {
    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    expect(park.organisation).toMatchObject({ verificationStatus: 'pending', verified: false, verifiedAt: null });
    expect(claims(park.accessToken).verified).toBe(false);
    for (const type of ['registration-institution', 'transfer-institution'] as const) {
      expect((await signUpOrganisation(t.api, type)).organisation).toMatchObject({ verificationStatus: 'pending', verified: false });
    }
    const uni = await signUpOrganisation(t.api, 'university');
    expect(uni.organisation).toMatchObject({ verificationStatus: 'not-required', verified: true });
    expect(claims(uni.accessToken).verified).toBe(true);
    expect(claims(admin.accessToken).verified).toBe(true);
    expect(admin.organisation).toMatchObject({ type: 'platform', verificationStatus: 'verified' });

    // The administrator's queue: pending organisations only.
    const queue = await t.api.get('organisations', { token: admin.accessToken, query: { verificationStatus: 'pending', pageSize: 100 } });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((o: any) => o.id)).toContain(park.organisation.id);
    expect(queue.body.items.every((o: any) => o.verificationStatus === 'pending')).toBe(true);
  });

  it('an unverified park administration gets 403 ORGANISATION_NOT_VERIFIED on entering figures; verification (audited) lifts it; refresh carries the claim', async () => {
    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'sjz-hitech' });
    const denied = await figures(park.accessToken, 'sjz-hitech');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ORGANISATION_NOT_VERIFIED');
    expect(denied.body.message).toBeTruthy();
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM monitoring_entry`).catch(() => [{ n: 0 }]);
    expect(n).toBe(0);

    // Only a platform administrator verifies: the organisation's own admin cannot verify itself.
    expect((await t.api.post(`organisations/${park.organisation.id}/verify`, {}, { token: park.accessToken })).status).toBe(403);
    const verified = await t.api.post(`organisations/${park.organisation.id}/verify`, { note: '已核验管委会任命文件' }, { token: admin.accessToken });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verificationStatus: 'verified', verified: true, verificationNote: '已核验管委会任命文件' });
    expect(verified.body.verifiedAt).toBe('2026-09-28T02:00:00.000Z');
    const [row] = await t.db.dataSource.query(`SELECT verified_by FROM organisation WHERE id = $1`, [park.organisation.id]);
    expect(row.verified_by).toBe(admin.user.id);
    const audit = await t.api.get('audit-log', { token: admin.accessToken, query: { entityType: 'organisation', entityId: park.organisation.id, action: 'verify-organisation' } });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorUserId: admin.user.id, changes: { from: 'pending', to: 'verified' } });
    // Verifying twice is an illegal step, with the current state.
    const again = await t.api.post(`organisations/${park.organisation.id}/verify`, {}, { token: admin.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('verified');

    // The service re-checks the organisation, so even the old token works now; a refreshed one says verified.
    expect((await figures(park.accessToken, 'sjz-hitech')).status).toBe(200);
    const refreshed = await t.api.post<Session>('auth/refresh', { refreshToken: park.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.body.accessToken).verified).toBe(true);
    const me = await t.api.get('me', { token: refreshed.body.accessToken });
    expect(me.body.organisation).toMatchObject({ verificationStatus: 'verified', verified: true });
    const notes = await t.api.get('notifications', { token: park.accessToken });
    expect(notes.body.items.map((n: any) => n.kind)).toContain('organisation.verified');
    // A member invited later acts with the organisation's verification.
    const member = await addMember(t.api, park, ['member']);
    expect(claims(member.accessToken).verified).toBe(true);
  });

  it('revoking a verification stops the power at once, even with a token that still claims verified', async () => {
    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'guan-hitech' });
    expect((await t.api.post(`organisations/${park.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
    const session = (await t.api.post<Session>('auth/refresh', { refreshToken: park.refreshToken })).body;
    expect(claims(session.accessToken).verified).toBe(true);

    expect((await t.api.post(`organisations/${park.organisation.id}/reject`, {}, { token: admin.accessToken })).status).toBe(400);
    const revoked = await t.api.post(`organisations/${park.organisation.id}/reject`, { reason: '任命文件系伪造' }, { token: admin.accessToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ verificationStatus: 'rejected', verified: false, verifiedAt: null, verificationNote: '任命文件系伪造' });
    const denied = await figures(session.accessToken, 'guan-hitech');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ORGANISATION_NOT_VERIFIED');
    // The rejection reason is for the organisation and the platform, not for the public.
    expect((await t.api.get(`organisations/${park.organisation.id}`)).body.verificationNote).toBeNull();
    expect((await t.api.get(`organisations/${park.organisation.id}`, { token: session.accessToken })).body.verificationNote).toBe('任命文件系伪造');

    // Organisations that need no verification cannot be verified or rejected.
    const uni = await signUpOrganisation(t.api, 'university');
    const illegal = await t.api.post(`organisations/${uni.organisation.id}/reject`, { reason: '不适用' }, { token: admin.accessToken });
    expect(illegal.status).toBe(409);
    expect(illegal.body.currentState).toBe('not-required');
    expect((await t.api.post('organisations/00000000-0000-4000-8000-000000000000/verify', {}, { token: admin.accessToken })).status).toBe(404);
  });

  it('an unverified registration institution cannot register a contract, nor be named as facilitator while unverified; verification lifts it', async () => {
    const w = await makeWorld(t);
    // A fresh institution covering Shijiazhuang's 1301 is routed the contract; its verification is then revoked to make it "unverified".
    const c = await submittedContract(t, w.university, contractBody(w));
    expect(c.status).toBe('under-review');
    expect(c.registrationInstitutionId).toBe(w.institution.organisation.id);
    expect((await t.api.post(`organisations/${w.institution.organisation.id}/reject`, { reason: '资质待复核' }, { token: admin.accessToken })).status).toBe(200);
    const denied = await t.api.post(`contracts/${c.id}/registration`, {}, { token: w.reviewer.accessToken });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ROLE_NOT_IN_EFFECT');
    expect((await t.api.post(`contracts/${c.id}/return`, { reasons: [{ field: 'title', message: '请补正' }] }, { token: w.reviewer.accessToken })).status).toBe(403);
    expect((await t.api.get(`contracts/${c.id}`, { token: w.university.accessToken })).body.status).toBe('under-review');

    expect((await t.api.post(`organisations/${w.institution.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
    const reg = await t.api.post(`contracts/${c.id}/registration`, {}, { token: w.reviewer.accessToken });
    expect(reg.status).toBe(202);
    await t.drain();
    const done = (await t.api.get(`contracts/${c.id}`, { token: w.university.accessToken })).body;
    expect(done.status).toBe('registered');
    expect(done.registrationNumber).toBeTruthy();

    // Facilitation rewards go to verified transfer institutions only: revoked, it drops out of the ledger; verified again, it is back.
    const ledger = async () => {
      // Each request's job id carries the clock's time: move it so the recomputation is a new job.
      t.clock.advance(60_000);
      expect((await t.api.post('contracts/rewards/computations', { year: 2026 }, { token: admin.accessToken })).status).toBe(202);
      await t.drain();
      return (await t.api.get('contracts/rewards/2026', { token: admin.accessToken })).body as Array<{ institutionId: string; kind: string }>;
    };
    const facilitation = (rows: Array<{ institutionId: string; kind: string }>) => rows.filter((l) => l.institutionId === w.transfer.organisation.id && l.kind === 'facilitation');
    expect(facilitation(await ledger())).toHaveLength(1);
    expect((await t.api.post(`organisations/${w.transfer.organisation.id}/reject`, { reason: '备案证明过期' }, { token: admin.accessToken })).status).toBe(200);
    const without = await ledger();
    expect(facilitation(without)).toHaveLength(0);
    expect(without.some((l) => l.institutionId === w.institution.organisation.id && l.kind === 'registration')).toBe(true);
    expect((await t.api.post(`organisations/${w.transfer.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);

    // A self-declared transfer institution cannot be named as the facilitating institution (it would be credited rewards).
    const selfDeclared = await signUpOrganisation(t.api, 'transfer-institution', { region: 'HE' });
    const named = await t.api.post('contracts', contractBody(w, { transferInstitutionId: selfDeclared.organisation.id }), { token: w.university.accessToken });
    expect(named.status).toBe(400);
    expect(named.body.details).toEqual([expect.objectContaining({ field: 'transferInstitutionId', code: 'ORGANISATION_NOT_VERIFIED' })]);
  });

  it('a reviewer of an unverified park administration cannot publish achievements on the park\'s authority', async () => {
    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'zhuozhou-agri' });
    // A pending park administration cannot grant reviewer at all; once verified it can.
    const refused = await t.api.post(`organisations/${park.organisation.id}/invitations`, { email: `rev-${Date.now()}@example.cn`, roles: ['reviewer'] }, { token: park.accessToken });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'roles[0]', code: 'organisation-not-verified' })]);
    expect((await t.api.post(`organisations/${park.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
    const reviewer = await addMember(t.api, park, ['reviewer']);
    const uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    const a = await t.api.post('achievements', achievementBody({ title: '玉米耐密高产品种选育技术', industry: 'modern-agriculture', field: 'seed-industry' }), { token: uni.accessToken });
    expect((await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    // Revoked: the reviewer's grant stays on record but has no effect from the next request on.
    expect((await t.api.post(`organisations/${park.organisation.id}/reject`, { reason: '任命文件待补充' }, { token: admin.accessToken })).status).toBe(200);
    const denied = await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: reviewer.accessToken });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ROLE_NOT_IN_EFFECT');
    expect(denied.body.voidedRoles).toEqual([{ role: 'reviewer', reason: 'organisation-not-verified' }]);
    expect((await t.api.get(`achievements/${a.body.id}`, { token: reviewer.accessToken })).status).toBe(404);
    expect((await t.api.get(`achievements/${a.body.id}`, { token: uni.accessToken })).body.status).toBe('submitted');
    // An enterprise that merely declares a park code cannot grant reviewer.
    const enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: 'zhuozhou-agri' });
    const fake = await t.api.post(`organisations/${enterprise.organisation.id}/invitations`, { email: `fake-${Date.now()}@example.cn`, roles: ['reviewer'] }, { token: enterprise.accessToken });
    expect(fake.status).toBe(400);
    expect(fake.body.details).toEqual([expect.objectContaining({ field: 'roles[0]', code: 'organisation-type' })]);

    expect((await t.api.post(`organisations/${park.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: reviewer.accessToken })).status).toBe(200);
  });

  it('a never-verified registration institution, routed a contract, cannot register it until the platform verifies it', async () => {
    const institution = await signUpOrganisation(t.api, 'registration-institution', { region: 'HE', divisionCode: '130600' });
    expect((await t.api.put(`contracts/institutions/${institution.organisation.id}/registration-profile`, { coveredDivisions: ['1306'], numberPrefix: '136999' }, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post(`organisations/${institution.organisation.id}/invitations`, { email: `reg-${Date.now()}@example.cn`, roles: ['reviewer'] }, { token: institution.accessToken })).status).toBe(400);
    const w = await makeWorld(t);
    const seller = await signUpOrganisation(t.api, 'university', { region: 'HE', divisionCode: '130602' });
    const c = await submittedContract(t, seller, contractBody(w));
    expect(c.status).toBe('under-review');
    expect(c.registrationInstitutionId).toBe(institution.organisation.id);
    // Its org-admin has no reviewer role to register with, and a reviewer granted before a revocation loses it (below).
    expect((await t.api.post(`contracts/${c.id}/registration`, {}, { token: institution.accessToken })).status).toBe(403);
    // Its org-admin cannot verify it; the platform administrator can.
    expect((await t.api.post(`organisations/${institution.organisation.id}/verify`, {}, { token: institution.accessToken })).status).toBe(403);
    expect((await t.api.post(`organisations/${institution.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
    const reviewer = await addMember(t.api, institution, ['reviewer']);
    expect((await t.api.post(`organisations/${institution.organisation.id}/reject`, { reason: '资质到期' }, { token: admin.accessToken })).status).toBe(200);
    const denied = await t.api.post(`contracts/${c.id}/registration`, {}, { token: reviewer.accessToken });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ROLE_NOT_IN_EFFECT');
    expect((await t.api.post(`organisations/${institution.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post(`contracts/${c.id}/registration`, {}, { token: reviewer.accessToken })).status).toBe(202);
  });
});
