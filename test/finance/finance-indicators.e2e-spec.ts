import { MovableClock } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const PARK = 'guan-hitech';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

/** Monitoring's finance indicators and the ¥20 bn technology credit target, on records made through the finance API. */
describe('monitoring: finance indicators and the technology credit target (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let enterprise: Session;
  let fund: Session;
  let bank: Session;
  const line = (r: any, park: string | null, indicator: string) => r.lines.find((l: any) => l.park === park && l.indicator === indicator && l.breakdown === '');

  async function disbursedLoan(amount: number): Promise<string> {
    const a = await t.api.post('achievements', achievementBody(), { token: enterprise.accessToken });
    const loan = await t.api.post('pledge-loans', { bankId: bank.organisation.id, achievementId: a.body.id, amount, termMonths: 12 }, { token: enterprise.accessToken });
    const up = multipartFile('file', 'report.pdf', 'application/pdf', PDF);
    await t.api.post(`pledge-loans/${loan.body.id}/valuation`, up.body, { token: enterprise.accessToken, headers: up.headers, query: { valuationAmount: amount * 2 } });
    expect((await t.api.post(`pledge-loans/${loan.body.id}/approve`, { approvedAmount: amount }, { token: bank.accessToken })).status).toBe(200);
    expect((await t.api.post(`pledge-loans/${loan.body.id}/disburse`, {}, { token: bank.accessToken })).status).toBe(200);
    return loan.body.id;
  }

  let partlyRepaid: string;
  const repay = (loanId: string, amountFen: number, repaidOn: string) => {
    const up = multipartFile('file', 'slip.pdf', 'application/pdf', PDF);
    return t.api.post(`pledge-loans/${loanId}/repayments`, up.body, { token: bank.accessToken, headers: up.headers, query: { repaidOn, amountFen } });
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-05-10T02:00:00Z') });
    admin = await signInAdmin(t.api);
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK });
    fund = await signUpOrganisation(t.api, 'investment-fund', { parkCode: PARK });
    bank = await signUpOrganisation(t.api, 'bank');
    await verifyOrganisation(t.api, fund.organisation.id);
    await verifyOrganisation(t.api, bank.organisation.id);

    partlyRepaid = await disbursedLoan(2_000_000);
    expect((await repay(partlyRepaid, 50_000_000, '2026-05-10')).status).toBe(201);
    const repaid = await disbursedLoan(1_000_000);
    expect((await repay(repaid, 40_000_000, '2026-05-10')).status).toBe(201);
    expect((await repay(repaid, 60_000_000, '2026-05-10')).body.loan.status).toBe('repaid');

    const a = await t.api.post('achievements', achievementBody(), { token: enterprise.accessToken });
    const r = await t.api.post('financing-requests', {
      title: '园区企业A轮', summary: '扩产', amount: 5_000_000, stage: 'a', industry: 'new-energy', useOfFunds: '产线', achievementIds: [a.body.id],
    }, { token: enterprise.accessToken });
    await t.api.post(`financing-requests/${r.body.id}/publish`, {}, { token: enterprise.accessToken });
    const e = await t.api.post(`financing-requests/${r.body.id}/invitations`, { investorId: fund.organisation.id }, { token: enterprise.accessToken });
    await t.api.post(`financing-requests/${r.body.id}/engagements/${e.body.id}/term-sheet`, { amount: 5_000_000 }, { token: enterprise.accessToken });
    expect((await t.api.post(`financing-requests/${r.body.id}/engagements/${e.body.id}/invest`, { amount: 4_500_000 }, { token: enterprise.accessToken })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('publishes park funds, their investments, financing closed and loans disbursed and outstanding per park, and measures the credit target on the loans outstanding', async () => {
    const indicators = (await t.api.get('monitoring/indicators')).body;
    expect(indicators.find((i: any) => i.code === 'loans-disbursed')).toBeDefined();

    t.clock.set('2026-07-05T02:00:00Z');
    // A repayment with a value date in Q3 does not lower Q2's outstanding figure, though recorded before the report.
    expect((await repay(partlyRepaid, 20_000_000, '2026-07-02')).body.loan.outstandingFen).toBe(130_000_000);
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q2' }, { token: admin.accessToken })).status).toBe(201);
    expect((await t.api.post('monitoring/quarters/2026Q2/publish', {}, { token: admin.accessToken })).status).toBe(200);
    const report = (await t.api.get('monitoring/reports/2026Q2', { token: admin.accessToken })).body;

    expect(line(report, PARK, 'park-funds').value).toBe(1);
    expect(line(report, PARK, 'fund-invested-amount').value).toBe(4_500_000);
    expect(line(report, PARK, 'financing-closed').value).toBe(1);
    expect(line(report, PARK, 'financing-closed-amount').value).toBe(4_500_000);
    // Both loans were disbursed in the quarter; the repaid one is no longer outstanding at its end, and of the other
    // only the principal left after the ¥500,000 repaid in May: ¥1,500,000.
    expect(line(report, PARK, 'loans-disbursed').value).toBe(3_000_000);
    expect(line(report, null, 'loans-disbursed').value).toBe(3_000_000);
    expect(line(report, PARK, 'loans-outstanding').value).toBe(1_500_000);
    expect(line(report, 'sjz-hitech', 'loans-disbursed').value).toBe(0);

    // The plan's technology credit target measures the credit on the books: the loans outstanding.
    expect(line(report, PARK, 'technology-credit').value).toBe(1_500_000);
    const targets = (await t.api.get('monitoring/targets')).body;
    expect(targets.find((x: any) => x.code === 'technology-credit')).toMatchObject({ target: 20_000_000_000, unit: 'yuan', actual: 1_500_000, achieved: false });
  });
});
