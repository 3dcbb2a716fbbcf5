import { useState } from 'react';
import { api, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../components/feedback.component';
import { RequireSession } from '../components/require-session.component';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { invalidate, useApiQuery } from '../query';
import { formatDateTime } from '../format';

interface NotificationItem {
  id: string;
  kind: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  read: boolean;
  createdAt: string;
}

const PAGE_SIZE = 20;

export function NotificationsPage() {
  return (
    <RequireSession>
      <Notifications />
    </RequireSession>
  );
}

function Notifications() {
  const { t, lang, pick } = useI18n();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useApiQuery<Page<NotificationItem>>('notifications', { page, pageSize: PAGE_SIZE, unread: unreadOnly || undefined });

  const open = async (n: NotificationItem) => {
    if (!n.read) await api.post(`notifications/${n.id}/read`).catch(() => undefined);
    // The list and the header's unread count both read under `notifications`.
    void invalidate('notifications');
    if (n.link && n.link.startsWith('/')) navigate(n.link);
  };

  return (
    <section aria-labelledby="notifications-title">
      <div className="ws-head">
        <h1 id="notifications-title">{t('notifications.title')}</h1>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />
          {t('notifications.unreadOnly')}
        </label>
      </div>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('notifications.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <ul className="cards">
          {list.data.items.map((n) => (
            <li key={n.id} className={`card${n.read ? '' : ' card--unread'}`} data-testid="notification">
              <button type="button" className="linklike card__title" onClick={() => open(n)}>
                {!n.read && <span className="visually-hidden">{t('notifications.unread')}{t('common.colon')}</span>}
                {pick(n.title)}
              </button>
              <p className="card__summary">{pick(n.body)}</p>
              <p className="small muted">{formatDateTime(n.createdAt, lang)}</p>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}
