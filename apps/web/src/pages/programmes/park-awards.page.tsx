import { useState } from 'react';
import { api, hasRole } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading } from '../../components/feedback.component';
import { useI18n } from '../../i18n';
import { apiKey, invalidate, nullIfMissing, useLoader } from '../../query';
import { useSession } from '../../session';

type Awards = components['schemas']['ParkAwardsResponse'];

/** Platform administrators propose the year's park awards, leave a park out with a reason if need be, and publish. */
export function ParkAwardsPage() {
  const { t, pick } = useI18n();
  const session = useSession();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const path = `park-awards/${year}`;
  const awards = useLoader(apiKey(path), () => nullIfMissing(api.get<Awards>(path)), { enabled: hasRole(session, 'platform-admin') });
  const [excluded, setExcluded] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!hasRole(session, 'platform-admin')) return <EmptyState>{t('awards.adminOnly')}</EmptyState>;
  const act = async (what: 'proposal' | 'confirmation') => {
    setError(null);
    try {
      const body = what === 'confirmation' ? { excluded: Object.entries(excluded).filter(([, r]) => r.trim().length >= 2).map(([park, reason]) => ({ park, reason })) } : {};
      await api.post(`${path}/${what}`, body);
      setExcluded({});
      await invalidate(path);
    } catch (e) {
      setError(e);
    }
  };
  const data = awards.data;
  return (
    <section aria-labelledby="awards-title">
      <h1 id="awards-title">{t('awards.title')}</h1>
      <p className="muted">{t('awards.lead')}</p>
      <label className="inline-field">
        {t('awards.year')}
        <input type="number" min={2016} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label={t('awards.year')} />
      </label>{' '}
      <button type="button" className="btn" onClick={() => act('proposal')} disabled={data?.status === 'published'}>
        {t('awards.propose')}
      </button>
      {!!error && <ErrorNotice error={error} />}
      {awards.isLoading && <Loading />}
      {!awards.isLoading && !data && <p className="empty">{t('awards.none')}</p>}
      {data && (
        <div className="panel" data-testid="awards">
          <p data-testid="awards-status">{t(`awards.status.${data.status}`)}</p>
          <table>
            <thead>
              <tr>
                <th>{t('awards.park')}</th>
                <th>{t('awards.combined')}</th>
                <th>{t('awards.awarded')}</th>
                <th>{t('awards.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.park} data-testid="award-entry">
                  <td>{pick(e.parkName)}</td>
                  <td>{e.combined}</td>
                  <td>{(data.status === 'published' ? e.awarded : e.proposed) ? '✓' : ''}</td>
                  <td>
                    {pick(e.reason)}
                    {data.status === 'proposed' && e.proposed && (
                      <input
                        aria-label={`${t('awards.excludeReason')} ${pick(e.parkName)}`}
                        placeholder={t('awards.excludeReason')}
                        value={excluded[e.park] ?? ''}
                        onChange={(ev) => setExcluded({ ...excluded, [e.park]: ev.target.value })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.status === 'proposed' && (
            <button type="button" className="btn" onClick={() => act('confirmation')}>
              {t('awards.confirm')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
