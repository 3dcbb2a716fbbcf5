import { FormEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../components/feedback.component';
import { formatMoney, useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { AchievementView, DemandListItem } from '../types';

const PAGE_SIZE = 10;
type Facets = Record<string, Record<string, number>>;
interface SearchResult<T> extends Page<T> {
  facets?: Facets;
}

/**
 * Achievements come from the catalog's faceted search when it exists, else from its list endpoint
 * (text + industry only); demands from the demand context's faceted search. Filters live in the URL so results can be shared.
 */
async function searchAchievements(params: URLSearchParams, page: number): Promise<SearchResult<AchievementView>> {
  const query = { q: params.get('q') ?? undefined, industry: params.get('industry') ?? undefined, trlMin: params.get('trlMin') ?? undefined, page, pageSize: PAGE_SIZE };
  try {
    return await api.get<SearchResult<AchievementView>>('search/achievements', query);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    return api.get<SearchResult<AchievementView>>('achievements', { q: query.q, industry: query.industry, status: 'published', page, pageSize: PAGE_SIZE });
  }
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
  const scope = query.get('scope') === 'demands' ? 'demands' : 'achievements';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const [text, setText] = useState(query.get('q') ?? '');

  const results = useAsync<SearchResult<AchievementView | DemandListItem>>(
    () => (scope === 'demands' ? searchDemands(query, page) : searchAchievements(query, page)),
    [query.toString(), session?.accessToken],
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
  } else {
    facetGroups.push({ key: 'park', param: 'park', title: t('home.facetPark'), options: taxonomy.parks.map((p) => ({ code: p.code, label: pick(p), count: facets.park?.[p.code] })) });
    facetGroups.push({
      key: 'cooperationMode',
      param: 'cooperationMode',
      title: t('home.facetCooperation'),
      options: Object.keys(facets.cooperationMode ?? {}).map((c) => ({ code: c, label: pick(labels.get(`mode:${c}`)) || c, count: facets.cooperationMode?.[c] })),
    });
  }
  const anyFilter = ['industry', 'trlMin', 'park', 'cooperationMode'].some((k) => query.get(k));

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

      <div className="tabs" role="tablist" aria-label={t('home.tabs')}>
        {(['achievements', 'demands'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`tab-${s}`}
            aria-selected={scope === s}
            aria-controls="search-results"
            className={`tab${scope === s ? ' tab--active' : ''}`}
            onClick={() => update({ scope: s === 'achievements' ? null : s, industry: null, trlMin: null, park: null, cooperationMode: null })}
          >
            {s === 'achievements' ? t('home.tabAchievements') : t('home.tabDemands')}
          </button>
        ))}
      </div>

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
            <button type="button" className="btn btn--small" onClick={() => update({ industry: null, trlMin: null, park: null, cooperationMode: null })}>
              {t('home.clearFilters')}
            </button>
          )}
        </aside>

        <section id="search-results" role="tabpanel" aria-labelledby={`tab-${scope}`} className="results" aria-busy={results.loading}>
          {results.loading && <Loading />}
          {!!results.error && <ErrorNotice error={results.error} onRetry={results.reload} />}
          {results.data && (
            <>
              <p className="results__count" aria-live="polite">
                {t('home.results', { total: results.data.total })}
              </p>
              {results.data.items.length === 0 ? (
                scope === 'achievements' ? (
                  <EmptyState action={{ href: session ? '/workspace/demands' : '/sign-up', label: t('home.postDemand') }}>{t('home.emptyAchievements')}</EmptyState>
                ) : (
                  <EmptyState action={session ? undefined : { href: '/sign-in', label: t('nav.signIn') }}>{t('home.emptyDemands')}</EmptyState>
                )
              ) : (
                <ul className="cards">
                  {scope === 'achievements'
                    ? (results.data.items as AchievementView[]).map((a) => (
                        <li key={a.id} className="card" data-testid="achievement-card">
                          <h3>
                            <Link href={`/achievements/${a.id}`}>{a.title}</Link>
                          </h3>
                          <p className="card__meta">
                            <span className="tag">{pick(labels.get(`industry:${a.industry}`)) || a.industry}</span>
                            <span className="tag">TRL {a.trl}</span>
                            <span>{a.owner?.name ?? a.ownerName}</span>
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
    </>
  );
}
