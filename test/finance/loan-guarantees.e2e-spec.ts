import { BeijingCalendar, MovableClock } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PARK = 'hengshui-hitech';

/** Guarantors of IP-pledge loans: invited by the bank, accept or decline with a reason, called on a default, released on repayment. */
describe('IP-pledge loans: the guarantor workflow', () => {
  let t: TestApp;
  let borrower: Session;
  let bank: Session;
  let guarantor: Session;
  let other: Session;
  let pending: Session;
  let parkFund: Session;

  const post = (path: string, s: Session, body: Record<string, unknown> = {}) => t.api.post(path, body, { token: s.accessToken });
  const kinds = async (s: Session) => (await t.api.get('notifications', { token: s.accessToken })).body.items.map((n: { kind: string }) => n.kind);
  const repay = (loanId: string, amountFen: number) => {
    const mp = multipartFile('file', 'slip.pdf', 'application/pdf', PDF);
    return t.api.post(`pledge-loans/${loanId}/repayments`, mp.body, { token: bank.accessToken, headers: mp.headers, query: { repaidOn: BeijingCalendar.dateOf(t.clock.now()), amountFen } });
  };

  /** A loan of ¥2,000,000 applied, valued and approved: open for guarantees. */
  async function approvedLoan(): Promise<string> {
    const a = await post('achievements', borrower, achievementBody());
    const loan = await post('pledge-loans', borrower, { bankId: bank.organisation.id, achievementId: a.body.id, amount: 2_000_000, termMonths: 12 });
    const up = multipartFile('file', 'report.pdf', 'application/pdf', PDF);
    await t.api.post(`pledge-loans/${loan.body.id}/valuation`, up.body, { token: borrower.accessToken, headers: up.headers, query: { valuationAmount: 4_000_000 } });
    expect((await post(`pledge-loans/${loan.body.id}/approve`, bank, { approvedAmount: 2_000_000 })).status).toBe(200);
    return loan.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-04-01T02:00:00Z') });
    borrower = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK });
    bank = await signUpOrganisation(t.api, 'bank');
    guarantor = await signUpOrganisation(t.api, 'guarantor');
    other = await signUpOrganisation(t.api, 'guarantor');
    pending = await signUpOrganisation(t.api, 'guarantor');
    parkFund = await signUpOrganisation(t.api, 'investment-fund', { parkCode: PARK });
    for (const s of [bank, guarantor, other, parkFund]) await verifyOrganisation(t.api, s.organisation.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('invited by the bank, a guarantor accepts or declines with a reason; disbursement waits for the answers; a default calls its share', async () => {
    const id = await approvedLoan();
    const invite = (g: Session, s: Session = bank, body: Record<string, unknown> = {}) =>
      post(`pledge-loans/${id}/guarantees`, s, { guarantorId: g.organisation.id, amount: 1_000_000, sharePercent: 40, ...body });

    // Only a verified guarantor, only by the loan's bank, valid terms.
    expect((await invite(pending)).body.details[0].field).toBe('guarantorId');
    expect((await invite(parkFund)).body.details[0].field).toBe('guarantorId');
    expect((await invite(guarantor, borrower)).status).toBe(404);
    expect((await invite(guarantor, bank, { sharePercent: 120 })).body.details[0].field).toBe('sharePercent');

    const g = await invite(guarantor);
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ status: 'invited', amount: 1_000_000, sharePercent: 40, allowedActions: ['withdraw'] });
    const again = await invite(guarantor);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'GUARANTOR_ALREADY_INVITED', currentState: 'invited' });
    expect(await kinds(guarantor)).toContain('finance.guarantee-invited');

    // The guarantor now reads the loan and finds the invitation in its queue.
    expect((await t.api.get(`pledge-loans/${id}`, { token: guarantor.accessToken })).status).toBe(200);
    const mine = await t.api.get('guarantees/mine', { token: guarantor.accessToken });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: g.body.id, allowedActions: ['accept', 'decline'] })]);
    expect((await t.api.get('guarantees/mine', { token: borrower.accessToken })).status).toBe(403);

    const declined = await invite(other);
    expect((await post(`pledge-loans/${id}/guarantees/${declined.body.id}/decline`, other, {})).status).toBe(400);
    const no = await post(`pledge-loans/${id}/guarantees/${declined.body.id}/decline`, other, { reason: '反担保措施不足' });
    expect(no.body).toMatchObject({ status: 'declined', declineReason: '反担保措施不足' });
    expect(await kinds(bank)).toContain('finance.guarantee-declined');
    // One guarantor cannot answer for another; the bank cannot accept for it.
    expect((await post(`pledge-loans/${id}/guarantees/${g.body.id}/accept`, other)).status).toBe(404);
    expect((await post(`pledge-loans/${id}/guarantees/${g.body.id}/accept`, bank)).status).toBe(404);

    const blocked = await post(`pledge-loans/${id}/disburse`, bank);
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('GUARANTEE_PENDING');

    const accepted = await post(`pledge-loans/${id}/guarantees/${g.body.id}/accept`, guarantor);
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: [] });
    const twice = await post(`pledge-loans/${id}/guarantees/${g.body.id}/decline`, guarantor, { reason: '改变主意' });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('accepted');
    expect((await post(`pledge-loans/${id}/guarantees/${g.body.id}/honour`, guarantor)).body.currentState).toBe('accepted');
    expect(await kinds(borrower)).toContain('finance.guarantee-accepted');

    expect((await post(`pledge-loans/${id}/disburse`, bank)).status).toBe(200);
    expect((await invite(pending)).status).toBe(400);
    const late = await post(`pledge-loans/${id}/guarantees`, bank, { guarantorId: (await signUpAndVerify()).organisation.id, amount: 1, sharePercent: 10 });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('disbursed');

    // ¥500,000 repaid, then a default: ¥1,500,000 outstanding; the guarantor answers for 40% = ¥600,000 (under its
    // ¥1,000,000 cap), so the park fund may be asked for at most ¥900,000.
    const repaid = await repay(id, 50_000_000);
    expect(repaid.status).toBe(201);
    // The guarantor reads the loan, not its repayment proofs (the borrower's and the bank's papers).
    const proof = `pledge-loans/${id}/repayments/${repaid.body.repayment.id}/proof`;
    expect((await t.api.get(proof, { token: guarantor.accessToken })).status).toBe(404);
    expect((await t.api.get(proof, { token: bank.accessToken })).status).toBe(200);
    expect((await post(`pledge-loans/${id}/default`, bank)).status).toBe(200);
    const tooMuch = await post(`pledge-loans/${id}/compensation-claim`, bank, { amount: 900_000.01 });
    expect(tooMuch.status).toBe(400);
    // The refused claim called nobody.
    expect((await t.api.get(`pledge-loans/${id}/guarantees`, { token: bank.accessToken })).body.find((x: any) => x.id === g.body.id).status).toBe('accepted');
    expect((await post(`pledge-loans/${id}/compensation-claim`, bank, { amount: 900_000 })).status).toBe(201);
    const list = (await t.api.get(`pledge-loans/${id}/guarantees`, { token: borrower.accessToken })).body;
    expect(list.map((x: any) => [x.guarantorId, x.status, x.calledAmount])).toEqual([
      [guarantor.organisation.id, 'called', 600_000],
      [other.organisation.id, 'declined', null],
    ]);
    // A guarantor sees its own guarantee only.
    expect((await t.api.get(`pledge-loans/${id}/guarantees`, { token: guarantor.accessToken })).body.map((x: any) => x.id)).toEqual([g.body.id]);
    expect(await kinds(guarantor)).toContain('finance.guarantee-called');
    const honoured = await post(`pledge-loans/${id}/guarantees/${g.body.id}/honour`, guarantor);
    expect(honoured.body.status).toBe('honoured');
  });

  it('a loan repaid in full releases its guarantee; the bank may withdraw an unanswered invitation', async () => {
    const id = await approvedLoan();
    const g = await post(`pledge-loans/${id}/guarantees`, bank, { guarantorId: guarantor.organisation.id, amount: 2_000_000, sharePercent: 50 });
    const w = await post(`pledge-loans/${id}/guarantees`, bank, { guarantorId: other.organisation.id, amount: 500_000, sharePercent: 10 });
    expect((await post(`pledge-loans/${id}/guarantees/${w.body.id}/withdraw`, other)).status).toBe(404);
    expect((await post(`pledge-loans/${id}/guarantees/${w.body.id}/withdraw`, bank)).body.status).toBe('withdrawn');
    await post(`pledge-loans/${id}/guarantees/${g.body.id}/accept`, guarantor);
    await post(`pledge-loans/${id}/disburse`, bank);
    expect((await repay(id, 200_000_000)).body.loan.status).toBe('repaid');
    const list = (await t.api.get(`pledge-loans/${id}/guarantees`, { token: bank.accessToken })).body;
    expect(list.map((x: any) => x.status)).toEqual(['released', 'withdrawn']);
    expect(await kinds(guarantor)).toContain('finance.guarantee-released');
  });

  async function signUpAndVerify(): Promise<Session> {
    const s = await signUpOrganisation(t.api, 'guarantor');
    await verifyOrganisation(t.api, s.organisation.id);
    return s;
  }
});
