import { BeijingCalendar, HolidayCalendar } from '@techbridge/platform';

const { addDays, addWorkingDays } = BeijingCalendar;

export interface DeadlineRule {
  days: number;
  calendar: 'natural' | 'working' | string;
}
export interface PolicyVersion {
  from: string;
  decisionDeadline: DeadlineRule;
  largeOrDisputed?: { thresholdYuan: number; days: number; calendar: string };
  resubmissionResetsClock?: boolean;
}

/** Decisions fall due at close of business, Beijing time. */
export const DEADLINE_HOUR = 17;
/** Reviewers get a reminder this many working (or natural) days before the deadline, at 09:00. */
export const REMINDER_DAYS_BEFORE = 2;
export const REMINDER_HOUR = 9;

/** 'draft-2024-12' is in force from the first day of that month; plain dates from that day. */
export function effectiveDate(from: string): string {
  const m = /^(?:draft-)?(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(from);
  if (!m) throw new RangeError(`unreadable policy date ${from}`);
  return `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
}

/** The version in force on a date: the latest whose effective date is on or before it. */
export function policyInForce(versions: readonly PolicyVersion[], date: string): PolicyVersion {
  const sorted = [...versions].sort((a, b) => effectiveDate(a.from).localeCompare(effectiveDate(b.from)));
  const current = sorted.filter((v) => effectiveDate(v.from) <= date).pop();
  if (!current) throw new RangeError(`no registration policy in force on ${date}`);
  return current;
}

export interface DecisionSchedule {
  policyVersion: string;
  deadlineDate: string;
  deadlineAt: Date;
  reminderAt: Date;
  days: number;
  calendar: string;
}

/**
 * When a reviewer must decide: counted from the submission day (not itself counted) in working days on the
 * holiday calendar or natural days, per the version in force; contracts above the threshold get the longer period.
 */
export function decisionSchedule(versions: readonly PolicyVersion[], submittedAt: Date, contractAmountYuan: number, cal: HolidayCalendar): DecisionSchedule {
  const day = BeijingCalendar.dateOf(submittedAt);
  const version = policyInForce(versions, day);
  const large = version.largeOrDisputed && contractAmountYuan >= version.largeOrDisputed.thresholdYuan ? version.largeOrDisputed : null;
  const rule = large ?? version.decisionDeadline;
  const working = rule.calendar === 'working';
  const deadlineDate = working ? addWorkingDays(day, rule.days, cal) : addDays(day, rule.days);
  const reminderDate = working ? addWorkingDays(deadlineDate, -REMINDER_DAYS_BEFORE, cal) : addDays(deadlineDate, -REMINDER_DAYS_BEFORE);
  return {
    policyVersion: version.from,
    deadlineDate,
    deadlineAt: BeijingCalendar.instant(deadlineDate, DEADLINE_HOUR),
    reminderAt: BeijingCalendar.instant(reminderDate, REMINDER_HOUR),
    days: rule.days,
    calendar: rule.calendar,
  };
}
