import { ErrorDetail } from '@techbridge/platform';
import { EventDay } from './entities/roadshow-event.entity';

/** Event days are entered in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export function beijingInstant(date: string, hhmm: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - BEIJING_OFFSET_MS);
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export interface MeetingSlot extends Interval {
  index: number;
}

function isRealDate(date: string): boolean {
  if (!DATE_RE.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Field-level problems with the days and the slot length: malformed, overlapping, or a slot longer than a day's hours. */
export function validateSchedule(days: EventDay[], slotMinutes: number): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!days.length) return [{ field: 'days', message: 'At least one day is required', code: 'arrayNotEmpty' }];
  const intervals: Array<Interval & { i: number }> = [];
  days.forEach((day, i) => {
    if (!isRealDate(day.date)) errors.push({ field: `days[${i}].date`, message: 'date must be YYYY-MM-DD', code: 'isDate' });
    else if (!TIME_RE.test(day.opensAt)) errors.push({ field: `days[${i}].opensAt`, message: 'opensAt must be HH:MM', code: 'isTime' });
    else if (!TIME_RE.test(day.closesAt)) errors.push({ field: `days[${i}].closesAt`, message: 'closesAt must be HH:MM', code: 'isTime' });
    else if (day.closesAt <= day.opensAt) errors.push({ field: `days[${i}].closesAt`, message: 'closesAt must be after opensAt', code: 'closesBeforeOpens' });
    else intervals.push({ i, startsAt: beijingInstant(day.date, day.opensAt), endsAt: beijingInstant(day.date, day.closesAt) });
  });
  const sorted = [...intervals].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].startsAt < sorted[k - 1].endsAt) {
      const later = Math.max(sorted[k].i, sorted[k - 1].i);
      errors.push({ field: `days[${later}]`, message: `overlaps days[${Math.min(sorted[k].i, sorted[k - 1].i)}]`, code: 'overlappingDays' });
    }
  }
  for (const it of intervals) {
    const minutes = (it.endsAt.getTime() - it.startsAt.getTime()) / 60_000;
    if (slotMinutes > minutes) {
      errors.push({ field: 'slotMinutes', message: `slot of ${slotMinutes} min is longer than the opening hours of days[${it.i}] (${minutes} min)`, code: 'slotLongerThanDay' });
      break;
    }
  }
  return errors;
}

export function dayIntervals(days: EventDay[]): Interval[] {
  return days
    .map((d) => ({ startsAt: beijingInstant(d.date, d.opensAt), endsAt: beijingInstant(d.date, d.closesAt) }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Consecutive meeting slots filling each day's opening hours, numbered across days. */
export function meetingSlots(days: EventDay[], slotMinutes: number): MeetingSlot[] {
  const slots: MeetingSlot[] = [];
  const len = slotMinutes * 60_000;
  for (const day of dayIntervals(days)) {
    for (let t = day.startsAt.getTime(); t + len <= day.endsAt.getTime(); t += len) {
      slots.push({ index: slots.length, startsAt: new Date(t), endsAt: new Date(t + len) });
    }
  }
  return slots;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** An event's meeting slots. */
export function eventSlots(e: { days: EventDay[]; slotMinutes: number }): MeetingSlot[] {
  return meetingSlots(e.days, e.slotMinutes);
}
