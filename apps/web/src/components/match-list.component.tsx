import { useState } from 'react';
import { api, ApiError, hasRole } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { AchievementMatch } from '../types';
import { MatchReasons, MatchScore } from './match-score.component';
import { EmptyState, ErrorNotice, Loading, Notice } from './feedback.component';
import { useApiQuery } from '../query';

/** Achievements matching a demand, each with its score and the reasons behind it; brokers can take a pair into their pipeline. */
export function MatchList({ demandId, limit = 10 }: { demandId: string; limit?: number }) {
  const { t, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const matches = useApiQuery<{ items: AchievementMatch[] }>(`demands/${demandId}/matches`, { limit });
  const [taken, setTaken] = useState<Record<string, string>>({});
  const broker = hasRole(session, 'broker');

  const take = async (achievementId: string) => {
    try {
      await api.post('matches', { demandId, achievementId });
      setTaken((x) => ({ ...x, [achievementId]: t('ws.broker.moved', { state: t('match.suggested') }) }));
    } catch (e) {
      setTaken((x) => ({ ...x, [achievementId]: e instanceof ApiError ? e.message : String(e) }));
    }
  };

  return (
    <section className="matches" aria-label={t('ws.enterprise.matches')} data-testid="matches">
      <h4>{t('ws.enterprise.matches')}</h4>
      {matches.isLoading && <Loading />}
      {matches.error instanceof ApiError && matches.error.status === 404 ? (
        <p className="muted">{t('ws.enterprise.matchesUnavailable')}</p>
      ) : (
        !!matches.error && <ErrorNotice error={matches.error} onRetry={matches.refetch} />
      )}
      {matches.data && matches.data.items.length === 0 && <EmptyState>{t('ws.enterprise.matchesEmpty')}</EmptyState>}
      {matches.data && matches.data.items.length > 0 && (
        <ol className="match-list">
          {matches.data.items.map((m) => (
            <li key={m.achievement.id} className="match" data-testid="match-item">
              <div className="match__head">
                <Link href={`/achievements/${m.achievement.id}`} className="match__title">
                  {m.achievement.title}
                </Link>
                <MatchScore score={m.score} />
              </div>
              <p className="card__meta">
                <span className="tag">{pick(labels.get(`industry:${m.achievement.industry}`)) || m.achievement.industry}</span>
                <span className="tag">TRL {m.achievement.trl}</span>
                <span>{m.achievement.owner.name}</span>
              </p>
              <MatchReasons reasons={m.reasons} concerns={m.concerns} />
              {broker && (
                <div className="card__actions">
                  <button type="button" className="btn btn--small" onClick={() => take(m.achievement.id)}>
                    {t('ws.broker.take')}
                  </button>
                  {taken[m.achievement.id] && <Notice kind="info">{taken[m.achievement.id]}</Notice>}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
