import { FormEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../components/feedback.component';
import { Tabs } from '../components/tabs.component';
import { HeadlineFigures, LatestDeals } from '../components/home-overview.component';
import { LatestContent } from '../components/latest-content.component';
import { SaveSearch } from '../components/save-search.component';
import { formatDate, formatMoney } from '../format';
import { splitHighlight } from '../route-match';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { AchievementHit, AchievementView, DemandListItem, PackageHit } from '../types';
import { useApiQuery, useLoader } from '../query';

const PAGE_SIZE = 10;
type Scope = 'achievements' | 'demands' | 'packages';
const FILTER_PARAMS = ['industry', 'trlMin', 'region', 'transferMode', 'park', 'cooperationMode'];
type Facets = Record<string, Record<string, number>>;
interface SearchResult<T> extends Page<T> {
  facets?: Facets;
  /** An English query that found nothing: the listings are in Chinese, with Chinese terms to try. */
  languageHint?: { zh: string; en: string; suggestions: Array<{ zh: string; en: string }> };
}

/**
 * Achievements come from the catalog's faceted search when it exists, else from its list endpoint
 * (text + industry only); demands from the demand context's faceted search. Filters live in the URL so results can be shared.
 */
async function searchAchievements(params: URLSearchParams, page: number): Promise<SearchResult<AchievementHit | AchievementView>> {
  const query = {
    q: params.get('q') ?? undefined,
    industry: params.get('industry') ?? undefined,
    trlMin: params.get('trlMin') ?? undefined,
    region: params.get('region') ?? undefined,
    transferMode: params.get('transferMode') ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  try {
    return await api.get<SearchResult<AchievementHit>>('search/achievements', query);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    return api.get<SearchResult<AchievementView>>('achievements', { q: query.q, industry: query.industry, status: 'published', page, pageSize: PAGE_SIZE });
  }
}

function searchPackages(params: URLSearchParams, page: number): Promise<SearchResult<PackageHit>> {
  return api.get<SearchResult<PackageHit>>('search/packages', { q: params.get('q') ?? undefined, industry: params.get('industry') ?? undefined, page, pageSize: PAGE_SIZE });
}

async function searchDemands(params: URLSearchParams, page: number): Promise<SearchResult<DemandListItem>> {
  return api.get<SearchResult<DemandListItem>>('search/demands', {
    q: params.get('q') ?? undefined,
    industry: params.get('industry') ?? undefined,
    park: params.get('park') ?? undefined,
    cooperationMode: params.get('cooperationMode') ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
}

export function HomePage() {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const taxonomy = useTaxonomy();
  const labels = labelIndex(taxonomy);
  const { query } = useLocation();
  const scopeParam = query.get('scope');
  const scope: Scope = scopeParam === 'demands' || scopeParam === 'packages' ? scopeParam : 'achievements';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const [text, setText] = useState(query.get('q') ?? '');

  const results = useLoader<SearchResult<AchievementHit | AchievementView | DemandListItem | PackageHit>>(['search', scope, query.toString()], () =>
    scope === 'demands' ? searchDemands(query, page) : scope === 'packages' ? searchPackages(query, page) : searchAchievements(query, page),
  );

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    navigate(`/?${next.toString()}`);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() || null });
  };

  const facets: Facets = results.data?.facets ?? {};
  const facetGroups: Array<{ key: string; param: string; title: string; options: Array<{ code: string; label: string; count?: number }> }> = [
    {
      key: 'industry',
      param: 'industry',
      title: t('home.facetIndustry'),
      options: taxonomy.industries.map((i) => ({ code: i.code, label: pick(i), count: facets.industry?.[i.code] })),
    },
  ];
  if (scope === 'achievements') {
    facetGroups.push({
      key: 'trl',
      param: 'trlMin',
      title: t('home.facetTrl'),
      options: [4, 6, 7].map((n) => ({ code: String(n), label: `TRL ≥ ${n}` })),
    });
    facetGroups.push({
      key: 'region',
      param: 'region',
      title: t('home.facetRegion'),
      options: (['BJ', 'TJ', 'HE', 'other'] as const).map((r) => ({ code: r, label: t(`region.${r}`), count: facets.region?.[r] })),
    });
    facetGroups.push({
      key: 'transferMode',
      param: 'transferMode',
      title: t('home.facetTransferMode'),
      options: taxonomy.transferModes.map((m) => ({ code: m.code, label: pick(m), count: facets.transferMode?.[m.code] })),
    });
  } else if (scope === 'demands') {
    facetGroups.push({ key: 'park', param: 'park', title: t('home.facetPark'), options: taxonomy.parks.map((p) => ({ code: p.code, label: pick(p), count: facets.park?.[p.code] })) });
    facetGroups.push({
      key: 'cooperationMode',
      param: 'cooperationMode',
      title: t('home.facetCooperation'),
      options: Object.keys(facets.cooperationMode ?? {}).map((c) => ({ code: c, label: pick(labels.get(`mode:${c}`)) || c, count: facets.cooperationMode?.[c] })),
    });
  }
  const anyFilter = FILTER_PARAMS.some((k) => query.get(k));
  const clearFilters = Object.fromEntries(FILTER_PARAMS.map((k) => [k, null]));

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.title')}</h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <form className="search-form" role="search" onSubmit={onSubmit}>
          <label htmlFor="search-q" className="visually-hidden">
            {t('home.searchLabel')}
          </label>
          <input id="search-q" type="search" name="q" value={text} placeholder={t('home.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn btn--primary">
            {t('home.searchButton')}
          </button>
        </form>
        <div className="hero__actions">
          <Link href={session ? '/workspace/demands' : '/sign-up'} className="btn btn--light">
            {t('home.postDemand')}
          </Link>
          <Link href={session ? '/workspace/achievements' : '/sign-up'} className="btn btn--light">
            {t('home.publishAchievement')}
          </Link>
        </div>
      </section>
      <HeadlineFigures />

      <Tabs<Scope>
        label={t('home.tabs')}
        panelId="search-results"
        selected={scope}
        onSelect={(s) => update({ ...clearFilters, scope: s === 'achievements' ? null : s })}
        tabs={[
          { key: 'achievements', label: t('home.tabAchievements') },
          { key: 'demands', label: t('home.tabDemands') },
          { key: 'packages', label: t('home.tabPackages') },
        ]}
      />

      <div className="search-layout">
        <aside className="facets" aria-label={t('home.facets')}>
          <h2 className="facets__title">{t('home.facets')}</h2>
          {facetGroups
            .filter((g) => g.options.length > 0)
            .map((g) => (
              <div className="facet" key={g.key}>
                <label htmlFor={`facet-${g.key}`}>{g.title}</label>
                <select id={`facet-${g.key}`} value={query.get(g.param) ?? ''} onChange={(e) => update({ [g.param]: e.target.value || null })}>
                  <option value="">{t('common.all')}</option>
                  {g.options.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                      {o.count !== undefined ? ` (${o.count})` : ''}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          {anyFilter && (
            <button type="button" className="btn btn--small" onClick={() => update(clearFilters)}>
              {t('home.clearFilters')}
            </button>
          )}
          {scope !== 'packages' && <SaveSearch subject={scope === 'demands' ? 'demand' : 'achievement'} query={query} />}
        </aside>

        <section id="search-results" role="tabpanel" aria-labelledby={`tab-${scope}`} className="results" aria-busy={results.isLoading}>
          {results.isLoading && <Loading />}
          {!!results.error && <ErrorNotice error={results.error} onRetry={results.refetch} />}
          {results.data && (
            <>
              <p className="results__count" aria-live="polite">
                {t('home.results', { total: results.data.total })}
                {scope === 'demands' && results.data.total > 0 && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="linklike"
                      onClick={() =>
                        api.openFile(
                          `demands/export?${new URLSearchParams(
                            Object.entries({ industry: query.get('industry'), park: query.get('park'), cooperationMode: query.get('cooperationMode') }).filter((e): e is [string, string] => !!e[1]),
                          ).toString()}`,
                          'demands.csv',
                        )
                      }
                    >
                      {t('demand.exportCsv')}
                    </button>
                  </>
                )}
              </p>
              {results.data.items.length === 0 ? (
                scope === 'packages' ? (
                  <EmptyState>{t('home.emptyPackages')}</EmptyState>
                ) : scope === 'achievements' && results.data.languageHint ? (
                  <EmptyState>
                    {pick(results.data.languageHint)}{' '}
                    {results.data.languageHint.suggestions.map((s) => (
                      <Link key={s.zh} href={`/?q=${encodeURIComponent(s.zh)}`} className="tag" data-testid="language-suggestion">
                        {s.zh}
                      </Link>
                    ))}
                  </EmptyState>
                ) : scope === 'achievements' ? (
                  <EmptyState action={{ href: session ? '/workspace/demands' : '/sign-up', label: t('home.postDemand') }}>{t('home.emptyAchievements')}</EmptyState>
                ) : (
                  <EmptyState action={session ? undefined : { href: '/sign-in', label: t('nav.signIn') }}>{t('home.emptyDemands')}</EmptyState>
                )
              ) : (
                <ul className="cards">
                  {scope === 'packages'
                    ? (results.data.items as PackageHit[]).map((p) => (
                        <li key={p.id} className="card" data-testid="package-card">
                          <h3>
                            <Link href={`/packages/${p.id}`}>{p.title}</Link>
                          </h3>
                          <p className="card__meta">
                            <span className="tag">{pick(labels.get(`industry:${p.industry}`)) || p.industry}</span>
                            {p.trlMin !== null && <span className="tag">TRL {p.trlMin}–{p.trlMax}</span>}
                            <span>{t('package.items', { count: p.achievementTitles.length })}</span>
                            <span className="card__price">
                              {t('package.total')}{t('common.colon')}{formatMoney(p.totalAskingPrice, lang, t('common.negotiable'))}
                            </span>
                          </p>
                          <p className="card__summary">{p.description.slice(0, 140)}</p>
                          <p className="small muted">{p.achievementTitles.slice(0, 4).join(' · ')}</p>
                        </li>
                      ))
                    : scope === 'achievements'
                    ? (results.data.items as Array<AchievementHit | AchievementView>).map((a) => (
                        <li key={a.id} className="card" data-testid="achievement-card">
                          <h3>
                            <Link href={`/achievements/${a.id}`}>
                              <Highlighted text={'highlights' in a && typeof a.highlights.title === 'string' ? a.highlights.title : a.title} />
                            </Link>
                          </h3>
                          <p className="card__meta">
                            <span className="tag">{pick(labels.get(`industry:${a.industry}`)) || a.industry}</span>
                            <span className="tag">TRL {a.trl}</span>
                            <span>{'ownerName' in a ? a.ownerName : a.owner.name}</span>
                            <span className="card__price">{formatMoney(a.askingPrice, lang, t('common.negotiable'))}</span>
                          </p>
                          {a.summary && <p className="card__summary">{a.summary.slice(0, 140)}{a.summary.length > 140 ? '…' : ''}</p>}
                        </li>
                      ))
                    : (results.data.items as DemandListItem[]).map((d) => (
                        <li key={d.id} className="card" data-testid="demand-card">
                          <h3>
                            <Link href={`/demands/${d.id}`}>{d.title}</Link>
                          </h3>
                          <p className="card__meta">
                            <span className="tag">{pick(labels.get(`industry:${d.industry}`)) || d.industry}</span>
                            {d.park && <span className="tag">{pick(labels.get(`park:${d.park}`)) || d.park}</span>}
                            {!d.redacted && <span>{d.enterprise.name}</span>}
                            {!d.redacted && <span className="card__price">{formatMoney(d.budget, lang, t('common.negotiable'))}</span>}
                          </p>
                          {d.redacted ? (
                            <p className="card__summary muted">{t('demand.redacted', { who: t(`demand.visibility.${d.visibility}` as 'demand.visibility.members') })}</p>
                          ) : (
                            <p className="card__summary">{d.description.slice(0, 140)}{d.description.length > 140 ? '…' : ''}</p>
                          )}
                        </li>
                      ))}
                </ul>
              )}
              <Pagination page={page} pageSize={PAGE_SIZE} total={results.data.total} onPage={(p) => update({ page: String(p) })} />
            </>
          )}
        </section>
      </div>
      <div className="home-panels">
        <LatestDeals />
        <UpcomingRoadshows />
        <GuideCatalogs />
        <LatestContent />
      </div>
    </>
  );
}

/** Search highlights arrive as <em>…</em> markup: rendered as text segments, never as HTML. */
function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlight(text).map((seg, i) => (seg.mark ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
    </>
  );
}

interface RoadshowItem {
  id: string;
  title: string;
  parkCode: string | null;
  venue: string | null;
  startsAt: string;
  registrationClosesAt: string;
  status: string;
}

function UpcomingRoadshows() {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const events = useApiQuery<Page<RoadshowItem>>('roadshows', { status: 'registration-open', pageSize: 3 });
  return (
    <section className="panel" aria-labelledby="roadshows-title">
      <h2 id="roadshows-title">{t('home.roadshows')}</h2>
      {events.isLoading && <Loading />}
      {!events.isLoading && (!events.data || events.data.items.length === 0) && <p className="muted">{t('home.roadshowsEmpty')}</p>}
      {events.data && events.data.items.length > 0 && (
        <ul className="plain-list">
          {events.data.items.map((e) => (
            <li key={e.id}>
              <Link href={`/roadshows/${e.id}`}>
                <strong>{e.title}</strong>
              </Link>
              <br />
              <span className="small muted">
                {formatDate(e.startsAt, lang)}
                {e.parkCode ? ` · ${pick(labels.get(`park:${e.parkCode}`)) || e.parkCode}` : ''}
                {e.venue ? ` · ${e.venue}` : ''} · {t('home.registrationCloses', { date: formatDate(e.registrationClosesAt, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface GuideCatalogItem {
  id: string;
  year: number;
  industry: string;
  title: string;
  entries: unknown[];
}

function GuideCatalogs() {
  const { t, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const catalogs = useApiQuery<Page<GuideCatalogItem>>('guide-catalogs', { pageSize: 5 });
  return (
    <section className="panel" aria-labelledby="guides-title">
      <h2 id="guides-title">{t('home.guideCatalogs')}</h2>
      {catalogs.isLoading && <Loading />}
      {!catalogs.isLoading && (!catalogs.data || catalogs.data.items.length === 0) && <p className="muted">{t('home.guideCatalogsEmpty')}</p>}
      {catalogs.data && catalogs.data.items.length > 0 && (
        <ul className="plain-list">
          {catalogs.data.items.map((c) => (
            <li key={c.id}>
              <Link href={`/guide-catalogs/${c.id}`}>{c.title}</Link>
              <span className="small muted">
                {' '}
                · {c.year} · {pick(labels.get(`industry:${c.industry}`)) || c.industry} · {t('package.items', { count: c.entries.length })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
