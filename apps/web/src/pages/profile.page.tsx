import { FormEvent, useState } from 'react';
import { ApiError, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../components/feedback.component';
import { Tabs } from '../components/tabs.component';
import { BrokerDirectory } from '../components/broker-directory.component';
import { OrganisationExperts, ServiceRatings } from '../components/profile-directory.component';
import { formatDate, formatMoney } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { labelIndex, useTaxonomy } from '../taxonomy';
import { useApiQuery } from '../query';
import { NotFoundPage } from './not-found.page';

interface Organisation {
  id: string;
  name: string;
  type: string;
  region: string;
  parkCode: string | null;
  verified: boolean;
  createdAt: string;
}
interface AchievementItem {
  id: string;
  title: string;
  industry: string;
  trl: number;
  publishedAt: string | null;
}
interface DealRecord {
  contracts: number;
  contractAmount: number;
  latest: Array<{ registeredAt: string; typeName: { zh: string; en: string }; direction: string; contractAmount: number }>;
}

const TYPES = ['university', 'institute', 'transfer-institution', 'broker'] as const;
type ProfileType = (typeof TYPES)[number];
const PAGE_SIZE = 20;

/** The directory: organisations that publish or broker technology, by type, searchable by name. */
export function ProfileDirectoryPage() {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const { query } = useLocation();
  const type: ProfileType = (TYPES as readonly string[]).includes(query.get('type') ?? '') ? (query.get('type') as ProfileType) : 'university';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const [text, setText] = useState(query.get('q') ?? '');
  const list = useApiQuery<Page<Organisation>>('organisations', { type, q: query.get('q') ?? undefined, page, pageSize: PAGE_SIZE }, { enabled: type !== 'broker' });
  // The broker register has its own list; the organisations' (kept from the previous tab) must not show under it.
  const shown = type === 'broker' ? undefined : list.data;
  const shownError = type === 'broker' ? null : list.error;
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    else next.delete(k);
    navigate(`/profiles?${next.toString()}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() || null, page: null });
  };
  return (
    <section aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('profiles.title')}</h1>
      <p className="muted">
        {t('profiles.lead')} <Link href="/experts">{t('experts.title')}</Link>
      </p>
      <Tabs<ProfileType> label={t('profiles.title')} selected={type} onSelect={(v) => go({ type: v, page: null })} tabs={TYPES.map((x) => ({ key: x, label: x === 'broker' ? t('profiles.brokers') : t(`orgType.${x}` as MessageKey) }))} panelId="profiles-list" />
      {type !== 'broker' && (
        <form className="search-form" role="search" onSubmit={submit}>
          <label htmlFor="profiles-q" className="visually-hidden">
            {t('profiles.search')}
          </label>
          <input id="profiles-q" type="search" value={text} placeholder={t('profiles.search')} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn btn--primary">
            {t('profiles.search')}
          </button>
        </form>
      )}
      <div id="profiles-list" role="tabpanel">
        {type === 'broker' && <BrokerDirectory />}
        {type !== 'broker' && list.isLoading && <Loading />}
        {!!shownError && <ErrorNotice error={shownError} onRetry={list.refetch} />}
        {shown && shown.items.length === 0 && <EmptyState>{t('profiles.empty')}</EmptyState>}
        {shown && shown.items.length > 0 && (
          <>
            <ul className="cards">
              {shown.items.map((o) => (
                <li key={o.id} className="card">
                  <h2 className="card__title">
                    <Link href={`/profiles/${o.id}`}>{o.name}</Link>
                  </h2>
                  <p className="small muted">
                    {t(`region.${o.region}` as MessageKey)}
                    {o.parkCode ? ` · ${pick(labels.get(`park:${o.parkCode}`)) || o.parkCode}` : ''} · {o.verified ? t('profiles.verified') : t('profiles.notVerified')} · {t('profiles.since')}
                    {t('common.colon')}
                    {formatDate(o.createdAt, lang)}
                  </p>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={shown.total} onPage={(p) => go({ page: String(p) })} />
          </>
        )}
      </div>
    </section>
  );
}

/** One organisation's public page: who it is, what it has published, what it has concluded. */
export function ProfilePage({ id }: { id: string }) {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const org = useApiQuery<Organisation>(`organisations/${id}`);
  const achievements = useApiQuery<Page<AchievementItem>>('achievements', { owner: id, status: 'published', pageSize: 10 });
  const deals = useApiQuery<DealRecord>(`contracts/institutions/${id}/deals`);
  if (org.isLoading) return <Loading />;
  if (org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
  if (org.error) return <ErrorNotice error={org.error} onRetry={org.refetch} />;
  const o = org.data!;
  return (
    <article aria-labelledby="profile-title" data-testid="profile">
      <p className="small">
        <Link href={`/profiles?type=${o.type}`}>{t('profiles.title')}</Link>
      </p>
      <div className="profile-head">
        <h1 id="profile-title">{o.name}</h1>
        <span className={`badge${o.verified ? ' badge--done' : ''}`}>{o.verified ? t('profiles.verified') : t('profiles.notVerified')}</span>
      </div>
      <p className="muted">
        {t(`orgType.${o.type}` as MessageKey)} · {t('profiles.region')}
        {t('common.colon')}
        {t(`region.${o.region}` as MessageKey)}
        {o.parkCode && (
          <>
            {' · '}
            {t('profiles.park')}
            {t('common.colon')}
            {pick(labels.get(`park:${o.parkCode}`)) || o.parkCode}
          </>
        )}
      </p>
      <ul className="profile-stats">
        <li>
          <strong>{achievements.data?.total ?? '—'}</strong> {t('profiles.achievements')}
        </li>
        <li>
          <strong>{deals.data?.contracts ?? '—'}</strong> {t('profiles.deals')}
        </li>
        <li>
          <strong>{deals.data ? formatMoney(deals.data.contractAmount, lang, '—') : '—'}</strong> {t('profiles.amount')}
        </li>
      </ul>

      <section aria-labelledby="profile-achievements" className="panel">
        <h2 id="profile-achievements">{t('profiles.achievements')}</h2>
        {achievements.isLoading && <Loading />}
        {achievements.data && achievements.data.items.length === 0 && <p className="muted">{t('profiles.achievementsEmpty')}</p>}
        {achievements.data && achievements.data.items.length > 0 && (
          <ul className="plain-list">
            {achievements.data.items.map((a) => (
              <li key={a.id}>
                <Link href={`/achievements/${a.id}`}>{a.title}</Link>
                <span className="small muted">
                  {' '}
                  · {pick(labels.get(`industry:${a.industry}`)) || a.industry} · TRL {a.trl}
                  {a.publishedAt ? ` · ${formatDate(a.publishedAt, lang)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="profile-deals" className="panel">
        <h2 id="profile-deals">{t('profiles.deals')}</h2>
        {deals.isLoading && <Loading />}
        {deals.data && deals.data.contracts === 0 && <p className="muted">{t('profiles.dealsEmpty')}</p>}
        {deals.data && deals.data.contracts > 0 && (
          <>
            <p>{t('profiles.dealsSummary', { count: deals.data.contracts, amount: formatMoney(deals.data.contractAmount, lang, '—') })}</p>
            <ul className="plain-list">
              {deals.data.latest.map((d, i) => (
                <li key={i}>
                  <strong>{formatMoney(d.contractAmount, lang, '—')}</strong> · {pick(d.typeName)}
                  <span className="small muted">
                    {' '}
                    · {formatDate(d.registeredAt, lang)} · {t(`charts.direction.${d.direction}` as MessageKey)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {o.type === 'transfer-institution' && <ServiceRatings subject="institutions" id={o.id} />}
      {['university', 'institute', 'transfer-institution'].includes(o.type) && <OrganisationExperts orgId={o.id} />}
    </article>
  );
}
