import { DomainError } from '@techbridge/platform';
import { ENGAGEMENT_LIFECYCLE, FINANCING_LIFECYCLE, LOAN_LIFECYCLE } from './finance.state-machine';
import { financeFeatures, InvestorFacts, RequestFacts } from './investor-matching';

const conflict = (f: () => unknown, state: string) => {
  try {
    f();
    throw new Error('expected a 409');
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('conflict');
    expect((e as DomainError).extra).toMatchObject({ currentState: state });
  }
};

describe('finance lifecycles', () => {
  it('a request goes draft → published → in talks → term sheet → funded, or is withdrawn before funded', () => {
    expect(FINANCING_LIFECYCLE.next('draft', 'publish')).toBe('published');
    expect(FINANCING_LIFECYCLE.next('published', 'start-talks')).toBe('in-talks');
    expect(FINANCING_LIFECYCLE.next('in-talks', 'agree-term-sheet')).toBe('term-sheet');
    expect(FINANCING_LIFECYCLE.next('term-sheet', 'close-funded')).toBe('funded');
    expect(FINANCING_LIFECYCLE.allowed('funded')).toEqual([]);
    conflict(() => FINANCING_LIFECYCLE.next('published', 'close-funded'), 'published');
    conflict(() => FINANCING_LIFECYCLE.next('funded', 'withdraw'), 'funded');
  });

  it('an engagement must be admitted before a term sheet, and have one before investing', () => {
    conflict(() => ENGAGEMENT_LIFECYCLE.next('requested', 'term-sheet'), 'requested');
    conflict(() => ENGAGEMENT_LIFECYCLE.next('admitted', 'invest'), 'admitted');
    expect(ENGAGEMENT_LIFECYCLE.allowed('declined')).toEqual([]);
  });

  it('a loan is valued before approval and disbursed before it is repaid or defaulted; only a default is compensated', () => {
    conflict(() => LOAN_LIFECYCLE.next('applied', 'approve'), 'applied');
    conflict(() => LOAN_LIFECYCLE.next('approved', 'repay'), 'approved');
    conflict(() => LOAN_LIFECYCLE.next('repaid', 'compensate'), 'repaid');
    expect(LOAN_LIFECYCLE.next('defaulted', 'compensate')).toBe('compensated');
    expect(LOAN_LIFECYCLE.allowed('disbursed')).toEqual(['repay', 'default']);
  });
});

describe('financing match features', () => {
  const request: RequestFacts = { industry: 'new-energy', stage: 'a', amount: 8_000_000, region: 'HE', parkCode: 'bd-hitech' };
  const fund: InvestorFacts = { industries: ['new-energy'], stages: ['a'], ticketMin: 1_000_000, ticketMax: 10_000_000, regions: ['HE'], parkCode: 'bd-hitech', parkMandate: true };

  it('names industry, stage, ticket size, region and the park fund mandate when they apply', () => {
    expect(financeFeatures(request, fund).map((f) => f.code)).toEqual(['industry', 'stage', 'ticket-size', 'region', 'park-fund-mandate']);
  });

  it('an amount outside the ticket range is a concern; a fund without the mandate or of another park gets no mandate reason', () => {
    const codes = financeFeatures({ ...request, amount: 50_000_000, parkCode: 'sjz-hitech' }, fund).map((f) => f.code);
    expect(codes).toContain('ticket-outside');
    expect(codes).not.toContain('park-fund-mandate');
    expect(financeFeatures(request, { ...fund, parkMandate: false }).map((f) => f.code)).not.toContain('park-fund-mandate');
  });
});
