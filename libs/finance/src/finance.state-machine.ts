import { StateMachine } from '@techbridge/platform';
import type { EngagementStatus } from './entities/financing-engagement.entity';
import type { FinancingStatus } from './entities/financing-request.entity';
import type { GuaranteeStatus } from './entities/loan-guarantee.entity';
import type { ClaimStatus, LoanStatus } from './entities/pledge-loan.entity';

export type FinancingAction = 'publish' | 'start-talks' | 'agree-term-sheet' | 'reopen-talks' | 'close-funded' | 'withdraw';

/**
 * A financing request: draft → published → in talks (once the owner admits a first investor) → term sheet →
 * funded, or withdrawn by the owner at any point before it is funded. A term sheet that lapses reopens the talks.
 */
export const FINANCING_LIFECYCLE = new StateMachine<FinancingStatus, FinancingAction>('financing request', {
  publish: { from: ['draft'], to: 'published' },
  'start-talks': { from: ['published'], to: 'in-talks' },
  'agree-term-sheet': { from: ['in-talks'], to: 'term-sheet' },
  'reopen-talks': { from: ['term-sheet'], to: 'in-talks' },
  'close-funded': { from: ['term-sheet'], to: 'funded' },
  withdraw: { from: ['draft', 'published', 'in-talks', 'term-sheet'], to: 'withdrawn' },
});

/** Requests investors see and may engage with. */
export const LISTED_STATUSES: FinancingStatus[] = ['published', 'in-talks', 'term-sheet'];

export type EngagementAction = 'admit' | 'decline' | 'term-sheet' | 'invest' | 'end';

/**
 * One investor's engagement: it asks (or the owner invites it straight into the data room), the owner admits or
 * declines, a term sheet is signed with it, it invests; talks may end before investing.
 */
export const ENGAGEMENT_LIFECYCLE = new StateMachine<EngagementStatus, EngagementAction>('financing engagement', {
  admit: { from: ['requested'], to: 'admitted' },
  decline: { from: ['requested'], to: 'declined' },
  'term-sheet': { from: ['admitted'], to: 'term-sheet' },
  invest: { from: ['term-sheet'], to: 'invested' },
  end: { from: ['admitted', 'term-sheet'], to: 'ended' },
});

export type LoanAction = 'value' | 'approve' | 'decline' | 'withdraw' | 'disburse' | 'repay' | 'default' | 'compensate';

/**
 * An IP-pledge loan: applied → valued (valuation report attached) → approved by the bank → disbursed → repaid, or
 * defaulted → compensated from the park fund's risk pool. The bank may decline and the borrower withdraw before approval.
 */
export const LOAN_LIFECYCLE = new StateMachine<LoanStatus, LoanAction>('pledge loan', {
  value: { from: ['applied'], to: 'valued' },
  approve: { from: ['valued'], to: 'approved' },
  decline: { from: ['applied', 'valued'], to: 'declined' },
  withdraw: { from: ['applied', 'valued'], to: 'withdrawn' },
  disburse: { from: ['approved'], to: 'disbursed' },
  repay: { from: ['disbursed'], to: 'repaid' },
  default: { from: ['disbursed'], to: 'defaulted' },
  compensate: { from: ['defaulted'], to: 'compensated' },
});

export type ClaimAction = 'pay' | 'reject';

export const CLAIM_LIFECYCLE = new StateMachine<ClaimStatus, ClaimAction>('compensation claim', {
  pay: { from: ['filed'], to: 'paid' },
  reject: { from: ['filed'], to: 'rejected' },
});

export type GuaranteeAction = 'accept' | 'decline' | 'withdraw' | 'call' | 'release' | 'honour';

/**
 * A loan guarantee: invited by the bank → accepted or declined (with a reason) by the guarantor, or withdrawn by the
 * bank while it is open; an accepted guarantee is called by the compensation claim on a default (the guarantor then
 * honours it) or released when the loan is repaid in full.
 */
export const GUARANTEE_LIFECYCLE = new StateMachine<GuaranteeStatus, GuaranteeAction>('loan guarantee', {
  accept: { from: ['invited'], to: 'accepted' },
  decline: { from: ['invited'], to: 'declined' },
  withdraw: { from: ['invited'], to: 'withdrawn' },
  call: { from: ['accepted'], to: 'called' },
  release: { from: ['accepted'], to: 'released' },
  honour: { from: ['called'], to: 'honoured' },
});

/** Loan states in which the bank may still arrange guarantees: before the money goes out. */
export const GUARANTEE_OPEN_LOAN_STATES: LoanStatus[] = ['applied', 'valued', 'approved'];
