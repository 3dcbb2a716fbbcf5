import { useState } from 'react';
import { FavouriteButton } from '../components/favourite-button.component';
import { api, ApiError } from '../api';
import { Attachments } from '../components/attachments.component';
import { ErrorNotice, Loading, Notice, StatusBadge } from '../components/feedback.component';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { AchievementView } from '../types';
import { useApiQuery } from '../query';

export function AchievementPage({ id }: { id: string }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const a = useApiQuery<AchievementView>(`achievements/${encodeURIComponent(id)}`);
  const [interest, setInterest] = useState<number | null>(null);

  if (a.isLoading) return <Loading />;
  if (a.error instanceof ApiError && (a.error.status === 404 || a.error.status === 400)) {
    return (
      <section>
        <h1>{t('achievement.notFound')}</h1>
        <Link href="/">{t('common.back')}</Link>
      </section>
    );
  }
  if (a.error || !a.data) return <ErrorNotice error={a.error} onRetry={a.refetch} />;
  const x = a.data;
  const rows: Array<[string, string]> = [
    [t('achievement.industry'), pick(labels.get(`industry:${x.industry}`)) || x.industry],
    [t('achievement.field'), x.field ? pick(labels.get(`field:${x.field}`)) || x.field : t('common.none')],
    [t('achievement.trl'), `TRL ${x.trl} · ${pick(labels.get(`trl:${x.trl}`))}`],
    [t('achievement.stage'), pick(labels.get(`stage:${x.stage}`)) || x.stage],
    [t('achievement.transferModes'), x.transferModes.map((m) => pick(labels.get(`mode:${m}`)) || m).join('、') || t('common.none')],
    [t('achievement.askingPrice'), formatMoney(x.askingPrice, lang, t('common.negotiable'))],
    [t('achievement.patents'), x.patents.join(', ') || t('common.none')],
    [t('achievement.publishedAt'), formatDate(typeof x.publishedAt === 'number' ? new Date(x.publishedAt).toISOString() : x.publishedAt, lang)],
  ];
  return (
    <article className="detail" aria-labelledby="detail-title">
      <p className="breadcrumb">
        <Link href="/">{t('nav.home')}</Link> › {t('home.tabAchievements')}
      </p>
      <h1 id="detail-title">{x.title}</h1>
      <p className="detail__owner">
        {t('achievement.owner')}{t('common.colon')}<strong>{x.owner.id ? <Link href={`/profiles/${x.owner.id}`}>{x.owner.name}</Link> : x.owner.name}</strong>
        {x.owner && <> · {t(`orgType.${x.owner.type}` as 'orgType.other')} · {t(`region.${x.owner.region}` as 'region.other')}</>}
        {x.status !== 'published' && <> · <StatusBadge status={x.status} /></>}
      </p>
      {x.status === 'published' && <FavouriteButton subject="achievement" targetId={x.id} />}
      {x.status === 'published' && !!session && session.organisation.id === x.owner?.id && (
        <Link className="btn btn--small" href={`/market/listings/new?achievementId=${x.id}`} data-testid="list-on-market">{t('market.form.new')}</Link>
      )}
      {x.keywords.length > 0 && (
        <ul className="tags" aria-label={t('achievement.keywords')}>
          {x.keywords.map((k) => (
            <li key={k} className="tag">
              {k}
            </li>
          ))}
        </ul>
      )}
      <div className="detail__grid">
        <section>
          <h2>{t('achievement.summary')}</h2>
          <p className="prewrap">{x.summary}</p>
          <Attachments achievementId={x.id} owner={!!session && session.organisation.id === x.owner?.id} />
        </section>
        <aside className="panel">
          <dl className="facts">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <h2>{t('achievement.contact')}</h2>
          {x.contact ? (
            <p>
              {[x.contact.name, x.contact.phone, x.contact.email].filter(Boolean).join(' · ')}
            </p>
          ) : (
            <p className="muted">{session ? t('common.none') : t('achievement.contactHidden')}</p>
          )}
          {session && x.status === 'published' && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => api.post<{ interestCount: number }>(`achievements/${x.id}/interest`).then((r) => setInterest(r.interestCount), () => undefined)}
            >
              {t('achievement.interest')}
            </button>
          )}
          {interest !== null && <Notice>{t('achievement.interested', { count: interest })}</Notice>}
        </aside>
      </div>
    </article>
  );
}
