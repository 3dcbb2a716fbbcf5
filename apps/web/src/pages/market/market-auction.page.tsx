import { useEffect, useState } from 'react';
import { api, API_BASE } from '../../api';
import type { components } from '../../api/schema.gen';
import { ErrorNotice, Loading, Notice, StatusBadge } from '../../components/feedback.component';
import { formatMoney, formatTime } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';
import { timeLeft } from './market-format';

type Auction = components['schemas']['AuctionResponse'];
type Bid = components['schemas']['BidResponse'];
type Verification = components['schemas']['ChainVerificationResponse'];

/**
 * The auction room: the live price through server-sent events (EventSource on /market/auctions/:id/live), the
 * countdown to the (possibly extended) close, the bid form and the bid history by paddle number.
 */
export function MarketAuctionPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const auction = useApiQuery<Auction>(`market/auctions/${id}`);
  const bids = useApiQuery<Bid[]>(`market/auctions/${id}/bids`, { pageSize: 100 });
  const [now, setNow] = useState(() => Date.now());
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [verdict, setVerdict] = useState<Verification | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    // Every live event (a bid, the close, an offer, the sale) refreshes the room from the api.
    const source = typeof EventSource === 'undefined' ? null : new EventSource(`${API_BASE}/market/auctions/${id}/live`);
    const refresh = () => void invalidate(`market/auctions/${id}`);
    for (const type of ['bid', 'closed', 'offered', 'sold', 'unsold']) source?.addEventListener(type, refresh);
    return () => {
      clearInterval(timer);
      source?.close();
    };
  }, [id]);

  if (auction.isLoading) return <Loading />;
  if (auction.error || !auction.data) return <ErrorNotice error={auction.error} />;
  const a = auction.data;
  const open = a.status === 'announced' || a.status === 'live';
  const left = timeLeft(a.closesAt, now);
  const act = async (work: Promise<unknown>) => {
    setError(null);
    try {
      await work;
      await invalidate(`market/auctions/${id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="auction-title">
      <h1 id="auction-title">{t('market.auction.title')}</h1>
      <p><Link href={`/market/listings/${a.listingId}`}>←</Link> <StatusBadge status={a.status} /> {open && <span className="badge">{t('market.auction.live')}</span>}</p>
      <dl className="facts">
        <dt>{t('market.auction.current')}</dt><dd data-testid="auction-price">{formatMoney(a.highAmount ?? a.startPrice, lang, '')}</dd>
        <dt>{t('market.auction.minimum')}</dt><dd>{formatMoney(a.minimumNextBid, lang, '')}</dd>
        <dt>{t('market.auction.closesIn')}</dt>
        <dd data-testid="auction-countdown">{open ? `${left.h + left.d * 24}:${String(left.m).padStart(2, '0')}:${String(left.s).padStart(2, '0')}` : t('market.auction.closed')}</dd>
        <dt>{t('market.auction.extensions')}</dt><dd>{a.extensions} / {a.maxExtensions}</dd>
      </dl>
      {!!error && <ErrorNotice error={error} />}
      {session && open && (
        <div className="panel">
          <label>
            {t('market.auction.amount')} <input inputMode="decimal" value={amount} placeholder={String(a.minimumNextBid)} onChange={(e) => setAmount(e.target.value)} data-testid="bid-amount" />
          </label>
          <button type="button" className="btn" data-testid="bid-submit" onClick={() => void act(api.post(`market/auctions/${id}/bids`, { amount: Number(amount || a.minimumNextBid) }))}>
            {t('market.auction.bid')}
          </button>
        </div>
      )}
      {session && a.status === 'awaiting-confirmation' && (
        <button type="button" className="btn" onClick={() => void act(api.post(`market/auctions/${id}/confirm`))}>{t('market.auction.confirm')}</button>
      )}
      {a.contractId && <Notice>{t('market.auction.contract')}</Notice>}
      <h2>{t('market.auction.history')}</h2>
      <table className="table" data-testid="bid-history">
        <thead><tr><th>#</th><th>{t('market.auction.paddle')}</th><th>{t('market.auction.amount')}</th><th /></tr></thead>
        <tbody>
          {[...(bids.data ?? [])].reverse().map((b) => (
            <tr key={b.seq}><td>{b.seq}</td><td>{b.paddle}</td><td>{formatMoney(b.amount, lang, '')}</td><td className="small muted">{formatTime(b.placedAt)}</td></tr>
          ))}
        </tbody>
      </table>
      {!open && (
        <p>
          <button type="button" className="btn btn--small" onClick={() => void api.get<Verification>(`market/auctions/${id}/verify`).then(setVerdict, setError)}>{t('market.auction.verify')}</button>{' '}
          {verdict && (verdict.valid ? <span>{t('market.auction.chainValid')}</span> : <span>{t('market.auction.chainBroken')}</span>)}
        </p>
      )}
    </section>
  );
}
