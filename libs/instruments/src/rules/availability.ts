import { BeijingCalendar } from '@techbridge/platform';

/** A weekly opening window in Beijing time: weekday 1 (Monday) to 7 (Sunday), 'HH:MM' to 'HH:MM'. */
export interface AvailabilityWindow {
  weekday: number;
  from: string;
  to: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Beijing weekday (1–7) and minute of the day of an instant. */
function beijingClock(at: Date): { date: string; weekday: number; minute: number } {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  const weekday = shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay();
  return { date: BeijingCalendar.dateOf(at), weekday, minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/**
 * Whether [start, end) lies within one window of the calendar (same Beijing day). An instrument without windows is
 * bookable at any time. Pure.
 */
export function withinAvailability(windows: readonly AvailabilityWindow[], start: Date, end: Date): boolean {
  if (!windows.length) return true;
  const s = beijingClock(start);
  const e = beijingClock(new Date(end.getTime() - 1));
  if (s.date !== e.date) return false;
  return windows.some((w) => w.weekday === s.weekday && minutes(w.from) <= s.minute && e.minute < minutes(w.to));
}

/** Share rate of the post-use subsidy: external hours ÷ effective hours, 0 when nothing was used; four decimals. */
export function shareRate(externalHours: number, effectiveHours: number): number {
  if (effectiveHours <= 0) return 0;
  return Math.round((externalHours / effectiveHours) * 10_000) / 10_000;
}

/** `[start,end)` as written to and read from a tstzrange column. */
export function formatPeriod(start: Date, end: Date): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}

export function parsePeriod(range: string): { start: Date; end: Date } {
  const m = /^[[(]"?([^",]+)"?,"?([^",]+)"?[)\]]$/.exec(range.trim());
  if (!m) throw new Error(`not a tstzrange: ${range}`);
  const iso = (s: string) => new Date(s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return { start: iso(m[1]), end: iso(m[2]) };
}
