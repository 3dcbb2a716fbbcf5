import type { ChartOption } from './echarts';
import parksGeo from './parks-geo.json';

/** Pure builders of the statistics page's chart options from the API's answers (tested without a browser). */

export interface Named {
  zh: string;
  en: string;
}
export interface IndexPark {
  park: string;
  parkName: Named;
  hasData?: boolean;
  score: number;
  rank: number | null;
  dimensions: Record<string, number>;
  inputs: Record<string, { value: number | null }>;
}
export interface Trends {
  quarters: string[];
  indicators: Array<{ code: string; name: Named; unit: string; values: Array<number | null> }>;
}
export interface AmountRow {
  key: string | null;
  contracts: number;
  contractAmount: number;
}

type PickText = (n: Named) => string;
const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#0369a1', '#4d7c0f'];
const round2 = (x: number) => Math.round(x * 100) / 100;
/** Yuan shown in 万元 on chart axes: contract sums run to hundreds of millions. */
export const toTenThousand = (yuan: number) => round2(yuan / 10_000);

const base = { color: PALETTE, aria: { enabled: true }, tooltip: { trigger: 'axis' as const }, textStyle: { fontFamily: 'inherit' } };

/** Ranked parks only (a park without data has rank null), best first; each bar split into the dimensions' weighted contributions. */
export function indexRankingOption(parks: IndexPark[], weights: Record<string, number>, dimensionName: (code: string) => string, pick: PickText): ChartOption {
  const ranked = parks.filter((p) => p.rank !== null && p.hasData !== false).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const dims = Object.keys(weights).filter((d) => weights[d] > 0 && ranked.some((p) => d in p.dimensions));
  const sum = dims.reduce((a, d) => a + weights[d], 0) || 1;
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: dims.map(dimensionName) },
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: ranked.map((p) => `${p.rank}. ${pick(p.parkName)}`) },
    series: dims.map((d) => ({
      name: dimensionName(d),
      type: 'bar',
      stack: 'score',
      data: ranked.map((p) => round2(((p.dimensions[d] ?? 0) * weights[d]) / sum)),
    })),
  };
}

/** One indicator's annual value in each of the eleven parks (the index inputs), parks without a value at 0 with no label. */
export function parksOption(parks: IndexPark[], indicator: string, seriesName: string, pick: PickText): ChartOption {
  const sorted = [...parks].sort((a, b) => (b.inputs[indicator]?.value ?? -1) - (a.inputs[indicator]?.value ?? -1));
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [seriesName] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: sorted.map((p) => pick(p.parkName)), axisLabel: { interval: 0, rotate: 35 } },
    yAxis: { type: 'value' },
    series: [{ name: seriesName, type: 'bar', data: sorted.map((p) => p.inputs[indicator]?.value ?? 0), label: { show: true, position: 'top' } }],
  };
}

/** Zone-wide quarterly values of the chosen indicators, one line each (a gap where a quarter has no figure). */
export function trendOption(trends: Trends, codes: string[], pick: PickText): ChartOption {
  const chosen = trends.indicators.filter((i) => codes.includes(i.code));
  return {
    ...base,
    legend: { top: 0, data: chosen.map((i) => pick(i.name)) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trends.quarters },
    yAxis: { type: 'value' },
    series: chosen.map((i) => ({ name: pick(i.name), type: 'line', connectNulls: false, data: i.values.map((v) => (v === null ? null : i.unit === 'yuan' ? toTenThousand(v) : v)) })),
  };
}

/** Contract amount (万元) and count per group, bars on two axes. */
export function amountsOption(rows: AmountRow[], labelOf: (key: string | null) => string, names: { amount: string; count: string }): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [names.amount, names.count] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => labelOf(r.key)), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: names.amount }, { type: 'value', name: names.count, minInterval: 1 }],
    series: [
      { name: names.amount, type: 'bar', data: rows.map((r) => toTenThousand(r.contractAmount)) },
      { name: names.count, type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.contracts) },
    ],
  };
}

interface GeoPoint {
  code: string;
  lng: number;
  lat: number;
  reference: boolean;
  name?: Named;
}
export const PARK_POINTS: GeoPoint[] = parksGeo.features.map((f) => {
  const p = f.properties as { code: string; reference?: boolean; zh?: string; en?: string };
  return { code: p.code, lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], reference: !!p.reference, name: p.zh && p.en ? { zh: p.zh, en: p.en } : undefined };
});

/** The parks at their coordinates (longitude/latitude axes, no tiles), dot size by index score; Beijing and Tianjin for reference. */
export function mapOption(parks: Array<Pick<IndexPark, 'park' | 'parkName' | 'score'> & { hasData?: boolean }>, names: { parks: string; reference: string }, pick: PickText): ChartOption {
  const byCode = new Map(parks.map((p) => [p.park, p]));
  const parkPoints = PARK_POINTS.filter((p) => !p.reference);
  const refs = PARK_POINTS.filter((p) => p.reference);
  const label = { show: true, position: 'right' as const, fontSize: 11, formatter: '{b}' };
  return {
    ...base,
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: [names.parks, names.reference] },
    grid: { left: 8, right: 80, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 114, max: 117.6, axisLabel: { formatter: '{value}°E' }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 37.5, max: 40.1, axisLabel: { formatter: '{value}°N' }, splitLine: { show: false } },
    series: [
      {
        name: names.parks,
        type: 'scatter',
        label,
        data: parkPoints.map((p) => {
          const x = byCode.get(p.code);
          return { name: x ? pick(x.parkName) : p.code, value: [p.lng, p.lat, x?.score ?? 0], symbolSize: 10 + Math.round((x?.hasData === false ? 0 : (x?.score ?? 0)) / 4) };
        }),
      },
      { name: names.reference, type: 'scatter', symbol: 'diamond', symbolSize: 12, label, data: refs.map((p) => ({ name: p.name ? pick(p.name) : p.code, value: [p.lng, p.lat] })) },
    ],
  };
}
