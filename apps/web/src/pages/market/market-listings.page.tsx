import { useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination, StatusBadge } from '../../components/feedback.component';
import { formatDate, formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';
import { useTaxonomy } from '../../taxonomy';

type ListingPage = components['schemas']['ListingPageResponse'];
type Listing = components['schemas']['ListingResponse'];
type Auction = components['schemas']['AuctionResponse'];
type Band = components['schemas']['ValuationBandResponse'];

const MODES = ['transfer', 'exclusive', 'sole', 'non-exclusive'] as const;

/** Listings on the market with filters (industry, licence, keywords). */
export function MarketListingsPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const taxonomy = useTaxonomy();
  const [q, setQ] = useState('');
  const [industry, setIndustry] = useState('');
  const [mode, setMode] = useState('');
  const [page, setPage] = useState(1);
  const list = useApiQuery<ListingPage>('market/listings', { q: q || undefined, industry: industry || undefined, transferMode: mode || undefined, page, pageSize: 20 });
  return (
    <section aria-labelledby="market-title">
      <h1 id="market-title">{t('market.title')}</h1>
      <p className="muted">{t('market.lead')}</p>
      <p>
        <Link href="/market/notices">{t('market.notices')}</Link> · <Link href="/market/mine">{t('market.mine.title')}</Link>
        {session && <> · <Link href="/market/listings/new" data-testid="market-new-listing">{t('market.form.new')}</Link></>}
      </p>
      {/* The same filter panel as the achievement search's facets (.facets/.facet), laid out as one row. */}
      <form className="facets facets--row" role="search" aria-label={t('market.title')} onSubmit={(e) => e.preventDefault()}>
        <div className="facet facet--grow">
          <label htmlFor="market-q">{t('market.filter.q')}</label>
          <input id="market-q" type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} data-testid="market-q" />
        </div>
        <div className="facet">
          <label htmlFor="market-industry">{t('market.filter.industry')}</label>
          <select id="market-industry" value={industry} onChange={(e) => { setIndustry(e.target.value); setPage(1); }}>
            <option value="">{t('market.filter.any')}</option>
            {taxonomy.industries.map((i) => <option key={i.code} value={i.code}>{lang === 'zh' ? i.zh : i.en}</option>)}
          </select>
        </div>
        <div className="facet">
          <label htmlFor="market-mode">{t('market.filter.mode')}</label>
          <select id="market-mode" value={mode} onChange={(e) => { setMode(e.target.value); setPage(1); }}>
            <option value="">{t('market.filter.any')}</option>
            {MODES.map((m) => <option key={m} value={m}>{t(`market.mode.${m}`)}</option>)}
          </select>
        </div>
      </form>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('market.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <ul className="plain-list">
          {list.data.items.map((l) => (
            <li key={l.id} className="card" data-testid="market-listing">
              <Link href={`/market/listings/${l.id}`}><strong>{l.title}</strong></Link> <StatusBadge status={l.status} />
              <div className="small muted">
                {t(`market.mode.${l.transferMode}`)} · {t(l.priceKind === 'reserve' ? 'market.reserve' : 'market.price')} {formatMoney(l.price, lang, '')}
                {l.listingEndsAt && ` · ${t('market.endsAt')} ${formatDate(l.listingEndsAt, lang)}`}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

/** One listing: its terms, the price band, the auctions, an intent or an introduction request. */
export function MarketListingPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const listing = useApiQuery<Listing>(`market/listings/${id}`);
  const auctions = useApiQuery<Auction[]>(`market/listings/${id}/auctions`);
  const band = useApiQuery<Band>(`market/listings/${id}/valuation-band`, undefined, { enabled: !!session });
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (listing.isLoading) return <Loading />;
  if (listing.error || !listing.data) return <ErrorNotice error={listing.error} />;
  const l = listing.data;
  const act = async (work: Promise<unknown>, ok: string) => {
    setError(null);
    try {
      await work;
      setDone(ok);
      await invalidate(`market/listings/${id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="listing-title">
      <h1 id="listing-title">{l.title}</h1>
      <StatusBadge status={l.status} />
      <dl className="facts">
        <dt>{t(l.priceKind === 'reserve' ? 'market.reserve' : 'market.price')}</dt><dd>{formatMoney(l.price, lang, '')}</dd>
        <dt>{t('market.filter.mode')}</dt><dd>{t(`market.mode.${l.transferMode}`)}</dd>
        <dt>{t('market.territory')}</dt><dd>{l.territory}</dd>
        <dt>{t('market.term')}</dt><dd>{l.termMonths}</dd>
        <dt>{t('market.payment')}</dt><dd>{l.paymentTerms}</dd>
        <dt>{t('market.ip')}</dt><dd>{l.ipCovered.join('、') || '—'}</dd>
        <dt>{t('market.endsAt')}</dt><dd>{formatDate(l.listingEndsAt, lang)}</dd>
        <dt>{t('market.contact')}</dt>
        <dd data-testid="listing-contact">{l.contact ? [l.contact.name, l.contact.phone, l.contact.email].filter(Boolean).join(' · ') : <span className="muted">{t('market.contactLocked')}</span>}</dd>
      </dl>
      {band.data && (
        <div className="panel">
          <h2>{t('market.band')}</h2>
          {band.data.count === 0 ? <p className="muted">{t('market.bandEmpty')}</p> : <p>P25 {formatMoney(band.data.p25, lang, '')} — P75 {formatMoney(band.data.p75, lang, '')} (n = {band.data.count})</p>}
        </div>
      )}
      {!!auctions.data?.length && (
        <div className="panel">
          <h2>{t('market.auctions')}</h2>
          <ul className="plain-list">
            {auctions.data.map((a) => (
              <li key={a.id}><Link href={`/market/auctions/${a.id}`}>{t('market.auction.title')}</Link> <StatusBadge status={a.status} /></li>
            ))}
          </ul>
        </div>
      )}
      {session && session.organisation.id !== l.ownerOrgId && (
        <div className="panel">
          {done && <Notice>{done}</Notice>}
          {!!error && <ErrorNotice error={error} />}
          <label>
            {t('market.intentMessage')} <textarea value={message} onChange={(e) => setMessage(e.target.value)} data-testid="intent-message" />
          </label>
          <div className="actions">
            {l.status === 'listed' && (
              <button type="button" className="btn" onClick={() => void act(api.post(`market/listings/${id}/intents`, { message }), t('market.intentSent'))}>{t('market.registerIntent')}</button>
            )}
            <button type="button" className="btn btn--small" onClick={() => void act(api.post('market/introductions', { subject: 'listing', subjectId: id, message }), t('market.askIntroduction'))}>
              {t('market.askIntroduction')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
