import { BeijingCalendar, HolidayCalendar } from './beijing-calendar';

describe('BeijingCalendar', () => {
  it('dates follow Beijing time: 16:00Z is already the next day', () => {
    expect(BeijingCalendar.dateOf(new Date('2026-09-27T15:59:59Z'))).toBe('2026-09-27');
    expect(BeijingCalendar.dateOf(new Date('2026-09-27T16:00:00Z'))).toBe('2026-09-28');
    expect(BeijingCalendar.instant('2026-10-09', 17).toISOString()).toBe('2026-10-09T09:00:00.000Z');
    expect(BeijingCalendar.instant('2026-06-10', 9, 20).toISOString()).toBe('2026-06-10T01:20:00.000Z');
  });

  it('day, date-range, year and quarter bounds are half-open instants at Beijing midnight', () => {
    expect(BeijingCalendar.dayBounds('2026-06-30')).toEqual({ from: new Date('2026-06-29T16:00:00Z'), to: new Date('2026-06-30T16:00:00Z') });
    expect(BeijingCalendar.dateRange('2026-01-01', '2026-12-31')).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(BeijingCalendar.yearBounds(2027)).toEqual({ from: new Date('2026-12-31T16:00:00Z'), to: new Date('2027-12-31T16:00:00Z') });
    expect(BeijingCalendar.quarterBounds(2026, 4)).toEqual({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z'), fromDate: '2026-10-01', toDate: '2026-12-31' });
    expect(BeijingCalendar.quarterBounds(2024, 1).toDate).toBe('2024-03-31');
  });

  it('an instant belongs to the Beijing year, month and quarter it falls in', () => {
    expect(BeijingCalendar.partsOf(new Date('2026-12-31T16:30:00Z'))).toEqual({ year: 2027, month: 1, quarter: 1 });
    expect(BeijingCalendar.partsOf(new Date('2026-06-30T15:59:59Z'))).toEqual({ year: 2026, month: 6, quarter: 2 });
    const { from, to } = BeijingCalendar.quarterBounds(2026, 3);
    expect(BeijingCalendar.partsOf(from).quarter).toBe(3);
    expect(BeijingCalendar.partsOf(new Date(to.getTime() - 1)).quarter).toBe(3);
  });

  it('working days skip weekends and holidays and count make-up days', () => {
    const cal: HolidayCalendar = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), workdays: new Set(['2026-10-10']) };
    expect(BeijingCalendar.isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday made up
    expect(BeijingCalendar.isWorkingDay('2026-10-05', cal)).toBe(false);
    expect(BeijingCalendar.isWorkingDay('2026-10-04', cal)).toBe(false); // Sunday
    expect(BeijingCalendar.addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-06');
    expect(BeijingCalendar.addWorkingDays('2026-10-06', -1, cal)).toBe('2026-09-30');
    expect(BeijingCalendar.addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
