import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { invalidate } from '../query';
import { Link } from '../router';
import { useSession } from '../session';
import { Notice } from './feedback.component';

/** The criteria each saved-search subject takes, as the home page's URL holds them. */
const CRITERIA: Record<'achievement' | 'demand', string[]> = {
  achievement: ['q', 'industry', 'trlMin', 'region', 'transferMode'],
  demand: ['q', 'industry', 'park', 'cooperationMode'],
};
const NUMERIC = new Set(['trlMin']);

/** Keeps the current search of achievements or demands, to alert the user when a new listing matches it. */
export function SaveSearch({ subject, query }: { subject: 'achievement' | 'demand'; query: URLSearchParams }) {
  const { t } = useI18n();
  const session = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!session) return null;
  const criteria = Object.fromEntries(
    CRITERIA[subject].flatMap((k) => {
      const v = query.get(k);
      return v ? [[k, NUMERIC.has(k) ? Number(v) : v]] : [];
    }),
  );
  if (Object.keys(criteria).length === 0) return null;
  const save = async () => {
    setError(null);
    const name = (query.get('q') ?? '').trim() || t(`watch.subject.${subject}`);
    try {
      const s = await api.post<{ name: string }>('saved-searches', { subject, name: name.slice(0, 100), ...criteria });
      setSaved(s.name);
      await invalidate('saved-searches');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div className="save-search" data-testid="save-search">
      {saved ? (
        <Notice>
          {t('watch.searchSaved', { name: saved })} <Link href="/watchlist">{t('watch.viewAll')}</Link>
        </Notice>
      ) : (
        <button type="button" className="btn btn--small" title={t('watch.saveSearchHint', { subject: t(`watch.subject.${subject}`) })} onClick={() => void save()}>
          {t('watch.saveSearch')}
        </button>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}
