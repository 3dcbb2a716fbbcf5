import { MovableClock } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PARK_A = 'zhuozhou-agri';
const PARK_B = 'renqiu-edz';

/**
 * The finance indicators take part in the innovation index when an administrator weighs them in a new weights
 * version: no code, the computed figures of the published quarters feed the index like any other indicator.
 */
describe('monitoring: finance indicators in the innovation index through a weights version (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let bank: Session;

  async function disbursedLoan(borrower: Session, amount: number): Promise<void> {
    const a = await t.api.post('achievements', achievementBody(), { token: borrower.accessToken });
    const loan = await t.api.post('pledge-loans', { bankId: bank.organisation.id, achievementId: a.body.id, amount, termMonths: 12 }, { token: borrower.accessToken });
    const up = multipartFile('file', 'report.pdf', 'application/pdf', PDF);
    await t.api.post(`pledge-loans/${loan.body.id}/valuation`, up.body, { token: borrower.accessToken, headers: up.headers, query: { valuationAmount: amount * 2 } });
    await t.api.post(`pledge-loans/${loan.body.id}/approve`, { approvedAmount: amount }, { token: bank.accessToken });
    expect((await t.api.post(`pledge-loans/${loan.body.id}/disburse`, {}, { token: bank.accessToken })).status).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-05-10T02:00:00Z') });
    admin = await signInAdmin(t.api);
    bank = await signUpOrganisation(t.api, 'bank');
    await verifyOrganisation(t.api, bank.organisation.id);
    await disbursedLoan(await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK_A }), 2_000_000);
    await disbursedLoan(await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK_B }), 500_000);
    t.clock.set('2026-07-05T02:00:00Z');
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q2' }, { token: admin.accessToken })).status).toBe(201);
    expect((await t.api.post('monitoring/quarters/2026Q2/publish', {}, { token: admin.accessToken })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an administrator weighs loans outstanding into a new weights version; the index then ranks the parks on it', async () => {
    const inIndex = async (code: string) => (await t.api.get('monitoring/indicators')).body.find((i: any) => i.code === code).inIndex;
    expect(await inIndex('loans-outstanding')).toBe(false);

    const before = (await t.api.get('monitoring/innovation-index/weights')).body;
    const put = await t.api.put('monitoring/innovation-index/weights', {
      dimensions: before.dimensions, indicators: { ...before.indicators, 'loans-outstanding': 3, 'financing-closed-amount': 1 }, note: '纳入科技金融指标',
    }, { token: admin.accessToken });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(before.version + 1);
    expect(await inIndex('loans-outstanding')).toBe(true);
    expect(await inIndex('park-funds')).toBe(false);

    const run = await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken });
    expect(run.status).toBe(200);
    expect(run.body.weightsVersion).toBe(put.body.version);
    const park = (code: string) => run.body.parks.find((p: any) => p.park === code);
    expect(park(PARK_A).inputs['loans-outstanding'].value).toBe(2_000_000);
    expect(park(PARK_B).inputs['loans-outstanding'].value).toBe(500_000);
    expect(park(PARK_A).inputs['loans-outstanding'].figureIds.length).toBe(1);
    expect(park(PARK_A).normalised['loans-outstanding']).toBe(100);
    // Only the finance figures tell the two parks apart, so the park with more credit on the books ranks higher.
    expect(park(PARK_A).score).toBeGreaterThan(park(PARK_B).score);
    expect(park(PARK_A).rank).toBeLessThan(park(PARK_B).rank);
    expect((await t.api.get('monitoring/innovation-index/2026/verify', { token: admin.accessToken })).body.reproducible).toBe(true);
  });
});
