/* eslint-disable @typescript-eslint/no-explicit-any -- chart options are loose JSON, read here by path */
import { amountsOption, indexRankingOption, mapOption, PARK_POINTS, trendOption } from './statistics-options';

const zh = (n: { zh: string }) => n.zh;
const park = (code: string, score: number, rank: number | null, dims: Record<string, number>) => ({
  park: code, parkName: { zh: code.toUpperCase(), en: code }, hasData: rank !== null, score, rank, dimensions: dims, inputs: {},
});

describe('statistics chart options', () => {
  it('ranks only parks with data, best first, each bar the weighted contributions of its dimensions summing to the score', () => {
    const parks = [park('b', 40, 2, { t: 40, s: 40 }), park('a', 70, 1, { t: 100, s: 40 }), park('c', 56.3, null, { t: 100, s: 100 })];
    const o = indexRankingOption(parks, { t: 1, s: 1 }, (d) => `dim-${d}`, zh) as any;
    expect(o.yAxis.data).toEqual(['1. A', '2. B']);
    expect(o.legend.data).toEqual(['dim-t', 'dim-s']);
    const totals = o.yAxis.data.map((_: string, i: number) => o.series.reduce((acc: number, s: any) => acc + s.data[i], 0));
    expect(totals).toEqual([70, 40]);
  });

  it('draws trends in quarter order with gaps, yuan in 万元', () => {
    const o = trendOption({ quarters: ['2026Q1', '2026Q2'], indicators: [{ code: 'amt', name: { zh: '成交额', en: 'Amount' }, unit: 'yuan', values: [1_500_000, null] }, { code: 'n', name: { zh: '数', en: 'n' }, unit: 'count', values: [1, 2] }] }, ['amt'], zh) as any;
    expect(o.xAxis.data).toEqual(['2026Q1', '2026Q2']);
    expect(o.series).toEqual([expect.objectContaining({ name: '成交额', data: [150, null] })]);
  });

  it('labels contract groups and puts amounts in 万元 beside counts', () => {
    const o = amountsOption([{ key: 'absorbed-bj-tj', contracts: 3, contractAmount: 4_500_000 }], (k) => `label:${k}`, { amount: '金额', count: '数量' }) as any;
    expect(o.xAxis.data).toEqual(['label:absorbed-bj-tj']);
    expect(o.series.map((s: any) => s.data)).toEqual([[450], [3]]);
  });

  it('places all eleven parks from the bundled coordinates, inside the axes, with Beijing and Tianjin for reference', () => {
    expect(PARK_POINTS.filter((p) => !p.reference)).toHaveLength(11);
    const o = mapOption([{ park: 'sjz-hitech', parkName: { zh: '石家庄国家高新区', en: 'SJZ' }, score: 80 }], { parks: '园区', reference: '参照' }, zh) as any;
    expect(o.series[0].data).toHaveLength(11);
    expect(o.series[0].data.find((d: any) => d.name === '石家庄国家高新区').symbolSize).toBe(30);
    for (const d of [...o.series[0].data, ...o.series[1].data]) {
      expect(d.value[0]).toBeGreaterThanOrEqual(o.xAxis.min);
      expect(d.value[0]).toBeLessThanOrEqual(o.xAxis.max);
      expect(d.value[1]).toBeGreaterThanOrEqual(o.yAxis.min);
      expect(d.value[1]).toBeLessThanOrEqual(o.yAxis.max);
    }
    expect(o.series[1].data.map((d: any) => d.name)).toEqual(['北京', '天津']);
  });
});
