import { QueueName } from '@techbridge/platform';
import { pdfUpload } from '../contracts/contracts-helpers';
import { transferInstitution } from '../contracts/contracts-helpers';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { addMember, createTestApp, Session, TestApp } from '../support/test-app';
import { listedListing, makeMarketWorld, MarketWorld, runDelayed } from './market-helpers';

const DAY = 86_400_000;

describe('market: introductions and staged disclosure', () => {
  let t: TestApp;
  let w: MarketWorld;
  let broker: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await makeMarketWorld(t);
    broker = await addMember(t.api, await transferInstitution(t.api, w.admin), ['broker']);
  });
  afterAll(async () => t?.close());

  it('an accepted introduction behind the NDA gates the contact details and confidential files', async () => {
    const l = await listedListing(t, w);
    const up = pdfUpload(undefined, '中试检测报告.pdf');
    const file = await t.api.post(`market/listings/${l.id}/confidential-files`, up.body, { token: w.university.accessToken, headers: up.headers });
    expect(file.status).toBe(201);
    expect((await t.api.post(`market/listings/${l.id}/confidential-files`, up.body, { token: w.enterprise.accessToken, headers: up.headers })).status).toBe(403);

    // Before any introduction: the public listing shows no contact; the disclosure is locked.
    expect((await t.api.get(`market/listings/${l.id}`, { token: w.enterprise.accessToken })).body.contact).toBeNull();
    expect((await t.api.get(`market/listings/${l.id}`, { token: w.university.accessToken })).body.contact).toMatchObject({ name: '技术转移中心 李老师' });
    const locked = await t.api.get(`market/listings/${l.id}/disclosure`, { token: w.enterprise.accessToken });
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('DISCLOSURE_LOCKED');
    expect((await t.api.get(`market/listings/${l.id}/confidential-files/${file.body.id}`, { token: w.enterprise.accessToken })).status).toBe(404);

    const asked = await t.api.post('market/introductions', { subject: 'listing', subjectId: l.id, message: '希望与研发团队面谈' }, { token: w.enterprise.accessToken });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'requested', ownerOrgId: w.university.organisation.id, listingId: l.id });
    expect((await t.api.post('market/introductions', { subject: 'listing', subjectId: l.id, message: '再次申请' }, { token: w.enterprise.accessToken })).status).toBe(409);
    // Another enterprise cannot see the request; the broker sees it in its pipeline and takes it.
    expect((await t.api.get(`market/introductions/${asked.body.id}`, { token: w.enterprise2.accessToken })).status).toBe(404);
    const brokerage = await t.api.get('market/introductions', { token: broker.accessToken, query: { scope: 'brokerage' } });
    expect(brokerage.body.items.map((i: any) => i.id)).toContain(asked.body.id);
    expect((await t.api.get('market/introductions', { token: w.enterprise2.accessToken, query: { scope: 'brokerage' } })).body.total).toBe(0);
    const taken = await t.api.post(`market/introductions/${asked.body.id}/take`, {}, { token: broker.accessToken });
    expect(taken.body.brokerUserId).toBe(broker.user.id);
    expect((await t.api.post(`market/introductions/${asked.body.id}/take`, {}, { token: w.enterprise2.accessToken })).status).toBe(403);

    // Only the owner accepts; it asks for the NDA first.
    expect((await t.api.post(`market/introductions/${asked.body.id}/accept`, { requireNda: true }, { token: w.enterprise.accessToken })).status).toBe(403);
    const accepted = await t.api.post(`market/introductions/${asked.body.id}/accept`, { requireNda: true }, { token: w.university.accessToken });
    expect(accepted.body).toMatchObject({ status: 'accepted', requiresNda: true, ndaAcceptedAt: null });
    const twice = await t.api.post(`market/introductions/${asked.body.id}/decline`, { reason: '改变主意' }, { token: w.university.accessToken });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('accepted');
    expect((await t.api.get(`market/listings/${l.id}/disclosure`, { token: w.enterprise.accessToken })).status).toBe(403);

    // One click on the current NDA: recorded with version, time and user; then the disclosure opens.
    const nda = await t.api.get('market/nda');
    expect((await t.api.post(`market/introductions/${asked.body.id}/nda`, { version: '1999-01' }, { token: w.enterprise.accessToken })).status).toBe(400);
    const signed = await t.api.post(`market/introductions/${asked.body.id}/nda`, { version: nda.body.version }, { token: w.enterprise.accessToken });
    expect(signed.status).toBe(200);
    expect(signed.body.ndaVersion).toBe(nda.body.version);
    expect(signed.body.ndaAcceptedAt).toBe(t.clock.now().toISOString());
    const disclosed = await t.api.get(`market/listings/${l.id}/disclosure`, { token: w.enterprise.accessToken });
    expect(disclosed.status).toBe(200);
    expect(disclosed.body).toMatchObject({ contact: { name: '技术转移中心 李老师', phone: '0311-85000000' }, files: [{ id: file.body.id, filename: '中试检测报告.pdf' }] });
    const download = await t.api.get(`market/listings/${l.id}/confidential-files/${file.body.id}`, { token: w.enterprise.accessToken });
    expect(download.status).toBe(200);
    expect(download.raw.subarray(0, 4).toString()).toBe('%PDF');
    expect((await t.api.get(`market/listings/${l.id}`, { token: w.enterprise.accessToken })).body.contact).toMatchObject({ name: '技术转移中心 李老师' });
    // The other enterprise still sees nothing.
    expect((await t.api.get(`market/listings/${l.id}/disclosure`, { token: w.enterprise2.accessToken })).status).toBe(403);
  });

  it('the broker who took the buyer\'s introduction is named, with its institution, on the draft contract of the deal', async () => {
    const start = new Date('2026-12-01T02:00:00Z');
    t.clock.set(start);
    const l = await listedListing(t, w);
    // The other enterprise's introduction, taken by the same broker, does not make it the broker of this buyer's deal.
    for (const buyer of [w.enterprise, w.enterprise2]) {
      const asked = await t.api.post('market/introductions', { subject: 'listing', subjectId: l.id, message: '希望洽谈许可' }, { token: buyer.accessToken });
      expect(asked.status).toBe(201);
      if (buyer === w.enterprise) {
        expect((await t.api.post(`market/introductions/${asked.body.id}/take`, {}, { token: broker.accessToken })).status).toBe(200);
        expect((await t.api.post(`market/introductions/${asked.body.id}/accept`, { requireNda: false }, { token: w.university.accessToken })).status).toBe(200);
      }
    }
    const intent = await t.api.post(`market/listings/${l.id}/intents`, { message: '拟实施' }, { token: w.enterprise.accessToken });
    await t.api.post(`market/intents/${intent.body.id}/accept`, {}, { token: w.university.accessToken });
    expect((await t.api.post(`market/listings/${l.id}/deal`, { amount: 900_000 }, { token: w.university.accessToken })).body.status).toBe('deal');
    // The university's negotiated deal runs its notice; it ends clean and the job drafts the contract.
    const notice = (await t.api.get('market/notices')).body.items.find((n: any) => n.listingId === l.id);
    t.clock.set(new Date(start.getTime() + 16 * DAY));
    await runDelayed(t, QueueName.Market, `market-notice:${notice.id}:end:${start.getTime() + 15 * DAY}`);
    const listing = (await t.api.get(`market/listings/${l.id}`, { token: w.university.accessToken })).body;
    expect(listing.status).toBe('contracted');
    const contract = await t.api.get(`contracts/${listing.contractId}`, { token: w.university.accessToken });
    expect(contract.body).toMatchObject({
      status: 'draft', marketListingId: l.id, buyer: { organisationId: w.enterprise.organisation.id },
      brokerUserId: broker.user.id, transferInstitutionId: broker.organisation.id,
    });
  });

  it('the owner declines with a reason; an introduction can be asked from an achievement', async () => {
    const achievementId = await publishAchievement(t.api, w.university, w.admin);
    const asked = await t.api.post('market/introductions', { subject: 'achievement', subjectId: achievementId, message: '了解转化条件' }, { token: w.enterprise2.accessToken });
    expect(asked.status).toBe(201);
    expect((await t.api.post('market/introductions', { subject: 'achievement', subjectId: achievementId, message: '我方成果' }, { token: w.university.accessToken })).status).toBe(403);
    const incoming = await t.api.get('market/introductions', { token: w.university.accessToken, query: { scope: 'incoming' } });
    expect(incoming.body.items.map((i: any) => i.id)).toContain(asked.body.id);
    const declined = await t.api.post(`market/introductions/${asked.body.id}/decline`, { reason: '该成果已独占许可' }, { token: w.university.accessToken });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '该成果已独占许可' });
  });
});
