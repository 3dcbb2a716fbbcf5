import { DomainError } from '@techbridge/platform';
import type { EntryStatus } from './entities/entry.entity';
import type { QuarterStatus } from './entities/quarter.entity';

export type QuarterAction = 'enter' | 'review' | 'publish' | 'correct';
export type EntryAction = 'submit' | 'approve' | 'return';

/** A quarter takes figures while open; once published it changes only through corrections, which keep history. */
const QUARTER: Record<QuarterStatus, Partial<Record<QuarterAction, QuarterStatus>>> = {
  open: { enter: 'open', review: 'open', publish: 'published' },
  published: { correct: 'published' },
};

/** An entry is (re)submitted by its park, approved or returned by platform staff; a returned or approved figure may be resubmitted while the quarter is open. */
const ENTRY: Record<EntryStatus, Partial<Record<EntryAction, EntryStatus>>> = {
  submitted: { submit: 'submitted', approve: 'approved', return: 'returned' },
  approved: { submit: 'submitted' },
  returned: { submit: 'submitted' },
};

export function quarterTransition(current: QuarterStatus, action: QuarterAction): QuarterStatus {
  const next = QUARTER[current][action];
  if (!next) throw DomainError.illegalTransition('quarter', current, action);
  return next;
}

export function entryTransition(current: EntryStatus, action: EntryAction): EntryStatus {
  const next = ENTRY[current][action];
  if (!next) throw DomainError.illegalTransition('entry', current, action);
  return next;
}
