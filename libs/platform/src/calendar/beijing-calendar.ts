/**
 * The zone's civil calendar: Beijing time (UTC+8, no daylight saving), whatever the server's zone. Dates are
 * `YYYY-MM-DD` strings in Beijing; instants are `Date`s. Queries compare a timestamp column with instants computed
 * here (`registered_at >= $from AND registered_at < $to`), never a converted column, so the column's index is used.
 */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** A half-open interval of instants: [from, to). */
export interface InstantRange {
  from: Date;
  to: Date;
}

export interface HolidayCalendar {
  /** Official holidays (including weekend days that fall inside a holiday). */
  holidays: ReadonlySet<string>;
  /** Make-up working days (调休) on a Saturday or Sunday. */
  workdays: ReadonlySet<string>;
}

export type QuarterNumber = 1 | 2 | 3 | 4;

const midnightUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock in Beijing, read through the UTC getters of a shifted Date. */
function local(at: Date): Date {
  return new Date(at.getTime() + OFFSET_MS);
}

export const BeijingCalendar = {
  /** YYYY-MM-DD of an instant in Beijing. */
  dateOf(at: Date): string {
    return local(at).toISOString().slice(0, 10);
  },

  /** The instant of a Beijing wall-clock time on a date, e.g. ('2026-10-09', 17) → 2026-10-09T09:00Z. */
  instant(date: string, hour = 0, minute = 0): Date {
    return new Date(midnightUtc(date) - OFFSET_MS + hour * 3_600_000 + minute * 60_000);
  },

  /** [start of the day, start of the next day) in Beijing. */
  dayBounds(date: string): InstantRange {
    const from = midnightUtc(date) - OFFSET_MS;
    return { from: new Date(from), to: new Date(from + DAY_MS) };
  },

  /** The dates from `fromDate` to `toDate`, both included, as instants [from, to). */
  dateRange(fromDate: string, toDate: string): InstantRange {
    return { from: BeijingCalendar.dayBounds(fromDate).from, to: BeijingCalendar.dayBounds(toDate).to };
  },

  /** 1 January to 1 January of the next year, Beijing midnight. */
  yearBounds(year: number): InstantRange {
    return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
  },

  /** A calendar quarter: its instants [from, to) and its first and last dates. */
  quarterBounds(year: number, quarter: QuarterNumber): InstantRange & { fromDate: string; toDate: string } {
    const startMonth = (quarter - 1) * 3;
    return {
      from: new Date(Date.UTC(year, startMonth, 1) - OFFSET_MS),
      to: new Date(Date.UTC(year, startMonth + 3, 1) - OFFSET_MS),
      fromDate: `${year}-${pad(startMonth + 1)}-01`,
      toDate: iso(Date.UTC(year, startMonth + 3, 0)),
    };
  },

  /** Year, month (1-12) and quarter of an instant in Beijing. */
  partsOf(at: Date): { year: number; month: number; quarter: QuarterNumber } {
    const l = local(at);
    return { year: l.getUTCFullYear(), month: l.getUTCMonth() + 1, quarter: (Math.floor(l.getUTCMonth() / 3) + 1) as QuarterNumber };
  },

  addDays(date: string, n: number): string {
    return iso(midnightUtc(date) + n * DAY_MS);
  },

  isWorkingDay(date: string, cal: HolidayCalendar): boolean {
    if (cal.workdays.has(date)) return true;
    if (cal.holidays.has(date)) return false;
    const dow = new Date(midnightUtc(date)).getUTCDay();
    return dow !== 0 && dow !== 6;
  },

  /** The n-th working day after `date` (n ≥ 1; the start day itself never counts), or before it for n ≤ -1. */
  addWorkingDays(date: string, n: number, cal: HolidayCalendar): string {
    if (n === 0) return date;
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let d = date;
    for (let guard = 0; left > 0; guard++) {
      if (guard > 3660) throw new RangeError('holiday calendar has no working days');
      d = BeijingCalendar.addDays(d, step);
      if (BeijingCalendar.isWorkingDay(d, cal)) left--;
    }
    return d;
  },
};
