import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PARK = 'bd-hitech';

describe('finance: investors, financing requests, data rooms and investor matching', () => {
  let t: TestApp;
  let admin: Session;
  let enterprise: Session;
  let university: Session;
  let parkFund: Session;
  let otherFund: Session;
  let achievementId: string;
  let requestId: string;

  const profile = {
    displayName: '保定高新区科创子基金', stages: ['angel', 'a'], industries: ['new-energy', 'digital'], ticketMin: 1_000_000, ticketMax: 20_000_000,
    regions: ['HE', 'BJ'], parkMandate: true, fundSize: 500_000_000,
  };
  const requestBody = (overrides: Record<string, unknown> = {}) => ({
    title: '钙钛矿叠层电池中试线建设融资', summary: '建设年产 50MW 钙钛矿叠层组件中试线', amount: 8_000_000, stage: 'a', industry: 'new-energy',
    useOfFunds: '中试线设备与团队扩充', valuation: 60_000_000, achievementIds: [achievementId], ...overrides,
  });
  const upload = (id: string, s: Session, name: string, content: Buffer) => {
    const mp = multipartFile('file', name, 'application/pdf', content);
    return t.api.post(`financing-requests/${id}/data-room`, mp.body, { token: s.accessToken, headers: mp.headers });
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK, region: 'HE' });
    university = await signUpOrganisation(t.api, 'university');
    parkFund = await signUpOrganisation(t.api, 'investment-fund', { parkCode: PARK, region: 'HE' });
    otherFund = await signUpOrganisation(t.api, 'investment-fund', { region: 'BJ' });
    const a = await t.api.post('achievements', achievementBody(), { token: enterprise.accessToken });
    expect(a.status).toBe(201);
    achievementId = a.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('funds, banks and guarantors sign up pending; only a verified fund keeps an investor profile, with its park', async () => {
    for (const type of ['investment-fund', 'bank', 'guarantor']) {
      const s = await signUpOrganisation(t.api, type as 'bank');
      const org = await t.api.get(`organisations/${s.organisation.id}`, { token: admin.accessToken });
      expect(org.body).toMatchObject({ type, verificationStatus: 'pending', verified: false });
    }
    const refused = await t.api.put('investors/me/profile', profile, { token: parkFund.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_A_VERIFIED_INVESTOR');
    // An enterprise is no investor whatever it claims.
    expect((await t.api.put('investors/me/profile', profile, { token: enterprise.accessToken })).status).toBe(403);

    await verifyOrganisation(t.api, parkFund.organisation.id);
    const saved = await t.api.put('investors/me/profile', profile, { token: parkFund.accessToken });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ organisationId: parkFund.organisation.id, parkCode: PARK, parkMandate: true, ticketMin: 1_000_000, ticketMax: 20_000_000 });
    const bad = await t.api.put('investors/me/profile', { ...profile, ticketMin: 5_000_000, ticketMax: 1_000_000 }, { token: parkFund.accessToken });
    expect(bad.status).toBe(400);
    expect((await t.api.put('investors/me/profile', { ...profile, stages: ['series-z'] }, { token: parkFund.accessToken })).status).toBe(400);

    await verifyOrganisation(t.api, otherFund.organisation.id);
    const other = await t.api.put('investors/me/profile', { ...profile, displayName: '京津成长基金', stages: ['b'], industries: ['digital'], regions: ['BJ'], ticketMin: 50_000_000, ticketMax: 200_000_000, parkMandate: true }, { token: otherFund.accessToken });
    // A fund without a park has no park mandate, whatever it asks.
    expect(other.body).toMatchObject({ parkCode: null, parkMandate: false });
  });

  it('an enterprise drafts a request from its own achievements only; the lifecycle refuses illegal steps with 409', async () => {
    const foreign = await t.api.post('achievements', achievementBody({ title: '高校的成果' }), { token: university.accessToken });
    const refused = await t.api.post('financing-requests', requestBody({ achievementIds: [foreign.body.id] }), { token: enterprise.accessToken });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].field).toBe('achievementIds[0]');
    // A spin-off of that university may attach the university's achievement.
    const spinOff = await t.api.post('financing-requests', requestBody({ achievementIds: [foreign.body.id], spinOffOf: university.organisation.id }), { token: enterprise.accessToken });
    expect(spinOff.status).toBe(201);
    expect((await t.api.post('financing-requests', requestBody(), { token: university.accessToken })).status).toBe(403);
    expect((await t.api.post('financing-requests', requestBody({ amount: -5 }), { token: enterprise.accessToken })).status).toBe(400);

    const created = await t.api.post('financing-requests', requestBody(), { token: enterprise.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', parkCode: PARK, region: 'HE', allowedActions: ['publish', 'withdraw'] });
    requestId = created.body.id;
    // A draft is the owner's alone.
    expect((await t.api.get(`financing-requests/${requestId}`, { token: parkFund.accessToken })).status).toBe(404);

    const published = await t.api.post(`financing-requests/${requestId}/publish`, {}, { token: enterprise.accessToken });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const again = await t.api.post(`financing-requests/${requestId}/publish`, {}, { token: enterprise.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('published');
    // Verified investors see a listed request; an unrelated enterprise does not.
    expect((await t.api.get(`financing-requests/${requestId}`, { token: parkFund.accessToken })).status).toBe(200);
    expect((await t.api.get(`financing-requests/${requestId}`, { token: university.accessToken })).status).toBe(404);
  });

  it("matches the request to the park's sub-fund with reasons that add up to the score, both ways", async () => {
    // The matches are stored by the rescoring jobs the publication and the profiles enqueued.
    await t.drain();
    const flow = await t.api.get('investors/me/deal-flow', { token: parkFund.accessToken });
    expect(flow.status).toBe(200);
    const item = flow.body.items.find((i: { request: { id: string } }) => i.request.id === requestId);
    expect(item).toBeDefined();
    const codes = item.reasons.map((r: { code: string }) => r.code).sort();
    expect(codes).toEqual(['industry', 'park-fund-mandate', 'region', 'stage', 'ticket-size']);
    for (const r of item.reasons) {
      expect(r.points).toBeGreaterThan(0);
      expect(r.zh.length).toBeGreaterThan(0);
      expect(r.en.length).toBeGreaterThan(0);
    }
    expect(item.score).toBe(item.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0));
    expect(item.reasons.find((r: { code: string }) => r.code === 'ticket-size').zh).toContain('800万元');

    // The other fund invests ¥50-200m in B rounds of digital in Beijing: only a concern applies, so it is not in its flow.
    const otherFlow = await t.api.get('investors/me/deal-flow', { token: otherFund.accessToken });
    expect(otherFlow.body.items.find((i: { request: { id: string } }) => i.request.id === requestId)).toBeUndefined();

    const investors = await t.api.get(`financing-requests/${requestId}/investor-matches`, { token: enterprise.accessToken });
    expect(investors.status).toBe(200);
    expect(investors.body[0].investor.organisationId).toBe(parkFund.organisation.id);
    expect(investors.body[0].score).toBe(item.score);
    expect(investors.body.some((m: { investor: { organisationId: string } }) => m.investor.organisationId === otherFund.organisation.id)).toBe(false);
    expect((await t.api.get(`financing-requests/${requestId}/investor-matches`, { token: parkFund.accessToken })).status).toBe(404);
  });

  it('the data room opens only to investors the owner admits, every view is logged, and everyone else gets 404', async () => {
    const doc = await upload(requestId, enterprise, '商业计划书.pdf', PDF);
    expect(doc.status).toBe(201);
    expect((await upload(requestId, parkFund, 'x.pdf', PDF)).status).toBe(404);
    const notPdf = await upload(requestId, enterprise, 'x.pdf', Buffer.from('hello'));
    expect(notPdf.status).toBe(400);

    // Before admission: the fund sees the request, not its data room.
    expect((await t.api.get(`financing-requests/${requestId}/data-room`, { token: parkFund.accessToken })).status).toBe(404);
    expect((await t.api.get(`financing-requests/${requestId}/data-room/${doc.body.id}`, { token: parkFund.accessToken })).status).toBe(404);

    const asked = await t.api.post(`financing-requests/${requestId}/engagements`, { note: '希望了解中试数据' }, { token: parkFund.accessToken });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'requested', dataRoomAccess: false });
    expect((await t.api.post(`financing-requests/${requestId}/engagements`, {}, { token: parkFund.accessToken })).status).toBe(409);
    expect((await t.api.get(`financing-requests/${requestId}/data-room`, { token: parkFund.accessToken })).status).toBe(404);
    // The investor cannot admit itself.
    expect((await t.api.post(`financing-requests/${requestId}/engagements/${asked.body.id}/admit`, {}, { token: parkFund.accessToken })).status).toBe(404);

    const admitted = await t.api.post(`financing-requests/${requestId}/engagements/${asked.body.id}/admit`, {}, { token: enterprise.accessToken });
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({ status: 'admitted', dataRoomAccess: true });
    expect((await t.api.get(`financing-requests/${requestId}`, { token: enterprise.accessToken })).body.status).toBe('in-talks');

    const listed = await t.api.get(`financing-requests/${requestId}/data-room`, { token: parkFund.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.map((d: { filename: string }) => d.filename)).toEqual(['商业计划书.pdf']);
    const opened = await t.api.get(`financing-requests/${requestId}/data-room/${doc.body.id}`, { token: parkFund.accessToken });
    expect(opened.status).toBe(200);
    expect(opened.raw.equals(PDF)).toBe(true);

    // Other investors, other organisations and platform staff: 404, on the listing and the file alike.
    for (const s of [otherFund, university, admin]) {
      expect((await t.api.get(`financing-requests/${requestId}/data-room`, { token: s.accessToken })).status).toBe(404);
      expect((await t.api.get(`financing-requests/${requestId}/data-room/${doc.body.id}`, { token: s.accessToken })).status).toBe(404);
    }
    expect((await t.api.get(`financing-requests/${requestId}/data-room`)).status).toBe(401);

    const views = await t.api.get(`financing-requests/${requestId}/data-room-views`, { token: enterprise.accessToken });
    expect(views.status).toBe(200);
    const byFund = views.body.items.filter((v: { viewerOrgId: string }) => v.viewerOrgId === parkFund.organisation.id);
    expect(byFund.map((v: { kind: string; documentId: string | null }) => `${v.kind}:${v.documentId ?? ''}`).sort()).toEqual([`list:`, `open:${doc.body.id}`]);
    // Refused looks are not views: nothing by the other fund.
    expect(views.body.items.some((v: { viewerOrgId: string }) => v.viewerOrgId === otherFund.organisation.id)).toBe(false);
    expect((await t.api.get(`financing-requests/${requestId}/data-room-views`, { token: parkFund.accessToken })).status).toBe(404);
  });

  it('talks go to a term sheet and close funded; closed and withdrawn requests refuse further steps', async () => {
    const [e] = (await t.api.get(`financing-requests/${requestId}/engagements`, { token: enterprise.accessToken })).body;
    // Investing before a term sheet is illegal.
    const early = await t.api.post(`financing-requests/${requestId}/engagements/${e.id}/invest`, { amount: 8_000_000 }, { token: enterprise.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('admitted');

    const sheet = await t.api.post(`financing-requests/${requestId}/engagements/${e.id}/term-sheet`, { amount: 8_000_000 }, { token: enterprise.accessToken });
    expect(sheet.status).toBe(200);
    expect((await t.api.get(`financing-requests/${requestId}`, { token: enterprise.accessToken })).body.status).toBe('term-sheet');
    const invested = await t.api.post(`financing-requests/${requestId}/engagements/${e.id}/invest`, { amount: 7_500_000 }, { token: enterprise.accessToken });
    expect(invested.status).toBe(200);
    const funded = (await t.api.get(`financing-requests/${requestId}`, { token: enterprise.accessToken })).body;
    expect(funded).toMatchObject({ status: 'funded', fundedAmount: 7_500_000 });
    const withdraw = await t.api.post(`financing-requests/${requestId}/withdraw`, {}, { token: enterprise.accessToken });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.currentState).toBe('funded');

    const mine = await t.api.get('investors/me/engagements', { token: parkFund.accessToken });
    expect(mine.body.items[0]).toMatchObject({ requestId, status: 'invested', investedAmount: 7_500_000 });

    // A withdrawn request takes no engagement and shows no data room to a fund admitted earlier.
    const second = await t.api.post('financing-requests', requestBody({ title: '第二轮' }), { token: enterprise.accessToken });
    await t.api.post(`financing-requests/${second.body.id}/publish`, {}, { token: enterprise.accessToken });
    const invited = await t.api.post(`financing-requests/${second.body.id}/invitations`, { investorId: otherFund.organisation.id }, { token: enterprise.accessToken });
    expect(invited.status).toBe(201);
    expect(invited.body.status).toBe('admitted');
    expect((await t.api.post(`financing-requests/${second.body.id}/invitations`, { investorId: enterprise.organisation.id }, { token: enterprise.accessToken })).status).toBe(400);
    await upload(second.body.id, enterprise, 'plan.pdf', PDF);
    expect((await t.api.get(`financing-requests/${second.body.id}/data-room`, { token: otherFund.accessToken })).status).toBe(200);
    expect((await t.api.post(`financing-requests/${second.body.id}/withdraw`, {}, { token: enterprise.accessToken })).body.status).toBe('withdrawn');
    expect((await t.api.get(`financing-requests/${second.body.id}/data-room`, { token: otherFund.accessToken })).status).toBe(404);
    // No longer listed: an investor that was not engaged does not see it at all.
    expect((await t.api.post(`financing-requests/${second.body.id}/engagements`, {}, { token: parkFund.accessToken })).status).toBe(404);
    const late = await t.api.post(`financing-requests/${second.body.id}/engagements/${invited.body.id}/term-sheet`, { amount: 1_000_000 }, { token: enterprise.accessToken });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('withdrawn');
  });
});
