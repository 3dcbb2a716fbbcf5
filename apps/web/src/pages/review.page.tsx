import { useState } from 'react';
import { api, ApiError, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination } from '../components/feedback.component';
import { RequireSession } from '../components/require-session.component';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { AchievementView } from '../types';
import { invalidate, useApiQuery } from '../query';

const PAGE_SIZE = 10;

export function ReviewWorkspace() {
  return (
    <RequireSession roles={['reviewer']}>
      <ReviewQueue />
    </RequireSession>
  );
}

function ReviewQueue() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApiQuery<Page<AchievementView>>('achievements', { reviewQueue: true, page, pageSize: PAGE_SIZE });
  return (
    <section aria-labelledby="ws-title">
      <h1 id="ws-title">{t('ws.review.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('ws.review.empty')}</EmptyState>}
      {list.data && (
        <ul className="cards">
          {list.data.items.map((a) => (
            <ReviewCard
              key={a.id}
              a={a}
              onDone={(msg) => {
                setNotice(msg);
                void invalidate('achievements', 'search');
              }}
            />
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

function ReviewCard({ a, onDone }: { a: AchievementView; onDone: (msg: string) => void }) {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = `comment-${a.id}`;

  const decide = async (action: 'approve' | 'return') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`achievements/${a.id}/${action}`, comment.trim() ? { comment: comment.trim() } : {});
      onDone(t(action === 'approve' ? 'ws.review.approved' : 'ws.review.returned', { title: a.title }));
    } catch (e) {
      setError(e instanceof ApiError ? e.fieldErrors().comment ?? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" data-testid="review-item">
      <h2 className="card__title">
        <Link href={`/achievements/${a.id}`}>{a.title}</Link>
      </h2>
      <p className="card__meta">
        <span className="tag">{pick(labels.get(`industry:${a.industry}`)) || a.industry}</span>
        <span className="tag">TRL {a.trl}</span>
        <span>{a.owner?.name}</span>
        <span>{formatMoney(a.askingPrice, lang, t('common.negotiable'))}</span>
        {a.submittedAt && <span>{formatDate(a.submittedAt, lang)}</span>}
      </p>
      <p className="card__summary">{a.summary}</p>
      {!!a.qualityWarnings?.length && (
        <ul className="warnings" aria-label={t('ws.university.warnings')}>
          {a.qualityWarnings.map((w) => (
            <li key={w.code}>⚠ {pick(w)}</li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={commentId}>{t('ws.review.comment')}</label>
        <textarea id={commentId} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={`${commentId}-hint${error ? ` ${commentId}-error` : ''}`} aria-invalid={!!error} />
        <p className="field__hint" id={`${commentId}-hint`}>
          {t('ws.review.commentHint')}
        </p>
        {error && (
          <p className="field__error" id={`${commentId}-error`} role="alert" data-field-error>
            {error}
          </p>
        )}
      </div>
      <div className="card__actions">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => decide('approve')}>
          {t('ws.review.approve')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => decide('return')}>
          {t('ws.review.return')}
        </button>
      </div>
    </li>
  );
}
