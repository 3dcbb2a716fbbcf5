import { useState } from 'react';
import { api, hasRole, Session } from '../api';
import { BarChart } from '../components/bar-chart.component';
import { ErrorNotice, Loading } from '../components/feedback.component';
import { FigureDrillDown } from '../components/figure-drill-down.component';
import { QuarterlyReport } from '../components/quarterly-report.component';
import { ContractCharts, DIMENSION_NAMES, IndexCharts, TrendChart, unitLabel } from '../components/statistics-charts.component';
import { formatDate, formatMoney, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { apiKey, nullIfMissing, useApiQuery, useLoader } from '../query';
import type { components } from '../api/schema.gen';

interface Target {
  code: string;
  name: { zh: string; en: string };
  unit: string;
  target: number;
  targetYear: number;
  actual: number | null;
  progress: number | null;
  achieved: boolean;
}
interface ParkIndex {
  park: string;
  parkName: { zh: string; en: string };
  hasData?: boolean;
  score: number;
  rank: number | null;
  dimensions: Record<string, number>;
  inputs: Record<string, { value: number | null; figureIds: string[] }>;
  rankChange: number | null;
}
interface Indicator {
  code: string;
  name: { zh: string; en: string };
  unit: string;
  dimension: string;
}
interface IndexResponse {
  year: number;
  computedAt: string;
  weights: { dimensions: Record<string, number> };
  parks: ParkIndex[];
}

/** Monitoring figures and their records are for platform staff and park administrations (the API says the same). */
function mayDrillDown(s: Session | null): boolean {
  return !!s && (hasRole(s, 'platform-admin') || s.organisation.type === 'platform' || s.organisation.type === 'park-administration');
}

/**
 * The zone's statistics as a park director would print them: targets, the innovation index (ranking with dimensions,
 * map, parks side by side), quarterly trends and contract amounts. Charts load ECharts on first use only.
 */
export function StatisticsPage() {
  const { t, lang, pick } = useI18n();
  const years = useApiQuery<{ years: number[] }>('monitoring/innovation-index');
  const [chosenYear, setYear] = useState<number | null>(null);
  // Open on the latest computed year, not on a year nobody has computed yet.
  const year = chosenYear ?? years.data?.years[0] ?? null;
  const [park, setPark] = useState<string | null>(null);
  const targets = useApiQuery<Target[]>('monitoring/targets');
  const index = useLoader(apiKey(`monitoring/innovation-index/${year}`), () => nullIfMissing(api.get<IndexResponse>(`monitoring/innovation-index/${year}`)), { enabled: year !== null });
  const selected = index.data?.parks.find((p) => p.park === park) ?? null;
  const session = useSession();
  const reader = mayDrillDown(session);
  const indicators = useApiQuery<Indicator[]>('monitoring/indicators');
  const indicator = (code: string) => indicators.data?.find((x) => x.code === code);
  const indicatorName = (code: string) => {
    const i = indicator(code);
    return i ? pick(i.name) : code;
  };
  const [inputDrill, setInputDrill] = useState<{ title: string; ids: string[] } | null>(null);
  const withFigures = (targets.data ?? []).filter((x) => x.actual !== null);
  const amount = (v: number, unit: string) => (unit === 'yuan' ? formatMoney(v, lang, '—') : `${formatNumber(v, lang)}${unit === 'count' ? '' : ` ${unitLabel(unit, t)}`}`);
  const contractYear = year ?? new Date().getFullYear();

  return (
    <section aria-labelledby="stats-title" className="statistics">
      <div className="ws-head">
        <h1 id="stats-title">{t('stats.title')}</h1>
        <button type="button" className="btn no-print" onClick={() => window.print()}>
          {t('charts.print')}
        </button>
      </div>
      <p className="small muted print-only">{t('charts.printedAt', { date: formatDate(new Date(), lang) })}</p>

      <h2>{t('stats.targets')}</h2>
      {targets.isLoading && <Loading />}
      {!!targets.error && <ErrorNotice error={targets.error} onRetry={targets.refetch} />}
      {targets.data && withFigures.length === 0 && <p className="empty">{t('stats.targetsEmpty')}</p>}
      {(targets.data ?? []).length > 0 && (
        <ul className="targets" data-testid="targets">
          {(targets.data ?? []).map((x) => (
            <li key={x.code}>
              <div className="targets__head">
                <span>{pick(x.name)}</span>
                <span className="small muted">
                  {t('stats.actual')} {x.actual === null ? t('stats.noFigure') : amount(x.actual, x.unit)} / {t('stats.target')} {amount(x.target, x.unit)}（{x.targetYear}）
                </span>
              </div>
              <progress max={100} value={Math.min(100, x.progress ?? 0)} aria-label={`${pick(x.name)} ${Math.round(x.progress ?? 0)}%`} />
            </li>
          ))}
        </ul>
      )}

      <PortfolioQuota />

      <h2>{t('charts.trends')}</h2>
      <TrendChart />

      <div className="ws-head">
        <h2>{t('stats.index')}</h2>
        {years.data && years.data.years.length > 0 && year !== null && (
          <label className="inline-field no-print">
            {t('stats.year')}
            <select
              value={year}
              onChange={(e) => {
                setYear(Number(e.target.value));
                setPark(null);
                setInputDrill(null);
              }}
            >
              {years.data.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {(years.isLoading || index.isLoading) && <Loading />}
      {!!years.error && <ErrorNotice error={years.error} onRetry={years.refetch} />}
      {!!index.error && <ErrorNotice error={index.error} onRetry={index.refetch} />}
      {years.data && years.data.years.length === 0 && <p className="empty">{t('charts.indexNone')}</p>}
      {index.data && (
        <>
          <IndexCharts parks={index.data.parks} weights={index.data.weights.dimensions} indicators={indicators.data ?? []} />
          <p className="small muted no-print">{t('stats.drill')}</p>
          <div className="no-print">
            <BarChart
              title={`${t('stats.index')} · ${index.data.year}`}
              max={100}
              selected={park}
              onSelect={(k) => {
                setPark(k === park ? null : k);
                setInputDrill(null);
              }}
              bars={index.data.parks
                .filter((p) => p.rank !== null)
                .map((p) => ({ key: p.park, label: `${p.rank}. ${pick(p.parkName)}`, value: p.score, note: p.rankChange ? (p.rankChange > 0 ? `↑${p.rankChange}` : `↓${-p.rankChange}`) : undefined }))}
            />
          </div>
          {selected && (
            <BarChart
              title={t('stats.dimensions', { park: pick(selected.parkName) })}
              max={100}
              bars={Object.entries(selected.dimensions).map(([k, v]) => ({ key: k, label: DIMENSION_NAMES[k] ? pick(DIMENSION_NAMES[k]) : k, value: v }))}
            />
          )}
          {selected && index.data && <ParkListsCompletion park={selected.park} year={index.data.year} />}
          {selected && (
            <section aria-labelledby="inputs-title">
              <h3 id="inputs-title">{t('stats.inputs', { park: pick(selected.parkName) })}</h3>
              <p className="small muted">{reader ? t('stats.inputsHint') : t('stats.signInToDrill')}</p>
              <ul className="inputs" data-testid="index-inputs">
                {Object.entries(selected.inputs ?? {}).map(([code, input]) => {
                  const unit = indicator(code)?.unit ?? 'count';
                  const label = `${indicatorName(code)}${t('common.colon')}${input.value === null ? '—' : amount(input.value, unit)}`;
                  const title = `${indicatorName(code)} · ${pick(selected.parkName)} · ${index.data!.year}`;
                  return (
                    <li key={code}>
                      {reader && input.figureIds.length > 0 ? (
                        <button type="button" className="link-button" aria-expanded={inputDrill?.title === title} onClick={() => setInputDrill({ title, ids: input.figureIds })}>
                          {label}
                        </button>
                      ) : (
                        label
                      )}
                    </li>
                  );
                })}
              </ul>
              {inputDrill && <FigureDrillDown title={inputDrill.title} figureIds={inputDrill.ids} onClose={() => setInputDrill(null)} />}
            </section>
          )}
          <details open>
            <summary>{t('stats.table')}</summary>
            <table className="table" data-testid="index-table">
              <thead>
                <tr>
                  <th scope="col">{t('stats.rank')}</th>
                  <th scope="col">{t('demand.park')}</th>
                  <th scope="col">
                    {t('stats.score')}（{t('charts.unit.score')}）
                  </th>
                  {Object.keys(index.data.weights.dimensions).map((d) => (
                    <th scope="col" key={d}>
                      {DIMENSION_NAMES[d] ? pick(DIMENSION_NAMES[d]) : d}（{t('charts.unit.score')}）
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {index.data.parks.map((p) => (
                  <tr key={p.park}>
                    <td>{p.rank ?? '—'}</td>
                    <td>{pick(p.parkName)}</td>
                    <td>{p.rank === null ? t('charts.noData') : p.score.toFixed(1)}</td>
                    {Object.keys(index.data!.weights.dimensions).map((d) => (
                      <td key={d}>{p.rank === null || p.dimensions[d] === undefined ? '—' : p.dimensions[d].toFixed(1)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}

      <h2>{t('charts.contractsTitle', { year: contractYear })}</h2>
      <ContractCharts year={contractYear} />

      {reader && <QuarterlyReport />}
    </section>
  );
}

type Quota = components['schemas']['QuotaDashboardResponse'];

/** This year's major transfer projects against the plan's quota (province ≥ 20, each city ≥ 10). */
function PortfolioQuota() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const quota = useApiQuery<Quota>('major-projects/quota', { year });
  if (!quota.data) return null;
  const q = quota.data;
  return (
    <>
      <h2>{t('stats.quota', { year })}</h2>
      <ul className="targets" data-testid="portfolio-quota">
        <li>
          <div className="targets__head">
            <span>{t('stats.quotaProvince', { count: q.province.inPortfolio, quota: q.province.quota })}</span>
          </div>
          <progress max={q.province.quota} value={Math.min(q.province.quota, q.province.inPortfolio)} />
        </li>
        {q.cities.map((c) => (
          <li key={c.city}>
            <div className="targets__head">
              <span>{t('stats.quotaCity', { city: c.city ?? '', count: c.inPortfolio, quota: c.quota })}</span>
            </div>
            <progress max={c.quota} value={Math.min(c.quota, c.inPortfolio)} />
          </li>
        ))}
      </ul>
    </>
  );
}

type Completion = components['schemas']['CompletionResponse'];

/** The selected park's three-list completion of the index year (a landed deal counts only with its proof). */
function ParkListsCompletion({ park, year }: { park: string; year: number }) {
  const { t } = useI18n();
  const completion = useApiQuery<Completion>(`parks/${park}/three-lists/${year}/completion`);
  if (!completion.data) return null;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
  return (
    <p data-testid="park-lists-completion">
      {t('lists.title')} · {t('lists.overall', { value: pct(completion.data.overall) })}
      {completion.data.lists.map((l) => ` · ${t(`lists.kind.${l.kind}`)} ${pct(l.ratio)}`).join('')} · <Link href={`/parks/${park}`}>{t('parkPage.link')}</Link>
    </p>
  );
}
