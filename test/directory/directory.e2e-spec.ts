import { MovableClock } from '@techbridge/platform';
import { addMember, createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { contractBody, makeWorld, registeredContract, submittedContract, World } from '../contracts/contracts-helpers';

describe('directory: ratings of institutions and brokers by the parties of registered contracts, and the expert directory (e2e)', () => {
  let t: TestApp;
  let w: World;
  let broker: Session;
  let registered: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-09-15T02:00:00.000Z') });
    w = await makeWorld(t);
    broker = await addMember(t.api, w.transfer, ['broker']);
    registered = await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '储氢合金许可（评价）', brokerUserId: broker.user.id }));
  });
  afterAll(() => t?.close());

  const rate = (who: Session, body: Record<string, unknown>) => t.api.post('ratings', { contractId: registered.id, subject: 'institution', score: 4, comment: '对接及时，材料齐全。', ...body }, { token: who.accessToken });

  it('only a party (buyer or seller) of a registered contract rates its institution or broker, once per contract; nobody rates their own service', async () => {
    // Not a party: the transfer institution itself and its broker read the contract but may not rate it.
    expect((await rate(w.transfer, {})).status).toBe(403);
    expect((await rate(broker, { subject: 'broker' })).status).toBe(403);
    // A stranger cannot even see the contract.
    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await rate(stranger, {})).status).toBe(404);
    // A contract not yet registered cannot be rated: 409 with its state.
    const pending = await submittedContract(t, w.university, contractBody(w, { title: '待登记合同' }));
    const early = await t.api.post('ratings', { contractId: pending.id, subject: 'institution', score: 5, comment: '还没登记的合同。' }, { token: w.enterprise.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe(pending.status);
    // A contract without a broker has no broker to rate.
    const noBroker = await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '无经纪人合同' }));
    const none = await t.api.post('ratings', { contractId: noBroker.id, subject: 'broker', score: 5, comment: '没有经纪人的合同。' }, { token: w.enterprise.accessToken });
    expect(none.status).toBe(400);
    expect(none.body.details[0].field).toBe('subject');

    // The buyer rates the institution and the broker; the seller rates the institution too.
    const byBuyer = await rate(w.enterprise, { score: 5 });
    expect(byBuyer.status).toBe(201);
    expect(byBuyer.body).toMatchObject({ status: 'pending', subject: 'institution', subjectId: w.transfer.organisation.id, raterOrgId: w.enterprise.organisation.id, score: 5 });
    expect((await rate(w.enterprise, { subject: 'broker', score: 3, comment: '响应稍慢，但专业。' })).status).toBe(201);
    expect((await rate(w.university, { score: 2, comment: '合同条款沟通反复。' })).status).toBe(201);
    // Once per contract and subject for each party, also for another member of the same organisation.
    const again = await rate(w.enterprise, { score: 1 });
    expect(again.status).toBe(409);
    const colleague = await addMember(t.api, w.enterprise, ['member']);
    expect((await rate(colleague, { score: 1 })).status).toBe(409);
  });

  it('refuses scores outside 1–5 and empty comments, field by field', async () => {
    const res = await rate(w.enterprise, { score: 6, comment: '', subject: 'nobody' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['score', 'comment', 'subject']));
  });

  it('ratings count on the public profile only once a platform administrator approves them; a decision is final (409)', async () => {
    const summary = () => t.api.get(`ratings/institutions/${w.transfer.organisation.id}/summary`);
    expect((await summary()).body).toMatchObject({ count: 0, average: null, latest: [] });

    // The queue is the administrators'; a party sees only its own organisation's ratings.
    const queue = await t.api.get('ratings', { token: w.admin.accessToken, query: { pageSize: 100 } });
    const mine = queue.body.items.filter((r: { contractId: string }) => r.contractId === registered.id);
    expect(mine).toHaveLength(3);
    const own = await t.api.get('ratings', { token: w.university.accessToken });
    expect(own.body.items.map((r: { raterOrgId: string }) => r.raterOrgId)).toEqual([w.university.organisation.id]);
    const [institution5, broker3, institution2] = mine as Array<{ id: string; score: number; subject: string }>;
    expect([institution5.score, broker3.score, institution2.score]).toEqual([5, 3, 2]);

    // Only platform administrators moderate.
    expect((await t.api.post(`ratings/${institution5.id}/moderation`, { action: 'approve' }, { token: w.enterprise.accessToken })).status).toBe(403);
    expect((await t.api.get(`ratings/${institution5.id}`, { token: w.transfer.accessToken })).status).toBe(404);

    for (const id of [institution5.id, broker3.id]) expect((await t.api.post(`ratings/${id}/moderation`, { action: 'approve' }, { token: w.admin.accessToken })).status).toBe(200);
    const rejected = await t.api.post(`ratings/${institution2.id}/moderation`, { action: 'reject', note: '含有未经核实的指控' }, { token: w.admin.accessToken });
    expect(rejected.body).toMatchObject({ status: 'rejected', moderationNote: '含有未经核实的指控' });
    const twice = await t.api.post(`ratings/${institution2.id}/moderation`, { action: 'approve' }, { token: w.admin.accessToken });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('rejected');

    // Public, anonymous: the average of approved scores only, with the words but not who wrote them.
    const pub = (await summary()).body;
    expect(pub).toMatchObject({ subject: 'institution', count: 1, average: 5, latest: [{ score: 5, comment: '对接及时，材料齐全。' }] });
    expect(JSON.stringify(pub)).not.toContain(w.enterprise.organisation.id);
    expect((await t.api.get(`ratings/brokers/${broker.user.id}/summary`)).body).toMatchObject({ subject: 'broker', count: 1, average: 3 });

    const audit = await t.api.get('audit-log', { token: w.admin.accessToken, query: { entityId: institution2.id } });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['rating.submit', 'rating.reject']));
  });

  it('verified universities, institutes and transfer institutions register experts; anyone browses by field; contact goes through the platform without personal data', async () => {
    const body = { name: '李明', title: '教授', fields: ['hydrogen', 'energy-storage'], bio: '长期从事储氢材料研究。' };
    // A transfer institution still waiting for verification and any enterprise may not register experts; a plain member
    // of an institution neither (universities need no verification: their powers hold from sign-up).
    const unverified = await signUpOrganisation(t.api, 'transfer-institution');
    expect((await t.api.post('experts', body, { token: unverified.accessToken })).status).toBe(403);
    expect((await t.api.post('experts', body, { token: w.enterprise.accessToken })).status).toBe(403);
    await verifyOrganisation(t.api, unverified.organisation.id);
    expect((await t.api.post('experts', { ...body, name: '赵强' }, { token: unverified.accessToken })).status).toBe(201);
    const member = await addMember(t.api, w.university, ['member']);
    expect((await t.api.post('experts', body, { token: member.accessToken })).status).toBe(403);
    const bad = await t.api.post('experts', { ...body, fields: ['astrology'], email: 'li@example.cn' }, { token: w.university.accessToken });
    expect(bad.status).toBe(400);

    const created = await t.api.post('experts', body, { token: w.university.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '李明', organisationId: w.university.organisation.id, organisationName: w.university.organisation.name, listed: true });
    const fromTransfer = await t.api.post('experts', { name: '王芳', title: '高级工程师', fields: ['smart-grid'] }, { token: w.transfer.accessToken });
    expect(fromTransfer.status).toBe(201);

    // Public browsing by field; the record carries no e-mail or phone.
    const byField = await t.api.get('experts', { query: { field: 'hydrogen', pageSize: 100 } });
    expect(byField.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
    expect(byField.body.items.map((e: { id: string }) => e.id)).not.toContain(fromTransfer.body.id);
    expect(Object.keys(byField.body.items[0]).sort()).toEqual(['bio', 'fields', 'id', 'listed', 'name', 'organisationId', 'organisationName', 'title']);

    // Only the registering organisation edits; another institution cannot.
    expect((await t.api.patch(`experts/${created.body.id}`, { title: '研究员' }, { token: w.transfer.accessToken })).status).toBe(403);
    expect((await t.api.patch(`experts/${created.body.id}`, { title: '二级教授' }, { token: w.university.accessToken })).body.title).toBe('二级教授');

    // Contact: signed-in users only; the registering organisation is notified with the message, the asker learns nothing personal.
    expect((await t.api.post(`experts/${created.body.id}/contact-requests`, { message: '希望就储氢罐中试合作交流。' })).status).toBe(401);
    const asked = await t.api.post(`experts/${created.body.id}/contact-requests`, { message: '希望就储氢罐中试合作交流。' }, { token: w.enterprise.accessToken });
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({ expertId: created.body.id, organisationId: w.university.organisation.id, sent: true });
    await t.deliver();
    const inbox = await t.api.get('notifications', { token: w.university.accessToken });
    const note = inbox.body.items.find((n: { kind: string }) => n.kind === 'expert.contact-request');
    expect(note).toMatchObject({ body: { zh: '希望就储氢罐中试合作交流。' }, link: `/experts/${created.body.id}` });
    expect(note.title.zh).toContain(w.enterprise.organisation.name);

    // Unlisted: gone from the directory and its page, except for its own organisation.
    await t.api.patch(`experts/${created.body.id}`, { listed: false }, { token: w.university.accessToken });
    expect((await t.api.get(`experts/${created.body.id}`)).status).toBe(404);
    expect((await t.api.get(`experts/${created.body.id}`, { token: w.university.accessToken })).status).toBe(200);
    expect((await t.api.post(`experts/${created.body.id}/contact-requests`, { message: '希望就储氢罐中试合作交流。' }, { token: w.enterprise.accessToken })).status).toBe(404);
  });
});
