import { QueueName } from '@techbridge/platform';
import { BiddingService } from '../../libs/market/src/bidding.service';
import type { AuctionLiveEvent } from '../../libs/market/src/auction-live.service';
import { pdfUpload, transferInstitution } from '../contracts/contracts-helpers';
import { eventBody } from '../roadshow/roadshow-helpers';
import { addMember, createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';
import { listedListing, makeMarketWorld, MarketWorld, runDelayed } from './market-helpers';

const MIN = 60_000;

describe('market: auction (竞价拍卖)', () => {
  let t: TestApp;
  let w: MarketWorld;
  let e3: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await makeMarketWorld(t);
    e3 = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
  });
  afterAll(async () => t?.close());

  async function qualify(auctionId: string, s: Session): Promise<any> {
    const reg = await t.api.post(`market/auctions/${auctionId}/bidders`, { depositReference: `BANK-${s.organisation.id.slice(0, 8)}` }, { token: s.accessToken });
    expect(reg.status).toBe(201);
    const up = pdfUpload(undefined, '授权委托书.pdf');
    const letter = await t.api.post(`market/bidders/${reg.body.id}/letter`, up.body, { token: s.accessToken, headers: up.headers });
    expect(letter.status).toBe(200);
    const confirmed = await t.api.post(`market/bidders/${reg.body.id}/confirm-deposit`, {}, { token: w.admin.accessToken });
    expect(confirmed.body.depositStatus).toBe('confirmed');
    return confirmed.body;
  }

  const bid = (auctionId: string, s: Session, amount: number) => t.api.post(`market/auctions/${auctionId}/bids`, { amount }, { token: s.accessToken });

  it('runs live: late bids extend the close, the job closes it, the runner-up is offered when the winner defaults, losers\' deposits are released', async () => {
    const t0 = new Date('2026-11-10T01:00:00Z');
    t.clock.set(t0);
    const l = await listedListing(t, w);
    const auctionBody = {
      startsAt: new Date(t0.getTime() + 10 * MIN).toISOString(), durationMinutes: 60, startPrice: 1_000_000, reservePrice: 1_200_000,
      ladder: [{ from: 0, step: 50_000 }], depositAmount: 100_000, extensionMinutes: 5, maxExtensions: 3, confirmHours: 24,
    };
    await t.api.post(`market/listings/${l.id}/intents`, { message: '竞买意向' }, { token: w.enterprise.accessToken });
    const tooFew = await t.api.post(`market/listings/${l.id}/auctions`, auctionBody, { token: w.university.accessToken });
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.code).toBe('NOT_ENOUGH_INTENTS');
    await t.api.post(`market/listings/${l.id}/intents`, { message: '竞买意向' }, { token: w.enterprise2.accessToken });
    expect((await t.api.post(`market/listings/${l.id}/auctions`, { ...auctionBody, ladder: [{ from: 10, step: 5 }] }, { token: w.university.accessToken })).status).toBe(400);
    const created = await t.api.post(`market/listings/${l.id}/auctions`, auctionBody, { token: w.university.accessToken });
    expect(created.status).toBe(201);
    const a = created.body;
    expect(a).toMatchObject({ status: 'announced', reservePrice: null, minimumNextBid: 1000000, closesAt: new Date(t0.getTime() + 70 * MIN).toISOString() });
    expect((await t.api.get(`market/listings/${l.id}`)).body.status).toBe('auction');

    // Registration: the letter is required before staff confirm the deposit; a bidder sees only its own registration.
    const reg3 = await t.api.post(`market/auctions/${a.id}/bidders`, { depositReference: 'BANK-3' }, { token: e3.accessToken });
    const noLetter = await t.api.post(`market/bidders/${reg3.body.id}/confirm-deposit`, {}, { token: w.admin.accessToken });
    expect(noLetter.status).toBe(409);
    expect((await t.api.post(`market/bidders/${reg3.body.id}/confirm-deposit`, {}, { token: w.university.accessToken })).status).toBe(403);
    const b1 = await qualify(a.id, w.enterprise);
    const b2 = await qualify(a.id, w.enterprise2);
    const scan = pdfUpload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), '授权委托书.pdf');
    const notPdf = await t.api.post(`market/bidders/${reg3.body.id}/letter`, scan.body, { token: e3.accessToken, headers: scan.headers });
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'NOT_A_PDF' })]);
    const up = pdfUpload();
    await t.api.post(`market/bidders/${reg3.body.id}/letter`, up.body, { token: e3.accessToken, headers: up.headers });
    expect((await t.api.post(`market/bidders/${reg3.body.id}/letter`, up.body, { token: w.enterprise.accessToken, headers: up.headers })).status).toBe(404);
    await t.api.post(`market/bidders/${reg3.body.id}/confirm-deposit`, {}, { token: w.admin.accessToken });
    expect((await t.api.get(`market/auctions/${a.id}/bidders`, { token: w.enterprise.accessToken })).body.map((b: any) => b.id)).toEqual([b1.id]);
    expect((await t.api.get(`market/auctions/${a.id}/bidders`, { token: w.university.accessToken })).body).toHaveLength(3);

    // Watchers get the bids as they are accepted (the same stream the SSE route serves).
    const events: AuctionLiveEvent[] = [];
    const sub = (await t.app.get(BiddingService).watch(a.id)).subscribe((e) => events.push(e));

    const early = await bid(a.id, w.enterprise, 1_000_000);
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe('not-started');
    const outsider = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
    expect((await bid(a.id, outsider, 1_000_000)).status).toBe(403);

    t.clock.set(new Date(t0.getTime() + 20 * MIN));
    expect((await bid(a.id, w.enterprise, 1_000_000)).status).toBe(201);
    const self = await bid(a.id, w.enterprise, 1_100_000);
    expect(self.body.reason).toBe('already-highest');
    const low = await bid(a.id, w.enterprise2, 1_020_000);
    expect(low.status).toBe(409);
    expect(low.body).toMatchObject({ reason: 'below-minimum', minimum: 1050000 });
    expect((await bid(a.id, w.enterprise2, 1_200_000)).status).toBe(201);
    const live = await t.api.get(`market/auctions/${a.id}`);
    expect(live.body).toMatchObject({ status: 'live', bidCount: 2, highAmount: 1200000, reserveMet: true, minimumNextBid: 1250000, extensions: 0 });

    // Two minutes before the close, a bid extends it to five minutes after the bid.
    const originalClose = t0.getTime() + 70 * MIN;
    t.clock.set(new Date(originalClose - 2 * MIN));
    expect((await bid(a.id, w.enterprise, 1_250_000)).status).toBe(201);
    const extended = await t.api.get(`market/auctions/${a.id}`);
    const newClose = originalClose - 2 * MIN + 5 * MIN;
    expect(extended.body).toMatchObject({ extensions: 1, closesAt: new Date(newClose).toISOString() });
    await waitFor(() => events.filter((e) => e.type === 'bid').length === 3);
    expect(events.filter((e) => e.type === 'bid').map((e) => e.amount)).toEqual([1000000, 1200000, 1250000]);
    expect((await t.api.get(`market/auctions/${a.id}/verify`)).status).toBe(409);

    // The job for the original close finds the close moved and does nothing.
    t.clock.set(new Date(originalClose + 1000));
    await runDelayed(t, QueueName.Market, `market-auction:${a.id}:close:${originalClose}`);
    expect((await t.api.get(`market/auctions/${a.id}`)).body.status).toBe('live');

    // The job for the extended close closes it: the highest bidder is offered the lot.
    t.clock.set(new Date(newClose + 1000));
    expect((await bid(a.id, w.enterprise2, 1_300_000)).body.reason).toBe('closed');
    await runDelayed(t, QueueName.Market, `market-auction:${a.id}:close:${newClose}`);
    const closed = await t.api.get(`market/auctions/${a.id}`);
    expect(closed.body).toMatchObject({ status: 'awaiting-confirmation', reservePrice: 1200000, bidCount: 3 });
    await waitFor(() => events.some((e) => e.type === 'closed'));
    // e3 never bid: its deposit is released at the close; the two who may still be offered the lot keep theirs.
    const deposits = async () => Object.fromEntries((await t.api.get(`market/auctions/${a.id}/bidders`, { token: w.university.accessToken })).body.map((b: any) => [b.orgId, b.depositStatus]));
    expect(await deposits()).toEqual({ [w.enterprise.organisation.id]: 'confirmed', [w.enterprise2.organisation.id]: 'confirmed', [e3.organisation.id]: 'released' });

    // The log is public and verifies; it cannot be rewritten.
    const verify = await t.api.get(`market/auctions/${a.id}/verify`);
    expect(verify.body).toMatchObject({ valid: true, bids: 3, brokenAt: null });
    await expect(t.db.dataSource.query(`UPDATE market_bid SET amount = amount + 1 WHERE auction_id = $1 AND seq = 2`, [a.id])).rejects.toThrow(/append-only/);

    // The runner-up cannot confirm while the winner has time; the winner lets the deadline pass and forfeits.
    expect((await t.api.post(`market/auctions/${a.id}/confirm`, {}, { token: w.enterprise2.accessToken })).status).toBe(403);
    const confirmBy = Date.parse(closed.body.confirmBy);
    t.clock.set(new Date(confirmBy + 1000));
    const offeredBid = (await t.db.dataSource.query(`SELECT offered_bid_id FROM market_auction WHERE id = $1`, [a.id]))[0].offered_bid_id;
    await runDelayed(t, QueueName.Market, `market-auction:${a.id}:confirm:${offeredBid}`);
    const second = await t.api.get(`market/auctions/${a.id}`);
    expect(second.body.status).toBe('awaiting-confirmation');
    expect((await t.api.get(`market/listings/${l.id}`)).body.dealAmount).toBe(1200000);
    expect((await t.api.post(`market/auctions/${a.id}/confirm`, {}, { token: w.enterprise.accessToken })).status).toBe(403);

    const sold = await t.api.post(`market/auctions/${a.id}/confirm`, {}, { token: w.enterprise2.accessToken });
    expect(sold.status).toBe(200);
    expect(sold.body).toMatchObject({ status: 'sold', finalAmount: 1200000, winnerOrgId: w.enterprise2.organisation.id });
    expect(await deposits()).toEqual({ [w.enterprise.organisation.id]: 'forfeited', [w.enterprise2.organisation.id]: 'applied', [e3.organisation.id]: 'released' });
    const again = await t.api.post(`market/auctions/${a.id}/confirm`, {}, { token: w.enterprise2.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('sold');

    // The sale is the seller's draft contract with the runner-up as buyer.
    const listing = await t.api.get(`market/listings/${l.id}`);
    expect(listing.body.status).toBe('contracted');
    const contract = await t.api.get(`contracts/${sold.body.contractId}`, { token: w.university.accessToken });
    expect(contract.body).toMatchObject({ status: 'draft', contractAmount: 1200000, buyer: { organisationId: w.enterprise2.organisation.id }, marketListingId: l.id, brokerUserId: null });
    expect((await t.api.get(`contracts/${sold.body.contractId}`, { token: w.enterprise.accessToken })).status).toBe(404);
    // The issue puts only a negotiated (协议定价) deal on public notice: the auction found the price in public, so the
    // university's sale goes to the draft without a notice (its marketListingId keeps registration from flagging it).
    const notices = [...(await t.api.get('market/notices?when=current&pageSize=100')).body.items, ...(await t.api.get('market/notices?when=past&pageSize=100')).body.items];
    expect(notices.filter((n: any) => n.listingId === l.id)).toEqual([]);
    sub.unsubscribe();
  });

  it('an auction with no bid at or above the reserve closes unsold and every deposit is released', async () => {
    const t0 = new Date('2026-11-20T01:00:00Z');
    t.clock.set(t0);
    const l = await listedListing(t, w);
    await t.api.post(`market/listings/${l.id}/intents`, { message: '意向' }, { token: w.enterprise.accessToken });
    await t.api.post(`market/listings/${l.id}/intents`, { message: '意向' }, { token: w.enterprise2.accessToken });
    const a = (await t.api.post(`market/listings/${l.id}/auctions`, {
      startsAt: t0.toISOString(), durationMinutes: 30, startPrice: 100_000, reservePrice: 500_000, ladder: [{ from: 0, step: 10_000 }], depositAmount: 10_000,
    }, { token: w.university.accessToken })).body;
    await qualify(a.id, w.enterprise);
    t.clock.set(new Date(t0.getTime() + MIN));
    expect((await bid(a.id, w.enterprise, 100_000)).status).toBe(201);
    t.clock.set(new Date(t0.getTime() + 31 * MIN));
    await runDelayed(t, QueueName.Market, `market-auction:${a.id}:close:${t0.getTime() + 30 * MIN}`);
    const closed = await t.api.get(`market/auctions/${a.id}`);
    expect(closed.body).toMatchObject({ status: 'unsold', reserveMet: false });
    expect((await t.api.get(`market/auctions/${a.id}/bidders`, { token: w.enterprise.accessToken })).body[0].depositStatus).toBe('released');
    expect((await t.api.get(`market/listings/${l.id}`)).body.status).toBe('listed');
  });

  it('runs as a session of a roadshow the seller presents the achievement at, within the event\'s time; the event lists it', async () => {
    t.clock.set(new Date('2026-05-02T00:00:00Z'));
    const organiser = await addMember(t.api, await transferInstitution(t.api, w.admin), ['broker']);
    const event = (await t.api.post('roadshows', eventBody(), { token: organiser.accessToken })).body;
    await t.api.post(`roadshows/${event.id}/transitions`, { action: 'open-registration' }, { token: organiser.accessToken });
    const withTwoIntents = async () => {
      const l = await listedListing(t, w);
      for (const s of [w.enterprise, w.enterprise2]) await t.api.post(`market/listings/${l.id}/intents`, { message: '拟在路演现场竞买' }, { token: s.accessToken });
      return l;
    };
    const presented = await withTwoIntents();
    const applied = await t.api.post(`roadshows/${event.id}/presentations`, { achievementId: presented.achievementId }, { token: w.university.accessToken });
    expect((await t.api.post(`roadshows/${event.id}/presentations/${applied.body.id}/decision`, { decision: 'accept' }, { token: organiser.accessToken })).status).toBe(200);
    // Beijing 09:30–10:30 on the event's morning (01:30–02:30Z); three 5-minute extensions still end before noon.
    const session = (startsAt: string, overrides: Record<string, unknown> = {}) => ({
      startsAt, durationMinutes: 60, startPrice: 500_000, reservePrice: 600_000, ladder: [{ from: 0, step: 10_000 }], depositAmount: 50_000, roadshowEventId: event.id, ...overrides,
    });

    // Not presented at the event: refused; outside the event's hours (extensions included): refused; the listing stays listed.
    const other = await withTwoIntents();
    const notPresented = await t.api.post(`market/listings/${other.id}/auctions`, session('2026-06-10T01:30:00Z'), { token: w.university.accessToken });
    expect(notPresented.status).toBe(403);
    expect(notPresented.body.code).toBe('ROADSHOW_NOT_PRESENTED');
    const late = await t.api.post(`market/listings/${presented.id}/auctions`, session('2026-06-10T02:50:00Z'), { token: w.university.accessToken });
    expect(late.status).toBe(400);
    expect(late.body.details[0].field).toBe('startsAt');
    expect((await t.api.get(`market/listings/${presented.id}`)).body.status).toBe('listed');
    const unknown = await t.api.post(`market/listings/${presented.id}/auctions`, session('2026-06-10T01:30:00Z', { roadshowEventId: '00000000-0000-4000-8000-000000000000' }), { token: w.university.accessToken });
    expect(unknown.status).toBe(404);

    const held = await t.api.post(`market/listings/${presented.id}/auctions`, session('2026-06-10T01:30:00Z'), { token: w.university.accessToken });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ status: 'announced', roadshowEventId: event.id, closesAt: '2026-06-10T02:30:00.000Z' });
    expect((await t.api.get(`market/roadshows/${event.id}/auctions`)).body.map((a: any) => a.id)).toEqual([held.body.id]);

    // A cancelled event takes no session (409 with its state).
    const cancelled = (await t.api.post('roadshows', eventBody({ title: '已取消的对接会' }), { token: organiser.accessToken })).body;
    await t.api.post(`roadshows/${cancelled.id}/transitions`, { action: 'cancel', reason: '场地调整' }, { token: organiser.accessToken });
    const refused = await t.api.post(`market/listings/${other.id}/auctions`, session('2026-06-10T01:30:00Z', { roadshowEventId: cancelled.id }), { token: w.university.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.body.currentState).toBe('cancelled');
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 20));
  }
}
