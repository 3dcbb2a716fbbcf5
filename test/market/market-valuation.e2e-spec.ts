import { contractBody, pdfUpload, registeredContract, registrationInstitution, transferInstitution } from '../contracts/contracts-helpers';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { createTestApp, Session, TestApp } from '../support/test-app';
import { listedListing, makeMarketWorld, MarketWorld } from './market-helpers';

describe('market: valuation band and payments received', () => {
  let t: TestApp;
  let w: MarketWorld;
  let reviewer: Session;
  let transfer: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await makeMarketWorld(t);
    reviewer = (await registrationInstitution(t.api, w.admin, ['1301'], '130100')).reviewer;
    transfer = await transferInstitution(t.api, w.admin);
  });
  afterAll(async () => t?.close());

  const registered = async (achievementId: string, technologyAmount: number, type = 'license-patent') =>
    registeredContract(t, w.university, reviewer, contractBody({ enterprise: w.enterprise, transfer }, {
      achievementId, type, licenseScope: type.startsWith('license') ? 'exclusive' : undefined, contractAmount: technologyAmount, technologyAmount, deductions: [],
      signedOn: new Date().toISOString().slice(0, 10), termFrom: undefined, termTo: '2030-12-31',
    }));

  it('shows P25–P75 with the count of comparable registered contracts, and the seller records payments against paid vs agreed', async () => {
    // Comparables: licences of photovoltaics achievements at TRL 5–7; a transfer and a TRL 9 one are not.
    for (const [trl, amount] of [[6, 400_000], [5, 800_000], [7, 1_200_000], [6, 1_600_000]] as const) {
      await registered(await publishAchievement(t.api, w.university, w.admin, { trl, title: `钙钛矿叠层电池工艺${trl}-${amount}` }), amount);
    }
    await registered(await publishAchievement(t.api, w.university, w.admin, { trl: 6, title: '钙钛矿转让' }), 9_000_000, 'transfer-patent');
    await registered(await publishAchievement(t.api, w.university, w.admin, { trl: 9, title: '钙钛矿成熟' }), 9_000_000);

    const l = await listedListing(t, w, { transferMode: 'sole' });
    const band = await t.api.get(`market/listings/${l.id}/valuation-band`, { token: w.university.accessToken });
    expect(band.status).toBe(200);
    expect(band.body).toMatchObject({ count: 4, p25: 700_000, p50: 1_000_000, p75: 1_300_000, criteria: { field: 'photovoltaics', trlFrom: 5, trlTo: 7 } });

    // Payments against one registered contract: only its seller records, both parties read, strangers get 404.
    const c = await registered(await publishAchievement(t.api, w.university, w.admin, { title: '付款测试成果' }), 1_000_000, 'transfer-patent');
    const paid = await t.api.post(`market/contracts/${c.id}/payments`, { receivedOn: '2026-10-15', amount: 300_000 }, { token: w.university.accessToken });
    expect(paid.status).toBe(201);
    // A proof is a real PDF: a picture named .pdf and labelled application/pdf is refused, naming the field.
    const photo = pdfUpload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '银行回单.pdf');
    const refused = await t.api.post(`market/payments/${paid.body.id}/proof`, photo.body, { token: w.university.accessToken, headers: photo.headers });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'NOT_A_PDF' })]);
    const up = pdfUpload(undefined, '银行回单.pdf');
    const proof = await t.api.post(`market/payments/${paid.body.id}/proof`, up.body, { token: w.university.accessToken, headers: up.headers });
    expect(proof.status).toBe(200);
    expect(proof.body.proofName).toBeTruthy();
    expect((await t.api.post(`market/contracts/${c.id}/payments`, { receivedOn: '2026-10-16', amount: 1 }, { token: w.enterprise.accessToken })).status).toBe(403);
    expect((await t.api.post(`market/contracts/${c.id}/payments`, { receivedOn: 'yesterday', amount: 1 }, { token: w.university.accessToken })).status).toBe(400);
    await t.api.post(`market/contracts/${c.id}/payments`, { receivedOn: '2026-11-15', amount: 200_000.5 }, { token: w.university.accessToken });
    const ledger = await t.api.get(`market/contracts/${c.id}/payments`, { token: w.enterprise.accessToken });
    expect(ledger.body).toMatchObject({ agreed: 1_000_000, paid: 500_000.5, outstanding: 499_999.5 });
    expect(ledger.body.payments.map((p: any) => p.receivedOn)).toEqual(['2026-10-15', '2026-11-15']);
    expect((await t.api.get(`market/contracts/${c.id}/payments`, { token: w.enterprise2.accessToken })).status).toBe(404);
  });

  it('an owner orders a valuation report: the institution quotes, then delivers the PDF attached to the listing', async () => {
    const l = await listedListing(t, w);
    const broker = transfer;
    const bad = await t.api.post(`market/listings/${l.id}/valuation-orders`, { institutionId: w.enterprise.organisation.id, note: '请评估' }, { token: w.university.accessToken });
    expect(bad.status).toBe(400);
    expect((await t.api.post(`market/listings/${l.id}/valuation-orders`, { institutionId: broker.organisation.id, note: '请评估' }, { token: w.enterprise.accessToken })).status).toBe(403);
    const ordered = await t.api.post(`market/listings/${l.id}/valuation-orders`, { institutionId: broker.organisation.id, note: '请按收益法评估许可价格' }, { token: w.university.accessToken });
    expect(ordered.status).toBe(201);
    expect(ordered.body.status).toBe('requested');
    const id = ordered.body.id;
    expect((await t.api.get(`market/valuation-orders/${id}`, { token: w.enterprise.accessToken })).status).toBe(404);
    // Deliver before quoting is an illegal step; only the institution quotes.
    const up = pdfUpload(undefined, 'report.pdf');
    const early = await t.api.post(`market/valuation-orders/${id}/report`, up.body, { token: broker.accessToken, headers: up.headers });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('requested');
    expect((await t.api.post(`market/valuation-orders/${id}/quote`, { amount: 20_000 }, { token: w.university.accessToken })).status).toBe(403);
    const quoted = await t.api.post(`market/valuation-orders/${id}/quote`, { amount: 20_000 }, { token: broker.accessToken });
    expect(quoted.body).toMatchObject({ status: 'quoted', quoteAmount: 20000 });
    const text = pdfUpload(Buffer.from('估值结论：约 80 万元'), 'report.pdf');
    const notPdf = await t.api.post(`market/valuation-orders/${id}/report`, text.body, { token: broker.accessToken, headers: text.headers });
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'NOT_A_PDF' })]);
    expect((await t.api.get(`market/valuation-orders/${id}`, { token: w.university.accessToken })).body.status).toBe('quoted');
    const delivered = await t.api.post(`market/valuation-orders/${id}/report`, up.body, { token: broker.accessToken, headers: up.headers });
    expect(delivered.body).toMatchObject({ status: 'delivered', reportName: 'report.pdf' });
    const report = await t.api.get(`market/valuation-orders/${id}/report`, { token: w.university.accessToken });
    expect(report.status).toBe(200);
    expect(report.raw.subarray(0, 4).toString()).toBe('%PDF');
  });
});
