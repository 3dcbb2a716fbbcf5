import { useState } from 'react';
import { Page } from '../api';
import { ErrorNotice, Loading } from './feedback.component';
import { FigureDrillDown } from './figure-drill-down.component';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { useTaxonomy } from '../taxonomy';
import { useApiQuery } from '../query';
import { unitLabel } from './statistics-charts.component';

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

/** The published quarter's figures, zone or one park; each value opens the records behind it. */
export function QuarterlyReport() {
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
  const fmt = (v: number | null) => formatNumber(v, lang);
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
                  <th scope="col">{t('charts.unit')}</th>
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
                      <td>{unitLabel(l.unit, t)}</td>
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
