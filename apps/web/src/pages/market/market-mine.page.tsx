import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, StatusBadge } from '../../components/feedback.component';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';

type IntentPage = components['schemas']['IntentPageResponse'];

/** My organisation's intents (and through their listings, the auctions it may bid at). */
export function MarketMinePage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const intents = useApiQuery<IntentPage>('market/intents/mine', { pageSize: 100 }, { enabled: !!session });
  if (!session) return <EmptyState action={{ href: '/sign-in', label: t('nav.signIn') }}>{t('market.lead')}</EmptyState>;
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{t('market.mine.title')}</h1>
      <h2>{t('market.mine.intents')}</h2>
      {intents.isLoading && <Loading />}
      {!!intents.error && <ErrorNotice error={intents.error} />}
      {intents.data && intents.data.items.length === 0 && <EmptyState>{t('market.mine.empty')}</EmptyState>}
      <ul className="plain-list">
        {intents.data?.items.map((i) => (
          <li key={i.id} className="card" data-testid="my-intent">
            <Link href={`/market/listings/${i.listingId}`}>{i.message}</Link> <StatusBadge status={i.status} />{' '}
            <span className="small muted">{formatDateTime(i.createdAt, lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
