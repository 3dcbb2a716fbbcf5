import { DomainError } from '@techbridge/platform';

/**
 * Registration lifecycle (认定登记). draft → submitted (automatic checks queued) → under-review at the
 * institution covering the registrant → registering (number being issued by a job) → registered;
 * or returned for correction (by the checks or a reviewer; resubmission restarts the clock), or refused.
 */
export type ContractStatus = 'draft' | 'submitted' | 'under-review' | 'registering' | 'returned' | 'registered' | 'refused';
export const CONTRACT_STATUSES: ContractStatus[] = ['draft', 'submitted', 'under-review', 'registering', 'returned', 'registered', 'refused'];

export type ContractAction = 'edit' | 'submit' | 'checks-passed' | 'checks-failed' | 'register' | 'issue-number' | 'return' | 'refuse' | 'correct-amounts';

const TRANSITIONS: Record<ContractAction, Partial<Record<ContractStatus, ContractStatus>>> = {
  edit: { draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  'checks-passed': { submitted: 'under-review' },
  'checks-failed': { submitted: 'returned' },
  register: { 'under-review': 'registering' },
  'issue-number': { registering: 'registered' },
  return: { 'under-review': 'returned' },
  refuse: { 'under-review': 'refused' },
  'correct-amounts': { registered: 'registered' },
};

/** Statuses in which a submission is pending: a second submission is a 409. */
export const PENDING_STATUSES: ContractStatus[] = ['submitted', 'under-review', 'registering'];

export function canTransition(from: ContractStatus, action: ContractAction): boolean {
  return TRANSITIONS[action][from] !== undefined;
}

/** The next status, or a 409 carrying the current one. */
export function transition(from: ContractStatus, action: ContractAction): ContractStatus {
  const to = TRANSITIONS[action][from];
  if (!to) throw DomainError.illegalTransition('technology contract', from, action);
  return to;
}
