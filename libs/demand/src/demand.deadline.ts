import { BeijingCalendar } from '@techbridge/platform';

/** The zone's civil time: a deadline date means the end of that day in Beijing time. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `2026-06-30` → the instant that day ends in Beijing time (2026-06-30T16:00:00Z, exclusive);
 * a full ISO date-time is taken as the exact instant.
 */
export function deadlineInstant(input: string): Date {
  if (DATE_ONLY.test(input)) return BeijingCalendar.dayBounds(input).to;
  return new Date(input);
}

/** The Beijing calendar date on which a deadline instant falls (the last day proposals are accepted). */
export function deadlineDate(at: Date): string {
  return BeijingCalendar.dateOf(new Date(at.getTime() - 1));
}

export function isDeadlinePassed(at: Date | null, now: Date): boolean {
  return !!at && at.getTime() <= now.getTime();
}
