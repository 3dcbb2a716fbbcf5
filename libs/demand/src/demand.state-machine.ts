import { DomainError } from '@techbridge/platform';

export const DEMAND_STATUSES = ['draft', 'published', 'in-negotiation', 'solved', 'closed', 'expired'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** Statuses in which a demand is in the search index and in public lists. */
export const LISTED_DEMAND_STATUSES: DemandStatus[] = ['published', 'in-negotiation'];

export type DemandAction = 'publish' | 'start-negotiation' | 'solve' | 'close' | 'expire' | 'reopen' | 'edit';

/** The demand lifecycle: draft → published → in-negotiation → solved, or closed / expired. */
const DEMAND_TRANSITIONS: Record<Exclude<DemandAction, 'edit'>, { from: DemandStatus[]; to: DemandStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  'start-negotiation': { from: ['published'], to: 'in-negotiation' },
  solve: { from: ['in-negotiation'], to: 'solved' },
  close: { from: ['draft', 'published', 'in-negotiation'], to: 'closed' },
  expire: { from: ['published'], to: 'expired' },
  // A closed or expired demand can be revised and published again (a new deadline).
  reopen: { from: ['closed', 'expired'], to: 'draft' },
};

/** Content can be edited while nobody has been chosen yet. */
const EDITABLE: DemandStatus[] = ['draft', 'published'];

export function canTransitionDemand(from: DemandStatus, action: Exclude<DemandAction, 'edit'>): boolean {
  return DEMAND_TRANSITIONS[action].from.includes(from);
}

/** The next status, or a 409 carrying the current one. */
export function transitionDemand(from: DemandStatus, action: Exclude<DemandAction, 'edit'>): DemandStatus {
  if (!canTransitionDemand(from, action)) throw DomainError.illegalTransition('demand', from, action);
  return DEMAND_TRANSITIONS[action].to;
}

export function assertDemandEditable(status: DemandStatus): void {
  if (!EDITABLE.includes(status)) throw DomainError.illegalTransition('demand', status, 'edit');
}

export const PROPOSAL_STATUSES = ['submitted', 'shortlisted', 'awarded', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalAction = 'shortlist' | 'award' | 'decline' | 'withdraw';

/** A proposal is open while the enterprise has not decided on it. */
export const OPEN_PROPOSAL_STATUSES: ProposalStatus[] = ['submitted', 'shortlisted'];

const PROPOSAL_TRANSITIONS: Record<ProposalAction, { from: ProposalStatus[]; to: ProposalStatus }> = {
  shortlist: { from: ['submitted'], to: 'shortlisted' },
  award: { from: ['submitted', 'shortlisted'], to: 'awarded' },
  decline: { from: ['submitted', 'shortlisted'], to: 'declined' },
  withdraw: { from: ['submitted', 'shortlisted'], to: 'withdrawn' },
};

export function transitionProposal(from: ProposalStatus, action: ProposalAction): ProposalStatus {
  if (!PROPOSAL_TRANSITIONS[action].from.includes(from)) throw DomainError.illegalTransition('proposal', from, action);
  return PROPOSAL_TRANSITIONS[action].to;
}
