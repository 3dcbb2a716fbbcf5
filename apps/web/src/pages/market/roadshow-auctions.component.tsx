import type { components } from '../../api/schema.gen';
import { StatusBadge } from '../../components/feedback.component';
import { formatDateTime, formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { useApiQuery } from '../../query';
import { Link } from '../../router';

type Auction = components['schemas']['AuctionResponse'];

/** The live auctions held as sessions of a roadshow event, each a link to its auction room (shown on the event's page). */
export function RoadshowAuctions({ eventId }: { eventId: string }) {
  const { t, lang } = useI18n();
  const auctions = useApiQuery<Auction[]>(`market/roadshows/${eventId}/auctions`);
  if (!auctions.data?.length) return null;
  return (
    <section className="panel" aria-labelledby="roadshow-auctions" data-testid="roadshow-auctions">
      <h2 id="roadshow-auctions">{t('market.roadshowAuctions')}</h2>
      <ul className="plain-list">
        {auctions.data.map((a) => (
          <li key={a.id}>
            <Link href={`/market/auctions/${a.id}`}>{t('market.auction.title')}</Link> <StatusBadge status={a.status} />{' '}
            <span className="small muted">{formatDateTime(a.startsAt, lang)} · {t('market.auction.current')} {formatMoney(a.highAmount ?? a.startPrice, lang, '')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
