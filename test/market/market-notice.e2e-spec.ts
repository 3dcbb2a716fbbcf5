import { QueueName } from '@techbridge/platform';
import { contractBody, pdfUpload, registrationInstitution, submittedContract, transferInstitution } from '../contracts/contracts-helpers';
import { createTestApp, TestApp } from '../support/test-app';
import { listedListing, makeMarketWorld, MarketWorld, runDelayed } from './market-helpers';

const DAY = 86_400_000;

describe('market: public notice of a university\'s negotiated deal', () => {
  let t: TestApp;
  let w: MarketWorld;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await makeMarketWorld(t);
    await registrationInstitution(t.api, w.admin, ['1301'], '130100');
  });
  afterAll(async () => t?.close());

  /** A listed university listing with an accepted intent from the first enterprise, and the agreed price: the notice runs. */
  async function dealInNotice(): Promise<{ listing: any; notice: any }> {
    const l = await listedListing(t, w);
    const intent = await t.api.post(`market/listings/${l.id}/intents`, { message: '拟实施' }, { token: w.enterprise.accessToken });
    await t.api.post(`market/intents/${intent.body.id}/accept`, {}, { token: w.university.accessToken });
    const deal = await t.api.post(`market/listings/${l.id}/deal`, { amount: 1_100_000 }, { token: w.university.accessToken });
    expect(deal.status).toBe(200);
    expect(deal.body.status).toBe('deal');
    expect(deal.body.contractId).toBeNull();
    const notices = await t.api.get('market/notices');
    const notice = notices.body.items.find((n: any) => n.listingId === l.id);
    expect(notice).toMatchObject({ status: 'running', noticeDays: 15, policyVersion: '2024-01-01', amount: 1100000 });
    return { listing: deal.body, notice };
  }

  it('pauses the clock on an objection, resumes it after the answer and the dismissal, and the notice ending makes a draft contract', async () => {
    const start = new Date('2026-11-02T02:00:00Z');
    t.clock.set(start);
    const { listing, notice } = await dealInNotice();
    expect(notice.endsAt).toBe(new Date(start.getTime() + 15 * DAY).toISOString());
    expect(notice.terms).toMatchObject({ seller: w.university.organisation.name, buyer: w.enterprise.organisation.name, transferMode: 'exclusive' });

    // A party cannot object; a third party lodges a real-name objection five days in: the clock stops with ten days left.
    const byParty = await t.api.post(`market/notices/${notice.id}/objections`, objection(), { token: w.enterprise.accessToken });
    expect(byParty.status).toBe(409);
    t.clock.set(new Date(start.getTime() + 5 * DAY));
    const lodged = await t.api.post(`market/notices/${notice.id}/objections`, objection(), { token: w.enterprise2.accessToken });
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 10 * DAY });
    const objectionId = lodged.body.objections[0].id;
    // The public sees the objection with the name masked.
    const pub = await t.api.get(`market/notices/${notice.id}`);
    expect(pub.body.objections[0].realName).toBe('张**');

    // The original end passes while paused: its job finds the notice paused and does nothing.
    t.clock.set(new Date(start.getTime() + 16 * DAY));
    await runDelayed(t, QueueName.Market, `market-notice:${notice.id}:end:${start.getTime() + 15 * DAY}`);
    expect((await t.api.get(`market/notices/${notice.id}`)).body.status).toBe('paused');

    // Staff cannot decide before the owner answers; only the seller answers.
    const early = await t.api.post(`market/objections/${objectionId}/decide`, { decision: 'dismiss', reason: '理由不成立' }, { token: w.admin.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('open');
    expect((await t.api.post(`market/objections/${objectionId}/answer`, { answer: '不是我们' }, { token: w.enterprise2.accessToken })).status).toBe(403);
    const answered = await t.api.post(`market/objections/${objectionId}/answer`, { answer: '该专利权属清晰，附权属证明' }, { token: w.university.accessToken });
    expect(answered.body.status).toBe('answered');
    expect((await t.api.post(`market/objections/${objectionId}/decide`, { decision: 'dismiss', reason: 'x' + '理由' }, { token: w.university.accessToken })).status).toBe(403);
    const decided = await t.api.post(`market/objections/${objectionId}/decide`, { decision: 'dismiss', reason: '经核查，权属清晰' }, { token: w.admin.accessToken });
    expect(decided.status).toBe(200);
    const resumedAt = start.getTime() + 16 * DAY;
    expect(decided.body).toMatchObject({ status: 'running', remainingMs: null, endsAt: new Date(resumedAt + 10 * DAY).toISOString() });

    // The resumed notice runs out: a new job for the new end turns the deal into a draft contract (once).
    t.clock.set(new Date(resumedAt + 10 * DAY + 1000));
    await runDelayed(t, QueueName.Market, `market-notice:${notice.id}:end:${resumedAt + 10 * DAY}`);
    const ended = await t.api.get(`market/notices/${notice.id}`);
    expect(ended.body.status).toBe('ended');
    const after = await t.api.get(`market/listings/${listing.id}`, { token: w.university.accessToken });
    expect(after.body.status).toBe('contracted');
    const contract = await t.api.get(`contracts/${after.body.contractId}`, { token: w.university.accessToken });
    expect(contract.body).toMatchObject({ status: 'draft', type: 'license-patent', licenseScope: 'exclusive', contractAmount: 1100000, marketListingId: listing.id });

    // At registration the contract with the market behind it carries no flag.
    const up = pdfUpload();
    await t.api.post(`contracts/${contract.body.id}/attachment`, up.body, { token: w.university.accessToken, headers: up.headers });
    await t.api.patch(`contracts/${contract.body.id}`, { termFrom: contract.body.signedOn, termTo: '2031-12-31' }, { token: w.university.accessToken });
    expect((await t.api.post(`contracts/${contract.body.id}/submission`, {}, { token: w.university.accessToken })).status).toBe(202);
    await t.drain();
    const routed = await t.api.get(`contracts/${contract.body.id}`, { token: w.university.accessToken });
    expect(routed.body).toMatchObject({ status: 'under-review', marketNoticeMissing: false });
  });

  it('a sustained objection cancels the notice: no contract, the listing is back on the market', async () => {
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    const { listing, notice } = await dealInNotice();
    const lodged = await t.api.post(`market/notices/${notice.id}/objections`, objection(), { token: w.enterprise2.accessToken });
    const objectionId = lodged.body.objections[0].id;
    await t.api.post(`market/objections/${objectionId}/answer`, { answer: '无异议' }, { token: w.university.accessToken });
    const sustained = await t.api.post(`market/objections/${objectionId}/decide`, { decision: 'sustain', reason: '价格明显低于评估值' }, { token: w.admin.accessToken });
    expect(sustained.body.status).toBe('cancelled');
    const l = await t.api.get(`market/listings/${listing.id}`);
    expect(l.body).toMatchObject({ status: 'listed', contractId: null, dealAmount: null });
    // Nothing more to object to.
    const late = await t.api.post(`market/notices/${notice.id}/objections`, objection(), { token: w.enterprise2.accessToken });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('cancelled');
  });

  it('flags at registration a university\'s contract with no listing or notice behind it', async () => {
    t.clock.set(new Date());
    const transfer = await transferInstitution(t.api, w.admin);
    const c = await submittedContract(t, w.university, contractBody({ enterprise: w.enterprise, transfer }));
    expect(c.status).toBe('under-review');
    expect(c.marketNoticeMissing).toBe(true);
    expect(c.marketListingId).toBeNull();
  });
});

function objection() {
  return { realName: '张三', contactPhone: '0312-5550000', grounds: '该成果的专利权属存在争议', evidence: '见 2025 年某某法院受理通知书（案号 略）' };
}
