import { useState } from 'react';
import { amountsOption, indexRankingOption, IndexPark, mapOption, parksOption, Trends, trendOption, AmountRow } from '../charts/statistics-options';
import { I18n, MessageKey, useI18n } from '../i18n';
import { labelIndex, useTaxonomy } from '../taxonomy';
import { useApiQuery } from '../query';
import { Chart } from './chart.component';
import { ErrorNotice, Loading } from './feedback.component';

/** The index dimensions of the monitoring migration's check constraint. */
export const DIMENSION_NAMES: Record<string, { zh: string; en: string }> = {
  transaction: { zh: '技术交易', en: 'Technology transactions' },
  'supply-demand': { zh: '供需对接', en: 'Supply and demand' },
  services: { zh: '转化服务', en: 'Transfer services' },
  'innovation-input': { zh: '创新投入', en: 'Innovation input' },
  'innovation-entities': { zh: '创新主体', en: 'Innovation entities' },
};

const UNITS = ['yuan', 'count', 'percent', 'per-10k', 'score'];
/** An indicator unit as readers say it (元, 个/项, %, 每万人). */
export function unitLabel(unit: string, t: I18n['t']): string {
  return UNITS.includes(unit) ? t(`charts.unit.${unit}` as MessageKey) : unit;
}

export interface IndicatorInfo {
  code: string;
  name: { zh: string; en: string };
  unit: string;
}

