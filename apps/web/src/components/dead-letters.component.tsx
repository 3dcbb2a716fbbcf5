import { useState } from 'react';
import { api, ApiError, Page } from '../api';
import { useI18n } from '../i18n';
import { invalidate, useApiQuery } from '../query';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination } from './feedback.component';
import { formatDateTime } from '../format';

interface DeadLetter {
  id: string;
  kind: 'index' | 'job';
  target: string;
  key: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deadAt: string;
}

const PAGE_SIZE = 20;

/** Outbox messages that failed every delivery attempt: what each was for, why it failed, and a way to send it again. */
export function DeadLettersPanel() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const list = useApiQuery<Page<DeadLetter>>('outbox/dead-letters', { page, pageSize: PAGE_SIZE });
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const retry = async (path: string) => {
    setBusy(true);
    setNotice(null);
    try {
      const { retried } = await api.post<{ retried: string[] }>(path);
      setNotice({ kind: 'success', text: t('outbox.retried', { n: retried.length }) });
      void invalidate('outbox/dead-letters');
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const when = (iso: string) => formatDateTime(iso, lang);

  return (
    <section className="panel" aria-labelledby="dead-letters-title" data-testid="dead-letters">
      <h2 id="dead-letters-title">{t('outbox.title')}</h2>
      <p className="muted small">{t('outbox.hint')}</p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {list.isLoading && <Loading />}
      {list.error instanceof ApiError && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('outbox.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="form__actions">
            <button type="button" className="btn" disabled={busy} onClick={() => retry('outbox/dead-letters/retry')}>
              {t('outbox.retryAll', { n: list.data.total })}
            </button>
          </div>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('outbox.target')}</th>
                  <th scope="col">{t('outbox.error')}</th>
                  <th scope="col">{t('outbox.attempts')}</th>
                  <th scope="col">{t('outbox.deadAt')}</th>
                  <th scope="col">{t('outbox.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((d) => (
                  <tr key={d.id} data-testid="dead-letter-row">
                    <th scope="row">
                      {t(d.kind === 'index' ? 'outbox.kind.index' : 'outbox.kind.job')} <code>{d.target}</code>
                      {d.key && <span className="muted small"> {d.key}</span>}
                    </th>
                    <td className="small">{d.lastError}</td>
                    <td>{d.attempts}</td>
                    <td className="small">{when(d.deadAt)}</td>
                    <td>
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => retry(`outbox/dead-letters/${d.id}/retry`)} aria-label={`${t('outbox.retry')}: ${d.target} ${d.key ?? ''}`}>
                        {t('outbox.retry')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}
