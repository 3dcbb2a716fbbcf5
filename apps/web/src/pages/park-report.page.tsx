import { FormEvent, useState } from 'react';
import { api, ApiError, hasRole, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Notice } from '../components/feedback.component';
import { RequireSession } from '../components/require-session.component';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useTaxonomy } from '../taxonomy';
import { invalidate, useApiQuery } from '../query';

interface Indicator {
  code: string;
  name: { zh: string; en: string };
  unit: string;
  source: 'computed' | 'entered';
}
interface Quarter {
  code: string;
  status: 'open' | 'published';
}
interface Entry {
  id: string;
  park: string;
  indicator: string;
  value: number;
  status: 'submitted' | 'approved' | 'returned';
  returnReason: string | null;
}

/**
 * Quarterly monitoring: a park administration enters the figures no context computes, for an open quarter;
 * platform administrators approve or return them before the quarter is published.
 */
export function ParkReportWorkspace() {
  return (
    <RequireSession orgTypes={['park-administration']}>
      <ParkReport />
    </RequireSession>
  );
}

function ParkReport() {
  const { t, pick } = useI18n();
  const session = useSession();
  const taxonomy = useTaxonomy();
  const admin = hasRole(session, 'platform-admin');
  const quarters = useApiQuery<Page<Quarter>>('monitoring/quarters', { pageSize: 20 });
  const indicators = useApiQuery<Indicator[]>('monitoring/indicators');
  const open = (quarters.data?.items ?? []).filter((q) => q.status === 'open');
  const [chosenQuarter, setQuarter] = useState('');
  // Until one is chosen, the first open quarter.
  const quarter = chosenQuarter || open[0]?.code || '';
  const [park, setPark] = useState(session?.organisation.parkCode ?? '');
  const entries = useApiQuery<Entry[]>(`monitoring/quarters/${quarter}/entries`, { park }, { enabled: !!quarter && !!park });
  // What the user typed over the stored figures; cleared when the quarter or park changes and after saving.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const values: Record<string, string> = { ...Object.fromEntries((entries.data ?? []).map((e) => [e.indicator, String(e.value)])), ...edits };
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const entered = (indicators.data ?? []).filter((i) => i.source === 'entered');
  const entryOf = (code: string) => entries.data?.find((e) => e.indicator === code);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const list = Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([indicator, v]) => ({ indicator, value: Number(v) }));
    if (list.some((x) => !Number.isFinite(x.value))) {
      setMessage({ kind: 'error', text: t('park.numberRequired') });
      return;
    }
    if (!list.length) return;
    setFieldErrors({});
    try {
      await api.request('PUT', `monitoring/quarters/${quarter}/parks/${park}/entries`, { body: { entries: list } });
      setMessage({ kind: 'success', text: t('park.saved') });
      await invalidate('monitoring');
      setEdits({});
    } catch (err) {
      if (err instanceof ApiError) {
        // details[].field is entries[i].value: map the index back to the indicator's input.
        const byIndicator: Record<string, string> = {};
        for (const d of err.details) {
          const m = /^entries\[(\d+)\]/.exec(d.field);
          if (m && list[Number(m[1])]) byIndicator[list[Number(m[1])].indicator] = d.message;
        }
        setFieldErrors(byIndicator);
        setMessage({ kind: 'error', text: err.message });
      } else setMessage({ kind: 'error', text: String(err) });
    }
  };
  const review = async (entry: Entry, action: 'approve' | 'return') => {
    try {
      await api.post(`monitoring/entries/${entry.id}/${action}`, action === 'return' ? { reason: t('park.defaultReturnReason') } : {});
      void invalidate('monitoring');
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  };

  if (quarters.isLoading || indicators.isLoading) return <Loading />;
  if (quarters.error || indicators.error) return <ErrorNotice error={quarters.error ?? indicators.error} />;
  return (
    <section aria-labelledby="park-title">
      <h1 id="park-title">{t('park.title')}</h1>
      {open.length === 0 ? (
        <EmptyState>{t('park.noOpenQuarter')}</EmptyState>
      ) : (
        <form onSubmit={submit} className="panel" aria-label={t('park.title')}>
          <div className="form form--two">
            <div className="field">
              <label htmlFor="park-quarter">{t('park.quarter')}</label>
              <select id="park-quarter" value={quarter} onChange={(e) => {
                  setQuarter(e.target.value);
                  setEdits({});
                }}>
                {open.map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.code}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="park-park">{t('demand.park')}</label>
              <select id="park-park" value={park} onChange={(e) => {
                  setPark(e.target.value);
                  setEdits({});
                }} disabled={!admin && !!session?.organisation.parkCode}>
                <option value="">{t('form.choose')}</option>
                {taxonomy.parks.map((p) => (
                  <option key={p.code} value={p.code}>
                    {pick(p)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {entries.isLoading && <Loading />}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('park.indicator')}</th>
                <th scope="col">{t('park.value')}</th>
                <th scope="col">{t('achievement.status')}</th>
              </tr>
            </thead>
            <tbody>
              {entered.map((i) => {
                const entry = entryOf(i.code);
                return (
                  <tr key={i.code}>
                    <td>
                      <label htmlFor={`ind-${i.code}`}>{pick(i.name)}</label> <span className="small muted">({i.unit})</span>
                    </td>
                    <td>
                      <input
                        id={`ind-${i.code}`}
                        inputMode="decimal"
                        value={values[i.code] ?? ''}
                        onChange={(e) => setEdits({ ...edits, [i.code]: e.target.value })}
                        disabled={entry?.status === 'approved'}
                        aria-invalid={!!fieldErrors[i.code]}
                        aria-describedby={fieldErrors[i.code] ? `ind-${i.code}-error` : undefined}
                      />
                      {fieldErrors[i.code] && (
                        <p className="field__error" id={`ind-${i.code}-error`} data-field-error>
                          {fieldErrors[i.code]}
                        </p>
                      )}
                    </td>
                    <td>
                      {entry ? t(`park.status.${entry.status}`) : ''}
                      {entry?.returnReason && <p className="field__error">{entry.returnReason}</p>}
                      {admin && entry?.status === 'submitted' && (
                        <span className="rank-buttons">
                          <button type="button" className="btn btn--small" onClick={() => review(entry, 'approve')}>
                            {t('park.approve')}
                          </button>
                          <button type="button" className="btn btn--small btn--ghost" onClick={() => review(entry, 'return')}>
                            {t('park.return')}
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={!park || !quarter}>
              {t('park.submit')}
            </button>
          </div>
          {message && <Notice kind={message.kind}>{message.text}</Notice>}
        </form>
      )}
    </section>
  );
}
