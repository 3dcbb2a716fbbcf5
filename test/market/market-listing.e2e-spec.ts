import { QueueName } from '@techbridge/platform';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { createTestApp, signUpOrganisation, TestApp } from '../support/test-app';
import { listedListing, listingBody, makeMarketWorld, MarketWorld, runDelayed } from './market-helpers';

describe('market: listings and buyers\' intents', () => {
  let t: TestApp;
  let w: MarketWorld;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await makeMarketWorld(t);
  });
  afterAll(async () => t?.close());

  it('drafts, reviews and lists an achievement for 20 working days on the holiday calendar; drafts are 404 to others', async () => {
    t.clock.set('2026-09-24T02:00:00Z'); // Thursday 10:00 in Beijing, before the National Day holidays
    // The official calendar (seeded): 中秋 25-27 Sep, 国庆 1-7 Oct, make-up working day Sat 10 Oct.
    const achievementId = await publishAchievement(t.api, w.university, w.admin);
    const draft = await t.api.post('market/listings', listingBody(achievementId), { token: w.university.accessToken });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', listingDays: 20, transferMode: 'exclusive', price: 1200000, parkCode: 'bd-hitech', contact: { name: '技术转移中心 李老师' } });
    const id = draft.body.id;

    // Not the owner: a draft is not there; the achievement is someone else's to list.
    expect((await t.api.get(`market/listings/${id}`, { token: w.enterprise.accessToken })).status).toBe(404);
    expect((await t.api.get(`market/listings/${id}`)).status).toBe(404);
    expect((await t.api.post('market/listings', listingBody(achievementId), { token: w.enterprise.accessToken })).status).toBe(403);
    expect((await t.api.post('market/listings', listingBody(achievementId, { territory: '' }), { token: w.university.accessToken })).status).toBe(400);

    // Illegal steps: approve a draft, review by another park's reviewer.
    const early = await t.api.post(`market/listings/${id}/transitions`, { action: 'approve' }, { token: w.parkReviewer.accessToken });
    expect(early.status).toBe(404); // a draft is invisible even to the park's reviewer
    const submitted = await t.api.post(`market/listings/${id}/transitions`, { action: 'submit' }, { token: w.university.accessToken });
    expect(submitted.body.status).toBe('under-review');
    const again = await t.api.post(`market/listings/${id}/transitions`, { action: 'submit' }, { token: w.university.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('under-review');
    expect((await t.api.post(`market/listings/${id}/transitions`, { action: 'approve' }, { token: w.otherParkReviewer.accessToken })).status).toBe(404);
    expect((await t.api.post(`market/listings/${id}/transitions`, { action: 'approve' }, { token: w.university.accessToken })).status).toBe(403);
    const queue = await t.api.get('market/listings', { token: w.parkReviewer.accessToken, query: { scope: 'review' } });
    expect(queue.body.items.map((l: any) => l.id)).toContain(id);

    const approved = await t.api.post(`market/listings/${id}/transitions`, { action: 'approve', comment: '同意' }, { token: w.parkReviewer.accessToken });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('listed');
    // 20 working days after Thu 24 Sep: 28,29,30 Sep; 8,9,10(调休),12..16,19..23,26..29 Oct → Thu 29 Oct, to the end of that day (Beijing).
    expect(approved.body.listingEndsAt).toBe('2026-10-29T16:00:00.000Z');
    const edit = await t.api.patch(`market/listings/${id}`, { price: 1 }, { token: w.university.accessToken });
    expect(edit.status).toBe(409);
    expect(edit.body.currentState).toBe('listed');

    const pub = await t.api.get('market/listings', { query: { industry: 'new-energy', transferMode: 'exclusive' } });
    expect(pub.body.items.map((l: any) => l.id)).toContain(id);

    // The period ends: the lapse job (deterministic id) lapses it; a second run skips.
    t.clock.set('2026-10-29T16:00:01Z');
    await runDelayed(t, QueueName.Market, `market-listing:${id}:lapse:${Date.parse('2026-10-29T16:00:00.000Z')}`);
    expect((await t.api.get(`market/listings/${id}`)).status).toBe(404); // a lapsed listing is no longer public
    const mine = await t.api.get(`market/listings/${id}`, { token: w.university.accessToken });
    expect(mine.body.status).toBe('lapsed');
  });

  it('takes intents from verified organisations only; a buyer never sees another buyer\'s intent', async () => {
    t.clock.set(new Date());
    const l = await listedListing(t, w);
    const own = await t.api.post(`market/listings/${l.id}/intents`, { message: '我们想买' }, { token: w.university.accessToken });
    expect(own.status).toBe(409);
    const transfer = await signUpOrganisation(t.api, 'transfer-institution', { region: 'HE' });
    expect((await t.api.post(`market/listings/${l.id}/intents`, { message: '代客户登记' }, { token: transfer.accessToken })).status).toBe(403);

    const i1 = await t.api.post(`market/listings/${l.id}/intents`, { message: '拟用于新产线', offeredPrice: 1_000_000 }, { token: w.enterprise.accessToken });
    expect(i1.status).toBe(201);
    const i2 = await t.api.post(`market/listings/${l.id}/intents`, { message: '有意独占许可' }, { token: w.enterprise2.accessToken });
    expect(i2.status).toBe(201);
    expect((await t.api.post(`market/listings/${l.id}/intents`, { message: '再来一次' }, { token: w.enterprise.accessToken })).status).toBe(409);

    const seenBy1 = await t.api.get(`market/listings/${l.id}/intents`, { token: w.enterprise.accessToken });
    expect(seenBy1.body.map((i: any) => i.id)).toEqual([i1.body.id]);
    const seenByOwner = await t.api.get(`market/listings/${l.id}/intents`, { token: w.university.accessToken });
    expect(seenByOwner.body.map((i: any) => i.id).sort()).toEqual([i1.body.id, i2.body.id].sort());
    const mine = await t.api.get('market/intents/mine', { token: w.enterprise2.accessToken });
    expect(mine.body.items.map((i: any) => i.id)).toEqual([i2.body.id]);
    // Another buyer cannot act on (or learn of) an intent that is not its own.
    expect((await t.api.post(`market/intents/${i1.body.id}/withdraw`, {}, { token: w.enterprise2.accessToken })).status).toBe(404);
    expect((await t.api.post(`market/intents/${i1.body.id}/accept`, {}, { token: w.enterprise2.accessToken })).status).toBe(404);

    // The owner accepts one: negotiating; a second acceptance is an illegal step.
    const accepted = await t.api.post(`market/intents/${i1.body.id}/accept`, {}, { token: w.university.accessToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('negotiating');
    const second = await t.api.post(`market/intents/${i2.body.id}/accept`, {}, { token: w.university.accessToken });
    expect(second.status).toBe(409);
    expect(second.body.currentState).toBe('negotiating');
    // Negotiation breaks off: listed again, the other intent still open.
    const broke = await t.api.post(`market/listings/${l.id}/transitions`, { action: 'break-off' }, { token: w.university.accessToken });
    expect(broke.body.status).toBe('listed');
    const withdrawn = await t.api.post(`market/listings/${l.id}/transitions`, { action: 'withdraw' }, { token: w.university.accessToken });
    expect(withdrawn.body.status).toBe('withdrawn');
    const late = await t.api.post(`market/listings/${l.id}/transitions`, { action: 'submit' }, { token: w.university.accessToken });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('withdrawn');
  });

  it('an enterprise seller\'s negotiated deal becomes a draft contract at once, pre-filled from the listing', async () => {
    t.clock.set(new Date());
    const seller = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', divisionCode: '130104', parkCode: 'bd-hitech' });
    const achievementId = await publishAchievement(t.api, seller, w.admin);
    const created = await t.api.post('market/listings', listingBody(achievementId, { transferMode: 'transfer' }), { token: seller.accessToken });
    await t.api.post(`market/listings/${created.body.id}/transitions`, { action: 'submit' }, { token: seller.accessToken });
    await t.api.post(`market/listings/${created.body.id}/transitions`, { action: 'approve' }, { token: w.admin.accessToken });
    const intent = await t.api.post(`market/listings/${created.body.id}/intents`, { message: '求购' }, { token: w.enterprise.accessToken });
    expect((await t.api.post(`market/listings/${created.body.id}/deal`, { amount: 900_000 }, { token: seller.accessToken })).status).toBe(409);
    await t.api.post(`market/intents/${intent.body.id}/accept`, {}, { token: seller.accessToken });
    const deal = await t.api.post(`market/listings/${created.body.id}/deal`, { amount: 900_000 }, { token: seller.accessToken });
    expect(deal.status).toBe(200);
    expect(deal.body.status).toBe('contracted');
    const contract = await t.api.get(`contracts/${deal.body.contractId}`, { token: seller.accessToken });
    expect(contract.body).toMatchObject({
      status: 'draft', type: 'transfer-patent', contractAmount: 900000, marketListingId: created.body.id,
      buyer: { organisationId: w.enterprise.organisation.id }, links: { achievementId },
    });
  });
});