/** Ranking with dimensions, the parks on a map, and any indicator across the eleven parks: all from the year's index. */
export function IndexCharts({ parks, weights, indicators }: { parks: IndexPark[]; weights: Record<string, number>; indicators: IndicatorInfo[] }) {
  const { t, pick } = useI18n();
  const inputCodes = indicators.filter((i) => parks.some((p) => i.code in p.inputs));
  const [chosen, setChosen] = useState('');
  // By default the first indicator some park reported a non-zero value for: an all-zero chart says nothing.
  const indicator = inputCodes.find((i) => i.code === chosen) ?? inputCodes.find((i) => parks.some((p) => (p.inputs[i.code]?.value ?? 0) !== 0)) ?? inputCodes[0];
  const ranking = indexRankingOption(parks, weights, (d) => (DIMENSION_NAMES[d] ? pick(DIMENSION_NAMES[d]) : d), pick);
  const map = mapOption(parks, { parks: t('charts.map'), reference: t('charts.reference') }, pick);
  const side = indicator ? parksOption(parks, indicator.code, `${pick(indicator.name)}（${unitLabel(indicator.unit, t)}）`, pick) : null;
  const ranked = parks.filter((p) => p.rank !== null);
  const unranked = parks.filter((p) => p.rank === null);
  return (
    <div className="chart-grid">
      <section aria-labelledby="chart-ranking" className="chart-card chart-card--wide">
        <h3 id="chart-ranking">{t('charts.indexRanking')}</h3>
        <p className="small muted">{t('charts.indexRankingHint')}</p>
        <Chart testId="chart-index-ranking" option={ranking} height={Math.max(220, 48 + ranked.length * 30)} label={t('charts.indexRanking')} summary={ranked.map((p) => `${p.rank}. ${pick(p.parkName)} ${p.score.toFixed(1)}`).join('；')} />
        {unranked.length > 0 && <p className="small muted" data-testid="unranked-parks">{t('charts.noDataParks', { parks: unranked.map((p) => pick(p.parkName)).join('、') })}</p>}
      </section>
      <section aria-labelledby="chart-map" className="chart-card">
        <h3 id="chart-map">{t('charts.map')}</h3>
        <p className="small muted">{t('charts.mapHint')}</p>
        <Chart testId="chart-map" option={map} height={360} label={t('charts.map')} />
      </section>
      {side && indicator && (
        <section aria-labelledby="chart-parks" className="chart-card">
          <div className="ws-head">
            <h3 id="chart-parks">{t('charts.parksSideBySide')}</h3>
            <label className="inline-field no-print">
              {t('charts.parksIndicator')}
              <select value={indicator.code} onChange={(e) => setChosen(e.target.value)}>
                {inputCodes.map((i) => (
                  <option key={i.code} value={i.code}>
                    {pick(i.name)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Chart testId="chart-parks" option={side} height={360} label={`${t('charts.parksSideBySide')} · ${pick(indicator.name)}`} />
        </section>
      )}
    </div>
  );
}

/** Zone-wide quarterly values of one indicator at a time (the first with figures by default). */
export function TrendChart() {
  const { t, pick } = useI18n();
  const trends = useApiQuery<Trends>('monitoring/trends');
  const withValues = (trends.data?.indicators ?? []).filter((i) => i.values.some((v) => v !== null));
  const [chosen, setChosen] = useState('');
  const indicator = withValues.find((i) => i.code === chosen) ?? withValues.find((i) => i.values.some((v) => v !== null && v !== 0)) ?? withValues[0];
  const option = trends.data && indicator ? trendOption(trends.data, [indicator.code], pick) : null;
  return (
    <section aria-labelledby="chart-trends" className="chart-card chart-card--wide">
      <div className="ws-head">
        <h3 id="chart-trends">{t('charts.trends')}</h3>
        {withValues.length > 0 && indicator && (
          <label className="inline-field no-print">
            {t('charts.trendIndicator')}
            <select value={indicator.code} onChange={(e) => setChosen(e.target.value)}>
              {withValues.map((i) => (
                <option key={i.code} value={i.code}>
                  {pick(i.name)}（{i.unit === 'yuan' ? t('common.tenThousandYuan') : unitLabel(i.unit, t)}）
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {trends.isLoading && <Loading />}
      {!!trends.error && <ErrorNotice error={trends.error} onRetry={trends.refetch} />}
      {trends.data && !option && <p className="empty">{t('charts.trendsEmpty')}</p>}
      {option && indicator && <Chart testId="chart-trends" option={option} label={`${t('charts.trends')} · ${pick(indicator.name)}`} />}
    </section>
  );
}

interface ContractAmounts {
  year: number;
  byIndustry: AmountRow[];
  byDirection: AmountRow[];
}

/** Registered contract amounts of a year by industry and by direction (Beijing/Tianjin → Hebei first among directions that occur). */
export function ContractCharts({ year }: { year: number }) {
  const { t, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const amounts = useApiQuery<ContractAmounts>('monitoring/contract-amounts', { year });
  const names = { amount: t('charts.contractAmount'), count: t('charts.contracts') };
  const byIndustry = amounts.data ? amountsOption(amounts.data.byIndustry, (k) => (k ? pick(labels.get(`industry:${k}`) ?? null) || k : t('charts.industryOther')), names) : null;
  const byDirection = amounts.data ? amountsOption(amounts.data.byDirection, (k) => t(`charts.direction.${k ?? 'other'}` as MessageKey), names) : null;
  const empty = amounts.data && amounts.data.byIndustry.length === 0;
  return (
    <>
      {amounts.isLoading && <Loading />}
      {!!amounts.error && <ErrorNotice error={amounts.error} onRetry={amounts.refetch} />}
      {empty && <p className="empty">{t('charts.contractsEmpty', { year })}</p>}
      {!empty && byIndustry && byDirection && (
        <div className="chart-grid">
          <section aria-labelledby="chart-industry" className="chart-card">
            <h3 id="chart-industry">{t('charts.contractsByIndustry')}</h3>
            <Chart testId="chart-contracts-industry" option={byIndustry} label={t('charts.contractsByIndustry')} />
          </section>
          <section aria-labelledby="chart-direction" className="chart-card">
            <h3 id="chart-direction">{t('charts.contractsByDirection')}</h3>
            <Chart testId="chart-contracts-direction" option={byDirection} label={t('charts.contractsByDirection')} />
          </section>
        </div>
      )}
    </>
  );
}
