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
});
