import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { invalidate } from '../query';
import { useSession } from '../session';

/** Adds an achievement or demand to the signed-in user's favourites (adding twice is harmless). */
export function FavouriteButton({ subject, targetId }: { subject: 'achievement' | 'demand'; targetId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!session) return null;
  const add = async () => {
    setError(null);
    try {
      await api.post('favourites', { subject, targetId });
      setDone(true);
      await invalidate('favourites');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <button type="button" className="btn btn--small" aria-pressed={done} disabled={done} onClick={() => void add()}>
        {done ? `★ ${t('watch.favourited')}` : `☆ ${t('watch.favourite')}`}
      </button>
      {error && <span className="field-error">{error}</span>}
    </>
  );
}
