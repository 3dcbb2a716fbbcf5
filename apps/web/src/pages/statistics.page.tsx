import { useState } from 'react';
import { api, hasRole, Page, Session } from '../api';
import { BarChart } from '../components/bar-chart.component';
import { ErrorNotice, Loading } from '../components/feedback.component';
import { FigureDrillDown } from '../components/figure-drill-down.component';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useTaxonomy } from '../taxonomy';
import { apiKey, nullIfMissing, useApiQuery, useLoader } from '../query';

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
  score: number;
  rank: number;
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
interface Quarter {
  code: string;
  status: 'open' | 'published';
}
interface ReportLine {
  park: string | null;
  parkName: { zh: string; en: string };
  indicator: string;
  indicatorName: { zh: string; en: string };
  unit: string;
  breakdown: string;
  value: number | null;
  figureId: string;
  recordCount: number;
}
interface Report {
  quarter: string;
  lines: ReportLine[];
}

/** Monitoring figures and their records are for platform staff and park administrations (the API says the same). */
function mayDrillDown(s: Session | null): boolean {
  return !!s && (hasRole(s, 'platform-admin') || s.organisation.type === 'platform' || s.organisation.type === 'park-administration');
}
interface IndexResponse {
  year: number;
  parks: ParkIndex[];
}

/** The index dimensions of the monitoring migration's check constraint. */
const DIMENSION_NAMES: Record<string, { zh: string; en: string }> = {
  transaction: { zh: '技术交易', en: 'Technology transactions' },
  'supply-demand': { zh: '供需对接', en: 'Supply and demand' },
  services: { zh: '转化服务', en: 'Transfer services' },
  'innovation-input': { zh: '创新投入', en: 'Innovation input' },
  'innovation-entities': { zh: '创新主体', en: 'Innovation entities' },
};

/** The indicator units of the monitoring catalogue, as readers say them. */
const UNIT_NAMES: Record<string, { zh: string; en: string }> = {
  yuan: { zh: '元', en: 'yuan' },
  count: { zh: '', en: '' },
  percent: { zh: '%', en: '%' },
  'per-10k': { zh: '/万人', en: 'per 10k people' },
};

