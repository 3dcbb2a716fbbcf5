import { change, reportLines } from './report';

describe('report changes', () => {
  it('computes deltas and percentages, null when a base is missing or zero', () => {
    expect(change(150, 100)).toEqual({ previous: 100, delta: 50, percent: 50 });
    expect(change(5, 0)).toEqual({ previous: 0, delta: 5, percent: null });
    expect(change(5, undefined)).toEqual({ previous: null, delta: null, percent: null });
    const lines = reportLines(
      [{ park: 'p', indicator: 'x', breakdown: '', value: 30 }],
      [{ park: 'p', indicator: 'x', breakdown: '', value: 20 }],
      [{ park: null, indicator: 'x', breakdown: '', value: 10 }],
    );
    expect(lines[0].qoq.percent).toBe(50);
    expect(lines[0].yoy.previous).toBeNull();
  });
});
