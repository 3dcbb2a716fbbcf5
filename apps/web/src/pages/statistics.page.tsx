import { useState } from 'react';
import { api, ApiError } from '../api';
import { BarChart } from '../components/bar-chart.component';
import { ErrorNotice, Loading } from '../components/feedback.component';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';

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
  rankChange: number | null;
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
  const targets = useAsync(() => api.get<Target[]>('monitoring/targets'), []);
  const index = useAsync(
    () =>
      api.get<IndexResponse>(`monitoring/innovation-index/${year}`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [year],
  );
  const selected = index.data?.parks.find((p) => p.park === park) ?? null;
  const withFigures = (targets.data ?? []).filter((x) => x.actual !== null);

  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>

      <h2>{t('stats.targets')}</h2>
      {targets.loading && <Loading />}
      {!!targets.error && <ErrorNotice error={targets.error} onRetry={targets.reload} />}
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
      {index.loading && <Loading />}
      {!!index.error && <ErrorNotice error={index.error} onRetry={index.reload} />}
      {!index.loading && !index.error && !index.data && <p className="empty">{t('stats.indexEmpty', { year })}</p>}
      {index.data && (
        <>
          <p className="small muted">{t('stats.drill')}</p>
          <BarChart
            title={`${t('stats.index')} · ${index.data.year}`}
            max={100}
            selected={park}
            onSelect={(k) => setPark(k === park ? null : k)}
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
    </section>
  );
}