export function StatisticsPage() {
  const { t, lang, pick } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [park, setPark] = useState<string | null>(null);
  const targets = useApiQuery<Target[]>('monitoring/targets');
  const index = useLoader(apiKey(`monitoring/innovation-index/${year}`), () => nullIfMissing(api.get<IndexResponse>(`monitoring/innovation-index/${year}`)));
  const selected = index.data?.parks.find((p) => p.park === park) ?? null;
  const session = useSession();
  const reader = mayDrillDown(session);
  const indicators = useApiQuery<Indicator[]>('monitoring/indicators');
  const indicatorName = (code: string) => {
    const i = indicators.data?.find((x) => x.code === code);
    return i ? pick(i.name) : code;
  };
  const [inputDrill, setInputDrill] = useState<{ title: string; ids: string[] } | null>(null);
  const withFigures = (targets.data ?? []).filter((x) => x.actual !== null);

  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>

      <h2>{t('stats.targets')}</h2>
      {targets.isLoading && <Loading />}
      {!!targets.error && <ErrorNotice error={targets.error} onRetry={targets.refetch} />}
      {targets.data && withFigures.length === 0 && <p className="empty">{t('stats.targetsEmpty')}</p>}
      {withFigures.length > 0 && (
        <ul className="targets">
          {withFigures.map((x) => (
            <li key={x.code}>
              <div className="targets__head">
                <span>{pick(x.name)}</span>
                <span className="small muted">
                  {t('stats.actual')} {(x.actual ?? 0).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}
                  {UNIT_NAMES[x.unit] ? pick(UNIT_NAMES[x.unit]) : x.unit} / {t('stats.target')} {x.target.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}
                  {UNIT_NAMES[x.unit] ? pick(UNIT_NAMES[x.unit]) : x.unit} ({x.targetYear})
                </span>
              </div>
              <progress max={100} value={Math.min(100, x.progress ?? 0)} aria-label={`${pick(x.name)} ${Math.round(x.progress ?? 0)}%`} />
            </li>
          ))}
        </ul>
      )}

      <div className="ws-head">
        <h2>{t('stats.index')}</h2>
        <label className="inline-field">
          {t('stats.year')}
          <select
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setPark(null);
              setInputDrill(null);
            }}
          >
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      {index.isLoading && <Loading />}
      {!!index.error && <ErrorNotice error={index.error} onRetry={index.refetch} />}
      {!index.isLoading && !index.error && !index.data && <p className="empty">{t('stats.indexEmpty', { year })}</p>}
      {index.data && (
        <>
          <p className="small muted">{t('stats.drill')}</p>
          <BarChart
            title={`${t('stats.index')} · ${index.data.year}`}
            max={100}
            selected={park}
            onSelect={(k) => {
              setPark(k === park ? null : k);
              setInputDrill(null);
            }}
            bars={[...index.data.parks]
              .sort((a, b) => a.rank - b.rank)
              .map((p) => ({ key: p.park, label: `${p.rank}. ${pick(p.parkName)}`, value: p.score, note: p.rankChange ? (p.rankChange > 0 ? `↑${p.rankChange}` : `↓${-p.rankChange}`) : undefined }))}
          />
          {selected && (
            <BarChart
              title={t('stats.dimensions', { park: pick(selected.parkName) })}
              max={100}
              bars={Object.entries(selected.dimensions).map(([k, v]) => ({ key: k, label: DIMENSION_NAMES[k] ? pick(DIMENSION_NAMES[k]) : k, value: v }))}
            />
          )}
          {selected && (
            <section aria-labelledby="inputs-title">
              <h3 id="inputs-title">{t('stats.inputs', { park: pick(selected.parkName) })}</h3>
              <p className="small muted">{reader ? t('stats.inputsHint') : t('stats.signInToDrill')}</p>
              <ul className="inputs" data-testid="index-inputs">
                {Object.entries(selected.inputs ?? {}).map(([code, input]) => {
                  const label = `${indicatorName(code)}: ${input.value === null ? '—' : input.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}`;
                  return (
                    <li key={code}>
                      {reader && input.figureIds.length > 0 ? (
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={inputDrill?.title === `${indicatorName(code)} · ${pick(selected.parkName)} · ${index.data!.year}`}
                          onClick={() => setInputDrill({ title: `${indicatorName(code)} · ${pick(selected.parkName)} · ${index.data!.year}`, ids: input.figureIds })}
                        >
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
          <details>
            <summary>{t('stats.table')}</summary>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('stats.rank')}</th>
                  <th scope="col">{t('demand.park')}</th>
                  <th scope="col">{t('stats.score')}</th>
                </tr>
              </thead>
              <tbody>
                {index.data.parks.map((p) => (
                  <tr key={p.park}>
                    <td>{p.rank}</td>
                    <td>{pick(p.parkName)}</td>
                    <td>{p.score.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {reader && <QuarterlyReport />}
    </section>
  );
}

/** The published quarter's figures, zone or one park; each value opens the records behind it. */
function QuarterlyReport() {
  const { t, pick, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const quarters = useApiQuery<Page<Quarter>>('monitoring/quarters', { pageSize: 40 });
  const published = (quarters.data?.items ?? []).filter((q) => q.status === 'published');
  const [chosen, setChosen] = useState('');
  const quarter = chosen || published[0]?.code || '';
  const [park, setPark] = useState('');
  const report = useApiQuery<Report>(`monitoring/reports/${quarter}`, { park }, { enabled: !!quarter });
  const [drill, setDrill] = useState<{ title: string; ids: string[] } | null>(null);
  const lines = (report.data?.lines ?? []).filter((l) => (park ? l.park === park : l.park === null));
  const fmt = (v: number | null) => (v === null ? '—' : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'));
  const where = park ? pick(taxonomy.parks.find((p) => p.code === park) ?? null) || park : t('stats.zone');

  return (
    <section aria-labelledby="quarterly-title">
      <div className="ws-head">
        <h2 id="quarterly-title">{t('stats.quarterly')}</h2>
        {published.length > 0 && (
          <span>
            <label className="inline-field">
              {t('stats.quarter')}
              <select
                value={quarter}
                onChange={(e) => {
                  setChosen(e.target.value);
                  setDrill(null);
                }}
              >
                {published.map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.code}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label className="inline-field">
              {t('demand.park')}
              <select
                value={park}
                onChange={(e) => {
                  setPark(e.target.value);
                  setDrill(null);
                }}
              >
                <option value="">{t('stats.allParks')}</option>
                {taxonomy.parks.map((p) => (
                  <option key={p.code} value={p.code}>
                    {pick(p)}
                  </option>
                ))}
              </select>
            </label>
          </span>
        )}
      </div>
      {quarters.isLoading && <Loading />}
      {!!quarters.error && <ErrorNotice error={quarters.error} onRetry={quarters.refetch} />}
      {quarters.data && published.length === 0 && <p className="empty">{t('stats.quarterEmpty')}</p>}
      {report.isLoading && quarter && <Loading />}
      {!!report.error && <ErrorNotice error={report.error} onRetry={report.refetch} />}
      {lines.length > 0 && (
        <>
          <p className="small muted">{t('stats.drillHint')}</p>
          <div className="table-wrap">
            <table className="table" data-testid="quarterly-report">
              <thead>
                <tr>
                  <th scope="col">{t('stats.indicator')}</th>
                  <th scope="col">{t('stats.value')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => {
                  const title = t('stats.drillTitle', { indicator: `${pick(l.indicatorName)}${l.breakdown ? ` (${l.breakdown})` : ''}`, park: where, quarter: report.data!.quarter });
                  return (
                    <tr key={`${l.indicator}|${l.breakdown}`} data-indicator={l.indicator}>
                      <th scope="row">
                        {pick(l.indicatorName)}
                        {l.breakdown && <span className="muted small"> {l.breakdown}</span>}
                      </th>
                      <td>
                        {l.figureId ? (
                          <button type="button" className="link-button" aria-expanded={drill?.title === title} aria-label={`${pick(l.indicatorName)}${l.breakdown ? ` ${l.breakdown}` : ''}: ${fmt(l.value)}`} onClick={() => setDrill({ title, ids: [l.figureId] })}>
                            {fmt(l.value)}
                          </button>
                        ) : (
                          fmt(l.value)
                        )}
                        <span className="muted small" title={t('stats.records', { count: l.recordCount })}>
                          {' '}
                          ({t('stats.recordCount', { count: l.recordCount })})
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {drill && <FigureDrillDown title={drill.title} figureIds={drill.ids} onClose={() => setDrill(null)} />}
        </>
      )}
    </section>
  );
}
