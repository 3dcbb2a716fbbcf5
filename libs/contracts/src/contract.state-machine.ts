import { DomainError, StateMachine } from '@techbridge/platform';

/**
 * Registration lifecycle (认定登记). draft → submitted (automatic checks queued) → under-review at the
 * institution covering the registrant → registering (number being issued by a job) → registered;
 * or returned for correction (by the checks or a reviewer; resubmission restarts the clock), or refused.
 */
export type ContractStatus = 'draft' | 'submitted' | 'under-review' | 'registering' | 'returned' | 'registered' | 'refused';
export const CONTRACT_STATUSES: ContractStatus[] = ['draft', 'submitted', 'under-review', 'registering', 'returned', 'registered', 'refused'];

export type ContractAction = 'edit' | 'submit' | 'checks-passed' | 'checks-failed' | 'register' | 'issue-number' | 'issue-failed' | 'return' | 'refuse' | 'correct-amounts';

/** Steps of the lifecycle; editing content is a check on the status, not a step (see `assertEditable`). */
export type LifecycleAction = Exclude<ContractAction, 'edit'>;

export const CONTRACT_LIFECYCLE = new StateMachine<ContractStatus, LifecycleAction>('technology contract', {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  'checks-passed': { from: ['submitted'], to: 'under-review' },
  'checks-failed': { from: ['submitted'], to: 'returned' },
  register: { from: ['under-review'], to: 'registering' },
  'issue-number': { from: ['registering'], to: 'registered' },
  // The number job failed for good: back to review so a person sees it and decides again.
  'issue-failed': { from: ['registering'], to: 'under-review' },
  return: { from: ['under-review'], to: 'returned' },
  refuse: { from: ['under-review'], to: 'refused' },
  'correct-amounts': { from: ['registered'], to: 'registered' },
});

/** The seller edits content (and the signed PDF) while the contract is with it. */
const EDITABLE: ContractStatus[] = ['draft', 'returned'];

export function assertEditable(status: ContractStatus): void {
  if (!EDITABLE.includes(status)) throw DomainError.illegalTransition('technology contract', status, 'edit');
}

/**
 * The history's name for a step, where it differs from the action (kept stable: the history is read by people
 * and by the portal).
 */
export const HISTORY_NAME: Partial<Record<LifecycleAction, string>> = { 'checks-passed': 'routed', 'issue-number': 'registered' };

/** Statuses in which a submission is pending: a second submission is a 409. */
export const PENDING_STATUSES: ContractStatus[] = ['submitted', 'under-review', 'registering'];

export function canTransition(from: ContractStatus, action: ContractAction): boolean {
  return action === 'edit' ? EDITABLE.includes(from) : CONTRACT_LIFECYCLE.can(from, action);
}

/** The next status, or a 409 carrying the current one; editing keeps the status. */
export function transition(from: ContractStatus, action: ContractAction, contractId?: string): ContractStatus {
  if (action === 'edit') {
    assertEditable(from);
    return from;
  }
  return CONTRACT_LIFECYCLE.next(from, action, contractId);
}
