import { parsePeriod, shareRate, withinAvailability } from './availability';

describe('instrument availability and share rate', () => {
  // 2026-12-07 is a Monday.
  const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00+08:00`);
  const weekdays = [{ weekday: 1, from: '08:00', to: '18:00' }];

  it('books within a weekly window in Beijing time', () => {
    expect(withinAvailability(weekdays, at('09:00'), at('11:00'))).toBe(true);
    expect(withinAvailability(weekdays, at('17:00'), at('18:00'))).toBe(true);
    expect(withinAvailability(weekdays, at('17:00'), at('18:30'))).toBe(false);
    expect(withinAvailability(weekdays, at('07:00'), at('09:00'))).toBe(false);
    expect(withinAvailability([{ weekday: 2, from: '08:00', to: '18:00' }], at('09:00'), at('10:00'))).toBe(false);
    expect(withinAvailability([], at('02:00'), at('03:00'))).toBe(true);
  });

  it('computes external ÷ effective hours', () => {
    expect(shareRate(3, 4)).toBe(0.75);
    expect(shareRate(1, 3)).toBe(0.3333);
    expect(shareRate(0, 0)).toBe(0);
  });

  it('reads PostgreSQL tstzrange text', () => {
    const p = parsePeriod('["2026-12-07 01:00:00+00","2026-12-07 03:30:00+00")');
    expect(p.start.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-07T03:30:00.000Z');
  });
});
