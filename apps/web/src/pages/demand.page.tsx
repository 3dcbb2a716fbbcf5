import { ApiError } from '../api';
import { FavouriteButton } from '../components/favourite-button.component';
import { ErrorNotice, Loading, StatusBadge } from '../components/feedback.component';
import { MatchList } from '../components/match-list.component';
import { Proposals } from '../components/proposals.component';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { DemandListItem } from '../types';
import { useApiQuery } from '../query';

export function DemandPage({ id }: { id: string }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const d = useApiQuery<DemandListItem>(`demands/${encodeURIComponent(id)}`);
  if (d.isLoading) return <Loading />;
  if (d.error instanceof ApiError && (d.error.status === 404 || d.error.status === 400)) {
    return (
      <section>
        <h1>{t('demand.notFound')}</h1>
        <Link href="/?scope=demands">{t('common.back')}</Link>
      </section>
    );
  }
  if (d.error || !d.data) return <ErrorNotice error={d.error} onRetry={d.refetch} />;
  const x = d.data;
  return (
    <article className="detail" aria-labelledby="detail-title">
      <p className="breadcrumb">
        <Link href="/?scope=demands">{t('home.tabDemands')}</Link>
      </p>
      <h1 id="detail-title">{x.title}</h1>
      <p className="card__meta">
        <span className="tag">{pick(labels.get(`industry:${x.industry}`)) || x.industry}</span>
        {x.field && <span className="tag">{pick(labels.get(`field:${x.field}`)) || x.field}</span>}
        {x.park && <span className="tag">{pick(labels.get(`park:${x.park}`)) || x.park}</span>}
        {!x.redacted && <StatusBadge status={x.status} />}
      </p>
      {!x.redacted && (x.status === 'published' || x.status === 'in-negotiation') && <FavouriteButton subject="demand" targetId={x.id} />}
      {x.redacted ? (
        <div className="empty">
          <p>{t('demand.redacted', { who: t(`demand.audience.${x.visibility}`) })}</p>
          {!session && (
            <Link className="btn btn--primary" href="/sign-in">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      ) : (
        <div className="detail__grid">
          <section>
            <h2>{t('demand.description')}</h2>
            <p className="prewrap">{x.description}</p>
          </section>
          <aside className="panel">
            <dl className="facts">
              <div>
                <dt>{t('demand.enterprise')}</dt>
                <dd>{x.enterprise.name}</dd>
              </div>
              <div>
                <dt>{t('demand.budget')}</dt>
                <dd>{formatMoney(x.budget, lang, t('common.negotiable'))}</dd>
              </div>
              <div>
                <dt>{t('demand.minTrl')}</dt>
                <dd>{x.minTrl ? `TRL ${x.minTrl}` : t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('demand.cooperationModes')}</dt>
                <dd>{x.cooperationModes.map((m) => pick(labels.get(`mode:${m}`)) || m).join('、') || t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('demand.deadline')}</dt>
                <dd>{x.deadline ? formatDate(x.deadline, lang) : t('common.none')}</dd>
              </div>
            </dl>
          </aside>
        </div>
      )}
      {!x.redacted && (x.status === 'published' || x.status === 'in-negotiation') && <MatchList demandId={x.id} />}
      {!x.redacted && session && session.organisation.id === x.enterprise.id && <Proposals demandId={x.id} />}
    </article>
  );
}
