import { BeijingCalendar, MovableClock } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PARK = 'sjz-hitech';

describe('IP-pledge loans: from application to repayment, and to a default with a compensation claim', () => {
  let t: TestApp;
  let admin: Session;
  let borrower: Session;
  let stranger: Session;
  let bank: Session;
  let otherBank: Session;
  let parkFund: Session;
  let achievementId: string;

  const valuation = (loanId: string, s: Session, amount: number, content = PDF) => {
    const mp = multipartFile('file', '专利价值评估报告.pdf', 'application/pdf', content);
    return t.api.post(`pledge-loans/${loanId}/valuation`, mp.body, { token: s.accessToken, headers: mp.headers, query: { valuationAmount: amount } });
  };
  const apply = (overrides: Record<string, unknown> = {}) =>
    t.api.post('pledge-loans', { bankId: bank.organisation.id, achievementId, amount: 3_000_000, termMonths: 24, ...overrides }, { token: borrower.accessToken });
  const step = (loanId: string, action: string, s: Session, body: Record<string, unknown> = {}) => t.api.post(`pledge-loans/${loanId}/${action}`, body, { token: s.accessToken });
  /** The bank records a repayment of `amountFen` with a PDF bank slip as proof, value date today unless given. */
  const repay = (loanId: string, amountFen: number, s: Session = bank, repaidOn = BeijingCalendar.dateOf(t.clock.now()), content = PDF) => {
    const mp = multipartFile('file', '还款凭证.pdf', 'application/pdf', content);
    return t.api.post(`pledge-loans/${loanId}/repayments`, mp.body, { token: s.accessToken, headers: mp.headers, query: { repaidOn, amountFen } });
  };

  /** A loan taken to disbursed: applied, valued, approved, disbursed. */
  async function disbursedLoan(approvedAmount: number): Promise<string> {
    const loan = await apply();
    expect(loan.status).toBe(201);
    expect((await valuation(loan.body.id, borrower, 6_000_000)).status).toBe(200);
    expect((await step(loan.body.id, 'approve', bank, { approvedAmount })).status).toBe(200);
    expect((await step(loan.body.id, 'disburse', bank)).status).toBe(200);
    return loan.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-03-02T02:00:00Z') });
    admin = await signInAdmin(t.api);
    borrower = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK });
    stranger = await signUpOrganisation(t.api, 'enterprise');
    bank = await signUpOrganisation(t.api, 'bank');
    otherBank = await signUpOrganisation(t.api, 'bank');
    parkFund = await signUpOrganisation(t.api, 'investment-fund', { parkCode: PARK });
    await verifyOrganisation(t.api, otherBank.organisation.id);
    const a = await t.api.post('achievements', achievementBody({ patents: ['CN202110123456.7', 'CN202210654321.X'] }), { token: borrower.accessToken });
    achievementId = a.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an unverified bank, an achievement without patents or not the borrower’s, and a non-enterprise borrower', async () => {
    const unverified = await apply();
    expect(unverified.status).toBe(400);
    expect(unverified.body.details[0].field).toBe('bankId');
    await verifyOrganisation(t.api, bank.organisation.id);
    const noPatents = await t.api.post('achievements', achievementBody({ patents: [] }), { token: borrower.accessToken });
    expect((await apply({ achievementId: noPatents.body.id })).status).toBe(400);
    const foreign = await t.api.post('achievements', achievementBody(), { token: stranger.accessToken });
    expect((await apply({ achievementId: foreign.body.id })).body.details[0].field).toBe('achievementId');
    expect((await t.api.post('pledge-loans', { bankId: bank.organisation.id, achievementId, amount: 1, termMonths: 12 }, { token: bank.accessToken })).status).toBe(403);
  });

  it('applied (patents listed from the achievement) → valued → approved by the bank → disbursed → repaid', async () => {
    const loan = await apply();
    expect(loan.status).toBe(201);
    expect(loan.body).toMatchObject({ status: 'applied', patents: ['CN202110123456.7', 'CN202210654321.X'], parkCode: PARK, amount: 3_000_000 });
    const id = loan.body.id;

    // Only the borrower, its bank and platform staff see the loan.
    for (const s of [stranger, otherBank, parkFund]) expect((await t.api.get(`pledge-loans/${id}`, { token: s.accessToken })).status).toBe(404);
    expect((await t.api.get(`pledge-loans/${id}`, { token: bank.accessToken })).status).toBe(200);
    expect((await t.api.get(`pledge-loans/${id}`, { token: admin.accessToken })).status).toBe(200);

    const early = await step(id, 'approve', bank, { approvedAmount: 3_000_000 });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('applied');
    // The bank cannot attach the borrower's valuation; another bank cannot approve.
    expect((await valuation(id, bank, 6_000_000)).status).toBe(404);
    expect((await valuation(id, borrower, 6_000_000, Buffer.from('not a report'))).status).toBe(400);
    const valued = await valuation(id, borrower, 6_000_000);
    expect(valued.status).toBe(200);
    expect(valued.body).toMatchObject({ status: 'valued', valuationAmount: 6_000_000, valuationReportName: '专利价值评估报告.pdf' });

    expect((await step(id, 'approve', otherBank, { approvedAmount: 3_000_000 })).status).toBe(404);
    expect((await step(id, 'approve', borrower, { approvedAmount: 3_000_000 })).status).toBe(404);
    expect((await step(id, 'approve', bank, { approvedAmount: 3_500_000 })).status).toBe(400);
    const approved = await step(id, 'approve', bank, { approvedAmount: 2_800_000, note: '按评估值 50% 以内授信' });
    expect(approved.body).toMatchObject({ status: 'approved', approvedAmount: 2_800_000 });

    const queue = await t.api.get('pledge-loans', { token: bank.accessToken, query: { status: 'approved' } });
    expect(queue.body.items.map((l: { id: string }) => l.id)).toEqual([id]);

    expect((await repay(id, 100)).body.currentState).toBe('approved');
    const disbursed = await step(id, 'disburse', bank);
    expect(disbursed.body).toMatchObject({ status: 'disbursed', principalFen: 280_000_000, outstandingFen: 280_000_000, allowedActions: ['record-repayment', 'default'] });
    const repaid = await repay(id, 280_000_000);
    expect(repaid.status).toBe(201);
    expect(repaid.body.loan).toMatchObject({ status: 'repaid', outstandingFen: 0 });
    expect(repaid.body.loan.closedAt).not.toBeNull();
    const twice = await repay(id, 1);
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('repaid');
    // A repaid loan has nothing to claim.
    expect((await step(id, 'compensation-claim', bank, { amount: 100 })).status).toBe(409);
  });

  it('partial repayments lower the outstanding principal (fen) until it is cleared; overpaying is a 409 naming what is outstanding', async () => {
    const id = await disbursedLoan(1_000_000); // 100,000,000 fen
    t.clock.advance(10 * 86_400_000);
    const today = BeijingCalendar.dateOf(t.clock.now());

    // Only the loan's verified bank records repayments; a proof is required and must be a document; dates are checked.
    expect((await repay(id, 100, borrower)).status).toBe(404);
    expect((await repay(id, 100, otherBank)).status).toBe(404);
    expect((await repay(id, 100, bank, today, Buffer.from('not a slip'))).status).toBe(400);
    expect((await repay(id, 0)).body.details[0].field).toBe('amountFen');
    expect((await repay(id, 100, bank, '2099-01-01')).body.details[0].field).toBe('repaidOn');
    expect((await repay(id, 100, bank, '2020-01-01')).body.details[0].field).toBe('repaidOn');

    const first = await repay(id, 30_000_000);
    expect(first.status).toBe(201);
    expect(first.body.repayment).toMatchObject({ repaidOn: today, amountFen: 30_000_000, proofName: '还款凭证.pdf' });
    expect(first.body.loan).toMatchObject({ status: 'disbursed', principalFen: 100_000_000, repaidFen: 30_000_000, outstandingFen: 70_000_000 });

    const over = await repay(id, 70_000_001);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'REPAYMENT_EXCEEDS_OUTSTANDING', outstandingFen: 70_000_000 });
    expect(over.body.message).toContain('700000.00');

    // Two repayments of 40% recorded at the same moment: the row lock lets one through, the other finds 30% left.
    const both = await Promise.all([repay(id, 40_000_000), repay(id, 40_000_000)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.outstandingFen).toBe(30_000_000);

    const last = await repay(id, 30_000_000);
    expect(last.body.loan).toMatchObject({ status: 'repaid', repaidFen: 100_000_000, outstandingFen: 0 });

    const list = await t.api.get(`pledge-loans/${id}/repayments`, { token: borrower.accessToken });
    expect(list.body).toMatchObject({ principalFen: 100_000_000, repaidFen: 100_000_000, outstandingFen: 0 });
    expect(list.body.items.map((r: { amountFen: number }) => r.amountFen)).toEqual([30_000_000, 40_000_000, 30_000_000]);
    expect((await t.api.get(`pledge-loans/${id}/repayments`, { token: stranger.accessToken })).status).toBe(404);
    const notes = await t.api.get('notifications', { token: borrower.accessToken });
    expect(notes.body.items.some((n: { kind: string }) => n.kind === 'finance.loan-repaid')).toBe(true);
  });

  it('a repayment proof is downloaded as the PDF it was by the bank, the borrower and platform staff; 404 for anyone else', async () => {
    const id = await disbursedLoan(1_000_000);
    const recorded = await repay(id, 10_000_000);
    expect(recorded.status).toBe(201);
    const url = `pledge-loans/${id}/repayments/${recorded.body.repayment.id}/proof`;
    for (const s of [bank, borrower, admin]) {
      const res = await t.api.get(url, { token: s.accessToken });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('还款凭证.pdf'));
      expect(res.raw.equals(PDF)).toBe(true);
    }
    for (const s of [stranger, otherBank]) expect((await t.api.get(url, { token: s.accessToken })).status).toBe(404);
    expect((await t.api.get(url)).status).toBe(401);
    // Another loan's repayment id under this loan is unknown here.
    const other = await disbursedLoan(1_000_000);
    const elsewhere = await repay(other, 10_000_000);
    const wrong = await t.api.get(`pledge-loans/${id}/repayments/${elsewhere.body.repayment.id}/proof`, { token: bank.accessToken });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('LOAN_REPAYMENT_NOT_FOUND');
  });

  it('a bank whose verification is revoked can no longer decide its loans (403)', async () => {
    const loan = await apply();
    await valuation(loan.body.id, borrower, 6_000_000);
    expect((await t.api.post(`organisations/${bank.organisation.id}/reject`, { reason: '牌照核查' }, { token: admin.accessToken })).status).toBe(200);
    const refused = await step(loan.body.id, 'approve', bank, { approvedAmount: 1_000_000 });
    expect(refused.status).toBe(403);
    await verifyOrganisation(t.api, bank.organisation.id);
    expect((await step(loan.body.id, 'approve', bank, { approvedAmount: 1_000_000 })).status).toBe(200);
  });

  it('a default leads to a risk-compensation claim on the park’s sub-fund, which pays it', async () => {
    const id = await disbursedLoan(2_000_000);
    // ¥500,000 of the ¥2,000,000 was repaid before the default: the claim may cover at most the ¥1,500,000 left.
    expect((await repay(id, 50_000_000)).status).toBe(201);
    const defaulted = await step(id, 'default', bank, { note: '逾期 90 天' });
    expect(defaulted.body.status).toBe('defaulted');

    // No verified sub-fund in the borrower's park yet.
    const noFund = await step(id, 'compensation-claim', bank, { amount: 1_000_000 });
    expect(noFund.status).toBe(409);
    expect(noFund.body.code).toBe('NO_PARK_FUND');
    await verifyOrganisation(t.api, parkFund.organisation.id);

    expect((await step(id, 'compensation-claim', bank, { amount: 1_500_000.01 })).status).toBe(400);
    expect((await step(id, 'compensation-claim', borrower, { amount: 1_000_000 })).status).toBe(404);
    const claim = await step(id, 'compensation-claim', bank, { amount: 1_000_000, note: '按 50% 比例申请补偿' });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ loanId: id, fundId: parkFund.organisation.id, amount: 1_000_000, status: 'filed' });
    expect((await step(id, 'compensation-claim', bank, { amount: 1_000_000 })).status).toBe(409);

    const claims = await t.api.get('investors/me/compensation-claims', { token: parkFund.accessToken });
    expect(claims.body.items.map((c: { id: string }) => c.id)).toEqual([claim.body.id]);
    expect((await t.api.post(`compensation-claims/${claim.body.id}/pay`, {}, { token: bank.accessToken })).status).toBe(404);
    expect((await t.api.get(`compensation-claims/${claim.body.id}`, { token: stranger.accessToken })).status).toBe(404);
    const paid = await t.api.post(`compensation-claims/${claim.body.id}/pay`, { note: '已拨付' }, { token: parkFund.accessToken });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect((await t.api.get(`pledge-loans/${id}`, { token: borrower.accessToken })).body.status).toBe('compensated');
    const again = await t.api.post(`compensation-claims/${claim.body.id}/reject`, {}, { token: parkFund.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('paid');
    expect((await t.api.get(`pledge-loans/${id}/compensation-claim`, { token: bank.accessToken })).body.status).toBe('paid');
  });

  it('the borrower may withdraw before approval, not after', async () => {
    const loan = await apply();
    expect((await step(loan.body.id, 'withdraw', borrower)).body.status).toBe('withdrawn');
    const id = await disbursedLoan(1_000_000);
    const late = await step(id, 'withdraw', borrower);
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('disbursed');
  });
});
