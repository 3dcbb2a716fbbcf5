/** Dates of the Chinese calendar are counted in Beijing time, whatever the server's zone. */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export interface HolidayCalendar {
  /** Official holidays (including weekend days that fall inside a holiday). */
  holidays: ReadonlySet<string>;
  /** Make-up working days (调休) on a Saturday or Sunday. */
  workdays: ReadonlySet<string>;
}

/** YYYY-MM-DD of an instant in Beijing. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a Beijing wall-clock time on a date, e.g. ('2026-10-09', 17) → 09:00Z. */
export function beijingInstant(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS + hour * 3600_000 + minute * 60_000);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `date` (n ≥ 1; the start day itself never counts), or before it for n ≤ -1. */
export function addWorkingDays(date: string, n: number, cal: HolidayCalendar): string {
  if (n === 0) return date;
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = date;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError('holiday calendar has no working days');
    d = addDays(d, step);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}
