import { deadlineDate, deadlineInstant, isDeadlinePassed } from './demand.deadline';

describe('demand deadline', () => {
  it('takes a date as the end of that day in Beijing time', () => {
    const at = deadlineInstant('2026-06-30');
    expect(at.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(deadlineDate(at)).toBe('2026-06-30');
  });

  it('takes a date-time as the exact instant', () => {
    expect(deadlineInstant('2026-06-30T10:00:00+08:00').toISOString()).toBe('2026-06-30T02:00:00.000Z');
  });

  it('is passed at and after the instant', () => {
    const at = deadlineInstant('2026-06-30');
    expect(isDeadlinePassed(at, new Date('2026-06-30T15:59:59Z'))).toBe(false);
    expect(isDeadlinePassed(at, new Date('2026-06-30T16:00:00Z'))).toBe(true);
    expect(isDeadlinePassed(null, new Date())).toBe(false);
  });
});
