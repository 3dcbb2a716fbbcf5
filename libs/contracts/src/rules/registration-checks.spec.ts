import { completeCreditCode, DomainError } from '@techbridge/platform';
import { checkAmounts, checkContractTerms, routingProblems, submissionProblems, SubmittedContract } from './registration-checks';

const SELLER_CODE = completeCreditCode('12110000MB0000001');
const BUYER_CODE = completeCreditCode('91130100MA0000002');
const seller = { id: 'seller', type: 'university', creditCode: SELLER_CODE };
const terms = {
  type: 'transfer-patent',
  signedOn: '2026-03-01',
  termFrom: '2026-03-01',
  termTo: '2027-02-28',
  buyer: { organisationId: 'buyer', creditCode: BUYER_CODE },
  contractAmount: 1000,
  technologyAmount: 800,
  deductions: [{ kind: 'equipment' as const, amount: 200 }],
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).details[0]?.field;
  }
  return undefined;
}

describe('registration rules: what a contract must hold', () => {
  it('accepts a consistent contract and returns its deductions to the fen', () => {
    expect(checkContractTerms(seller, terms, '2026-03-02')).toEqual([{ kind: 'equipment', amount: '200.00', note: null }]);
  });

  it('names the field of the first broken rule', () => {
    expect(fieldOf(() => checkContractTerms(seller, { ...terms, type: 'service-brokerage' }, '2026-03-02'))).toBe('type');
    expect(fieldOf(() => checkContractTerms(seller, { ...terms, type: 'license-patent' }, '2026-03-02'))).toBe('licenseScope');
    expect(fieldOf(() => checkContractTerms(seller, { ...terms, licenseScope: 'exclusive' }, '2026-03-02'))).toBe('licenseScope');
    expect(fieldOf(() => checkContractTerms(seller, terms, '2026-02-28'))).toBe('signedOn');
    expect(fieldOf(() => checkContractTerms(seller, { ...terms, termTo: '2026-01-01' }, '2026-03-02'))).toBe('termTo');
    expect(fieldOf(() => checkContractTerms(seller, { ...terms, buyer: { creditCode: SELLER_CODE } }, '2026-03-02'))).toBe('buyer');
    expect(fieldOf(() => checkContractTerms(seller, { ...terms, buyer: { organisationId: 'seller', creditCode: BUYER_CODE } }, '2026-03-02'))).toBe('buyer');
  });

  it('technology amount never above the contract amount; deductions explain the difference to the fen', () => {
    expect(fieldOf(() => checkAmounts(100, 100.01, []))).toBe('technologyAmount');
    expect(fieldOf(() => checkAmounts(100, 90, [{ kind: 'equipment', amount: 9.99 }]))).toBe('deductions');
    expect(checkAmounts(100.1, 0.1, [{ kind: 'equipment', amount: 60 }, { kind: 'materials', amount: 40, note: '原材料' }])).toEqual([
      { kind: 'equipment', amount: '60.00', note: null },
      { kind: 'materials', amount: '40.00', note: '原材料' },
    ]);
  });
});

describe('registration rules: the automatic checks at submission', () => {
  const stored: SubmittedContract = {
    type: 'transfer-patent', licenseScope: null, attachmentKey: 'contracts/x/signed.pdf', termTo: '2027-02-28', contractAmount: '1000.00', technologyAmount: '800.00',
    deductions: [{ amount: '200.00' }], sellerCreditCode: SELLER_CODE, buyerCreditCode: BUYER_CODE, signedOn: '2026-03-01',
  };

  it('a complete contract has no problems', () => {
    expect(submissionProblems(stored, '2026-03-02')).toEqual([]);
  });

  it('every problem is listed with its field, not only the first', () => {
    const problems = submissionProblems({ ...stored, attachmentKey: null, termTo: null, deductions: [], buyerCreditCode: '91130100MA0000002Z', type: 'license-patent' }, '2026-02-01');
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['ATTACHMENT_MISSING', 'attachment'],
      ['TERM_MISSING', 'termTo'],
      ['AMOUNTS_INCONSISTENT', 'technologyAmount'],
      ['BUYER_CREDIT_CODE', 'buyer.creditCode'],
      ['LICENSE_SCOPE_REQUIRED', 'licenseScope'],
      ['SIGNED_IN_FUTURE', 'signedOn'],
    ]);
  });

  it('routing needs a seller allowed to file the type and a registration institution covering its division', () => {
    expect(routingProblems('university', 'transfer-patent', '130102', 'inst')).toEqual([]);
    expect(routingProblems('enterprise', 'service-brokerage', '130102', 'inst').map((p) => p.code)).toEqual(['TYPE_NOT_FILABLE']);
    expect(routingProblems(null, 'transfer-patent', null, null).map((p) => p.code)).toEqual(['TYPE_NOT_FILABLE', 'NO_DIVISION_CODE']);
    const uncovered = routingProblems('university', 'transfer-patent', '650100', null);
    expect(uncovered).toEqual([expect.objectContaining({ code: 'NO_REGISTRATION_INSTITUTION', field: 'seller.divisionCode' })]);
    expect(uncovered[0].zh).toContain('650100');
  });
});
