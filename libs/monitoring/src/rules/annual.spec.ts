import { annualValue } from './annual';
import { buildSnapshot, zoneOfEntered } from './snapshot';

const q = (quarter: string, value: number | null, figureId = quarter) => ({ quarter, value, figureId });

describe('annual aggregation', () => {
  it('sums flows, takes the latest stock, averages rates, recomputes shares from their parts', () => {
    expect(annualValue('sum', [q('2026Q1', 1), q('2026Q2', null), q('2026Q3', 2.5)])).toEqual({ value: 3.5, figureIds: ['2026Q1', '2026Q3'] });
    expect(annualValue('last', [q('2026Q3', 40), q('2026Q1', 30), q('2026Q4', null)])).toEqual({ value: 40, figureIds: ['2026Q3'] });
    expect(annualValue('mean', [q('2026Q1', 2), q('2026Q2', 3)]).value).toBe(2.5);
    expect(annualValue('sum', [q('2026Q1', null)]).value).toBeNull();
    const share = annualValue('share', [], { numerator: [q('a1', 10), q('a2', 20)], denominator: [q('t1', 50), q('t2', 70)] });
    expect(share.value).toBe(25);
    expect(share.figureIds).toEqual(['a1', 'a2', 't1', 't2']);
  });
});

describe('snapshot', () => {
  it('freezes approved entries per park, aggregates the zone, and marks computed indicators nobody feeds', () => {
    expect(zoneOfEntered('count', [3, 4])).toBe(7);
    expect(zoneOfEntered('percent', [2, 3])).toBe(2.5);
    const figs = buildSnapshot(
      [
        { code: 'incubators', unit: 'count', source: 'entered', aggregation: 'last' },
        { code: 'events-held', unit: 'count', source: 'computed', aggregation: 'sum' },
      ],
      ['p1', 'p2'],
      new Map(),
      [{ id: 'e1', park: 'p1', indicator: 'incubators', value: 3 }],
    );
    const get = (ind: string, park: string | null) => figs.find((f) => f.indicator === ind && f.park === park)!;
    expect(get('incubators', 'p1')).toMatchObject({ value: 3, entryId: 'e1', records: [{ type: 'monitoring-entry', id: 'e1' }] });
    expect(get('incubators', 'p2')).toMatchObject({ value: null, note: 'not-reported' });
    expect(get('incubators', null)).toMatchObject({ value: 3, note: '1/2 parks reported' });
    expect(get('events-held', null)).toMatchObject({ value: null, note: 'no-source' });
  });
});
