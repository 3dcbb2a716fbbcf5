import { useState } from 'react';
import { api, ApiError } from '../api';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { EmptyState, ErrorNotice, Loading, Notice, StatusBadge } from './feedback.component';
import { invalidate, useApiQuery } from '../query';

interface Proposal {
  id: string;
  proposerOrgName: string;
  approach: string;
  price: number | null;
  timeline: string;
  status: string;
  createdAt: string;
}

/** The enterprise's view of the solution proposals (揭榜) on its demand: shortlist, then award one. */
export function Proposals({ demandId }: { demandId: string }) {
  const { t, lang } = useI18n();
  const list = useApiQuery<Proposal[]>(`demands/${demandId}/proposals`);
  const [error, setError] = useState<string | null>(null);
  const act = async (p: Proposal, action: 'shortlist' | 'award') => {
    setError(null);
    try {
      await api.post(`proposals/${p.id}/${action}`);
      void invalidate(`demands/${demandId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  // Only the enterprise (and platform staff) may read proposals; others simply do not see the section.
  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) return null;
  return (
    <section className="matches" aria-labelledby={`proposals-${demandId}`} data-testid="proposals">
      <h2 id={`proposals-${demandId}`}>{t('demand.proposals')}</h2>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {error && <Notice kind="error">{error}</Notice>}
      {list.data && list.data.length === 0 && <EmptyState>{t('demand.proposalsEmpty')}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <ul className="cards">
          {list.data.map((p) => (
            <li key={p.id} className="card" data-testid="proposal-item" data-status={p.status}>
              <div className="card__head">
                <h3 className="card__title">{p.proposerOrgName}</h3>
                <StatusBadge status={p.status} />
              </div>
              <p className="prewrap">{p.approach}</p>
              <p className="card__meta">
                <span>{p.timeline}</span>
                <span>{formatMoney(p.price, lang, t('common.negotiable'))}</span>
                <span>{formatDate(p.createdAt, lang)}</span>
              </p>
              <div className="card__actions">
                {p.status === 'submitted' && (
                  <button type="button" className="btn btn--small" onClick={() => act(p, 'shortlist')}>
                    {t('demand.shortlist')}
                  </button>
                )}
                {(p.status === 'submitted' || p.status === 'shortlisted') && (
                  <button type="button" className="btn btn--small btn--primary" onClick={() => act(p, 'award')}>
                    {t('demand.award')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
