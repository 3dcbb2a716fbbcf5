import { parseQuarter, previousQuarter, quarterBounds, quarterOf, sameQuarterLastYear } from './quarter';

describe('quarter', () => {
  it('parses 2026Q3 and refuses other shapes', () => {
    expect(parseQuarter('2026Q3')).toEqual({ code: '2026Q3', year: 2026, quarter: 3 });
    for (const bad of ['2026Q5', '2026q3', '2026-Q3', '26Q1', '2026Q0']) expect(parseQuarter(bad)).toBeNull();
  });

  it('bounds a quarter by Beijing dates', () => {
    const b = quarterBounds(parseQuarter('2026Q1')!);
    expect(b.from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(b.fromDate).toBe('2026-01-01');
    expect(b.toDate).toBe('2026-03-31');
    // 23:30 UTC on 31 March is already 1 April in Beijing.
    expect(quarterOf(new Date('2026-03-31T17:30:00Z')).code).toBe('2026Q2');
  });

  it('steps back a quarter and a year', () => {
    expect(previousQuarter(parseQuarter('2026Q1')!).code).toBe('2025Q4');
    expect(previousQuarter(parseQuarter('2026Q3')!).code).toBe('2026Q2');
    expect(sameQuarterLastYear(parseQuarter('2026Q3')!).code).toBe('2025Q3');
  });
});
