import { ReactNode } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => unknown }) {
  const { t } = useI18n();
  // A lost connection or a proxy's error page must not reach users as "Failed to fetch" or HTML: say it in their language.
  const message = error instanceof ApiError ? error.message : t('common.serverError');
  return (
    <div className="notice notice--error" role="alert">
      <strong>{t('common.error')}</strong>
      {t('common.colon')}
      {message}
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={() => void onRetry()}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** An empty list says what to do next, with the action as a link when there is one. */
export function EmptyState({ children, action }: { children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="empty" data-testid="empty-state">
      <p>{children}</p>
      {action && (
        <Link className="btn btn--primary" href={action.href}>
          {action.label}
        </Link>
      )}
    </div>
  );
}

export function Notice({ kind = 'success', children }: { kind?: 'success' | 'info' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {children}
    </div>
  );
}

export function Pagination({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button type="button" className="btn btn--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ {t('common.prev')}
      </button>
      <span aria-live="polite">{t('common.pageOf', { page, pages, total })}</span>
      <button type="button" className="btn btn--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')} ›
      </button>
    </nav>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const label = t(`status.${status}` as Parameters<typeof t>[0]);
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {label.startsWith('status.') ? status : label}
    </span>
  );
}
