import { api } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ErrorNotice, Loading, StatusBadge } from './feedback.component';
import { useLoader } from '../query';
import { formatDateTime } from '../format';

interface RecordRef {
  type: string;
  id: string;
}
interface Figure {
  id: string;
  quarter: string;
  park: string | null;
  indicator: string;
  breakdown: string;
  value: number | null;
  source: string;
  revision: number;
  note: string | null;
  records: RecordRef[];
  createdAt: string;
  supersededAt: string | null;
}
interface Entry {
  id: string;
  value: number;
  status: string;
  note: string | null;
  enteredAt: string;
}
export interface DrillDown {
  figure: Figure;
  entry: Entry | null;
  history: Figure[];
}

/** Records the portal has a page for link there; the others (contracts, institutions, entries) show their kind and id. */
const RECORD_PAGES: Record<string, string> = { achievement: '/achievements/', demand: '/demands/', roadshow: '/roadshows/', 'roadshow-event': '/roadshows/' };
const RECORD_NAMES: Record<string, { zh: string; en: string }> = {
  contract: { zh: '技术合同', en: 'Contract' },
  achievement: { zh: '科技成果', en: 'Achievement' },
  demand: { zh: '技术需求', en: 'Demand' },
  proposal: { zh: '解决方案', en: 'Proposal' },
  match: { zh: '对接', en: 'Match' },
  'monitoring-entry': { zh: '园区填报', en: 'Park entry' },
  'transfer-institution': { zh: '转移机构', en: 'Transfer institution' },
  broker: { zh: '技术经纪人', en: 'Broker' },
};

/** Where a figure comes from (monitoring's source column). */
const SOURCE_NAMES: Record<string, { zh: string; en: string }> = {
  computed: { zh: '平台业务数据计算', en: 'computed from platform records' },
  entered: { zh: '园区填报', en: 'entered by the park' },
  corrected: { zh: '更正', en: 'corrected' },
};

const MAX_RECORDS = 200;

/**
 * The figures behind one number: a quarterly report line (one figure id) or an annual index input (the quarters it
 * sums). Each shows its records, the park's entry when entered by hand, and every revision.
 */
export function FigureDrillDown({ title, figureIds, onClose }: { title: string; figureIds: string[]; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const data = useLoader(['monitoring', 'figures', figureIds.join(',')], () => Promise.all(figureIds.map((id) => api.get<DrillDown>(`monitoring/figures/${id}`))));
  const fmt = (v: number | null) => (v === null ? '—' : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'));
  const when = (iso: string) => formatDateTime(iso, lang);
  return (
    <section className="panel drill-down" role="region" aria-label={title} data-testid="drill-down">
      <div className="ws-head">
        <h3>{title}</h3>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          {t('stats.close')}
        </button>
      </div>
      {data.isLoading && <Loading />}
      {!!data.error && <ErrorNotice error={data.error} onRetry={data.refetch} />}
      {data.data?.map(({ figure, entry, history }) => (
        <div key={figure.id} data-testid="drill-figure">
          <p>
            <strong>{figure.quarter}</strong> · {t('stats.value')} <strong data-testid="drill-value">{fmt(figure.value)}</strong>{' '}
            <span className="muted small">
              {SOURCE_NAMES[figure.source] ? pick(SOURCE_NAMES[figure.source]) : figure.source} · {t('stats.revision', { n: figure.revision })}
              {figure.note ? ` · ${figure.note}` : ''}
            </span>
          </p>
          {entry && (
            <p className="small">
              {t('stats.entry')}{t('common.colon')}{fmt(entry.value)} <StatusBadge status={entry.status} /> {when(entry.enteredAt)}
              {entry.note ? ` · ${entry.note}` : ''}
            </p>
          )}
          <h4>{t('stats.records', { count: figure.records.length })}</h4>
          {figure.records.length === 0 ? (
            <p className="muted small">{t('stats.recordsEmpty')}</p>
          ) : (
            <ul className="records" data-testid="drill-records">
              {figure.records.slice(0, MAX_RECORDS).map((r) => {
                const label = RECORD_NAMES[r.type] ? pick(RECORD_NAMES[r.type]) : r.type;
                const href = RECORD_PAGES[r.type];
                return (
                  <li key={`${r.type}:${r.id}`} data-record-type={r.type}>
                    {label}{' '}
                    {href ? <Link href={`${href}${r.id}`}>{r.id}</Link> : <code className="small">{r.id}</code>}
                  </li>
                );
              })}
              {figure.records.length > MAX_RECORDS && <li className="muted">…</li>}
            </ul>
          )}
          {history.length > 1 && (
            <details>
              <summary>{t('stats.history')}</summary>
              <ol>
                {history.map((h) => (
                  <li key={h.id}>
                    {t('stats.revision', { n: h.revision })}{t('common.colon')}{fmt(h.value)} <span className="muted small">{when(h.createdAt)}{h.note ? ` · ${h.note}` : ''}</span>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </div>
      ))}
    </section>
  );
}
