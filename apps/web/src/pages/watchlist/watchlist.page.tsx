import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/feedback.component';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';

type SavedSearchPage = components['schemas']['SavedSearchPageResponse'];
type SavedSearch = components['schemas']['SavedSearchResponse'];
type FavouritePage = components['schemas']['FavouritePageResponse'];
type EmailPreferences = components['schemas']['EmailPreferencesResponse'];

/** The home page's search that a saved search repeats. */
function searchHref(s: SavedSearch): string {
  const params = new URLSearchParams();
  if (s.subject === 'demand') params.set('scope', 'demands');
  for (const [k, v] of Object.entries(s.criteria)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return `/?${params.toString()}`;
}

/** Favourites, saved searches (alerts on or off) and e-mail choices of the signed-in user. */
export function WatchlistPage() {
  const { t } = useI18n();
  const session = useSession();
  if (!session) {
    return (
      <EmptyState action={{ href: '/sign-in', label: t('nav.signIn') }}>
        {t('watch.lead')}
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="watch-title">
      <h1 id="watch-title">{t('watch.title')}</h1>
      <p className="muted">{t('watch.lead')}</p>
      <SavedSearches />
      <Favourites />
      <EmailChoices />
    </section>
  );
}

function SavedSearches() {
  const { t, lang } = useI18n();
  const list = useApiQuery<SavedSearchPage>('saved-searches', { pageSize: 100 });
  const [error, setError] = useState<unknown>(null);
  const act = async (work: Promise<unknown>) => {
    setError(null);
    try {
      await work;
      await invalidate('saved-searches');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="panel" data-testid="saved-searches">
      <h2>{t('watch.savedSearches')}</h2>
      {list.isLoading && <Loading />}
      {!!(list.error || error) && <ErrorNotice error={list.error ?? error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('watch.savedSearchesEmpty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <ul className="plain-list">
          {list.data.items.map((s) => (
            <li key={s.id} className="card" data-testid="saved-search">
              <strong>{s.name}</strong> <span className="badge">{t(`watch.subject.${s.subject}`)}</span>{' '}
              {s.lastAlertedAt && (
                <span className="small muted">
                  {t('watch.lastAlerted')}
                  {t('common.colon')}
                  {formatDateTime(s.lastAlertedAt, lang)}
                </span>
              )}
              <div className="actions">
                <label>
                  <input type="checkbox" checked={s.alert} onChange={(e) => void act(api.patch(`saved-searches/${s.id}`, { alert: e.target.checked }))} /> {t('watch.alert')}
                </label>
                <Link href={searchHref(s)}>{t('watch.run')}</Link>
                <button type="button" className="btn btn--small" onClick={() => void act(api.request('DELETE', `saved-searches/${s.id}`))}>
                  {t('watch.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Favourites() {
  const { t } = useI18n();
  const list = useApiQuery<FavouritePage>('favourites', { pageSize: 100 });
  const remove = async (id: string) => {
    await api.request('DELETE', `favourites/${id}`);
    await invalidate('favourites');
  };
  return (
    <div className="panel" data-testid="favourites">
      <h2>{t('watch.favourites')}</h2>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('watch.favouritesEmpty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <ul className="plain-list">
          {list.data.items.map((f) => (
            <li key={f.id}>
              <span className="badge">{t(`watch.subject.${f.subject}`)}</span>{' '}
              {f.available ? <Link href={`/${f.subject === 'demand' ? 'demands' : 'achievements'}/${f.targetId}`}>{f.title}</Link> : `${f.title} ${t('watch.unavailable')}`}{' '}
              <button type="button" className="btn btn--small" onClick={() => void remove(f.id)}>
                {t('watch.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EmailChoices() {
  const { t, pick } = useI18n();
  const prefs = useApiQuery<EmailPreferences>('notifications/email-preferences');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = async (category: string, email: boolean) => {
    setError(null);
    try {
      await api.request('PUT', 'notifications/email-preferences', { body: { categories: [{ category, email }] } });
      await invalidate('notifications/email-preferences');
      setNotice(t('watch.emailSaved'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div className="panel" data-testid="email-preferences">
      <h2>{t('watch.email')}</h2>
      {prefs.isLoading && <Loading />}
      {!!prefs.error && <ErrorNotice error={prefs.error} onRetry={prefs.refetch} />}
      {prefs.data && !prefs.data.emailAvailable && <p className="muted">{t('watch.emailUnavailable')}</p>}
      {prefs.data && prefs.data.emailAvailable && (
        <>
          <p className="muted">{t('watch.emailLead')}</p>
          {notice && <Notice>{notice}</Notice>}
          {error && <Notice kind="error">{error}</Notice>}
          <ul className="plain-list">
            {prefs.data.categories.map((c) => (
              <li key={c.category}>
                <label>
                  <input type="checkbox" checked={c.email} onChange={(e) => void change(c.category, e.target.checked)} /> {pick(c.label)}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
