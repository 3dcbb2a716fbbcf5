import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, hasRole, Session } from './api';
import { I18n, I18nContext, initialLang, Lang, LANG_STORAGE_KEY, translate, useI18n } from './i18n';
import { Link, matchPath, navigate, useLocation } from './router';
import { EMPTY_TAXONOMY, Taxonomy, TaxonomyContext } from './taxonomy';
import { SessionContext } from './session';
import { queryClient, useApiQuery } from './query';
import { HomePage } from './pages/home.page';
import { AchievementPage } from './pages/achievement.page';
import { DemandPage } from './pages/demand.page';
import { SignInPage, SignUpPage } from './pages/auth.page';
import { UniversityWorkspace } from './pages/university.page';
import { ReviewWorkspace } from './pages/review.page';
import { EnterpriseWorkspace } from './pages/enterprise.page';
import { BrokerWorkspace } from './pages/broker.page';
import { NotFoundPage } from './pages/not-found.page';
import { ProfileDirectoryPage, ProfilePage } from './pages/profile.page';
import { ExpertDirectoryPage, ExpertPage } from './pages/experts.page';
import { GuideCatalogPage, PackagePage } from './pages/package.page';
import { NotificationsPage } from './pages/notifications.page';
import { RoadshowListPage, RoadshowPage } from './pages/roadshow.page';
import { ContractsWorkspace } from './pages/contracts.page';
import { AdminWorkspace } from './pages/admin.page';
import { ParkReportWorkspace } from './pages/park-report.page';
import { ParkAwardsPage } from './pages/programmes/park-awards.page';
import { ThreeListsPage } from './pages/programmes/three-lists.page';
import { ParkPage } from './pages/programmes/park.page';
import { TrainingBaseWorkspace } from './pages/brokers/training-base.page';
import { MyTrainingPage } from './pages/brokers/my-training.page';
import { CertificateLookupPage } from './pages/brokers/certificate-lookup.page';
import { VerificationBanner } from './components/verification-banner.component';
import { SiteFooter } from './components/site-footer.component';
import { LegalPage } from './pages/legal.page';
import { VouchersPage } from './pages/vouchers/vouchers.page';
import { InstrumentsPage } from './pages/vouchers/instruments.page';
import { ProviderWorkspace } from './pages/vouchers/provider.page';
import { VoucherAdminWorkspace } from './pages/vouchers/voucher-admin.page';
import { Loading } from './components/feedback.component';
import { ContentListPage } from './pages/content/content-list.page';
import { ContentArticlePage } from './pages/content/content-article.page';
import { ContentAdminPage } from './pages/content/content-admin.page';
import { WatchlistPage } from './pages/watchlist/watchlist.page';
import { PersonalDataPage } from './pages/privacy/personal-data.page';
import { MarketListingPage, MarketListingsPage } from './pages/market/market-listings.page';
import { MarketNoticePage, MarketNoticesPage } from './pages/market/market-notice.page';
import { MarketAuctionPage } from './pages/market/market-auction.page';
import { MarketMinePage } from './pages/market/market-mine.page';
import { MarketListingFormPage } from './pages/market/market-listing-form.page';
import { DealFlowWorkspace } from './pages/finance/deal-flow.page';
import { DealPage } from './pages/finance/deal.page';
import { FinancingWorkspace } from './pages/finance/financing.page';
import { FinancingRequestPage } from './pages/finance/financing-request.page';
import { LoansWorkspace } from './pages/finance/loans.page';

// Pages with charts come in their own chunk (with ECharts), so the first page stays small.
const StatisticsPage = lazy(() => import('./pages/statistics.page').then((m) => ({ default: m.StatisticsPage })));

const ROUTES: Array<{ pattern: string; render: (p: Record<string, string>) => ReactNode }> = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/achievements/:id', render: (p) => <AchievementPage id={p.id} /> },
  { pattern: '/demands/:id', render: (p) => <DemandPage id={p.id} /> },
  // Notification links point at a demand's proposals.
  { pattern: '/demands/:id/proposals', render: (p) => <DemandPage id={p.id} /> },
  { pattern: '/demands/:id/proposals/:proposalId', render: (p) => <DemandPage id={p.id} /> },
  { pattern: '/statistics', render: () => <StatisticsPage /> },
  { pattern: '/profiles', render: () => <ProfileDirectoryPage /> },
  { pattern: '/profiles/:id', render: (p) => <ProfilePage id={p.id} /> },
  { pattern: '/experts', render: () => <ExpertDirectoryPage /> },
  { pattern: '/experts/:id', render: (p) => <ExpertPage id={p.id} /> },
  { pattern: '/packages/:id', render: (p) => <PackagePage id={p.id} /> },
  { pattern: '/guide-catalogs/:id', render: (p) => <GuideCatalogPage id={p.id} /> },
  { pattern: '/notifications', render: () => <NotificationsPage /> },
  { pattern: '/roadshows', render: () => <RoadshowListPage /> },
  { pattern: '/roadshows/:id', render: (p) => <RoadshowPage id={p.id} /> },
  { pattern: '/workspace/contracts', render: () => <ContractsWorkspace /> },
  { pattern: '/workspace/admin', render: () => <AdminWorkspace /> },
  { pattern: '/workspace/park-report', render: () => <ParkReportWorkspace /> },
  { pattern: '/sign-in', render: () => <SignInPage /> },
  { pattern: '/sign-up', render: () => <SignUpPage /> },
  { pattern: '/legal/:document', render: (p) => <LegalPage document={p.document} /> },
  { pattern: '/workspace/achievements', render: () => <UniversityWorkspace /> },
  { pattern: '/workspace/review', render: () => <ReviewWorkspace /> },
  { pattern: '/workspace/demands', render: () => <EnterpriseWorkspace /> },
  { pattern: '/workspace/pipeline', render: () => <BrokerWorkspace /> },
  { pattern: '/policies', render: () => <ContentListPage /> },
  { pattern: '/policies/:id', render: (p) => <ContentArticlePage id={p.id} /> },
  { pattern: '/workspace/content', render: () => <ContentAdminPage /> },
  { pattern: '/watchlist', render: () => <WatchlistPage /> },
  { pattern: '/me/privacy', render: () => <PersonalDataPage /> },
  { pattern: '/workspace/three-lists', render: () => <ThreeListsPage /> },
  { pattern: '/workspace/park-awards', render: () => <ParkAwardsPage /> },
  { pattern: '/parks/:code', render: (p) => <ParkPage code={p.code} /> },
  { pattern: '/workspace/training', render: () => <TrainingBaseWorkspace /> },
  { pattern: '/me/training', render: () => <MyTrainingPage /> },
  { pattern: '/broker-certificates', render: () => <CertificateLookupPage /> },
  { pattern: '/broker-certificates/:number', render: (p) => <CertificateLookupPage number={p.number} /> },
  { pattern: '/market', render: () => <MarketListingsPage /> },
  { pattern: '/market/listings/new', render: () => <MarketListingFormPage /> },
  { pattern: '/market/listings/:id', render: (p) => <MarketListingPage id={p.id} /> },
  { pattern: '/market/notices', render: () => <MarketNoticesPage /> },
  { pattern: '/market/notices/:id', render: (p) => <MarketNoticePage id={p.id} /> },
  { pattern: '/market/auctions/:id', render: (p) => <MarketAuctionPage id={p.id} /> },
  { pattern: '/market/mine', render: () => <MarketMinePage /> },
  { pattern: '/vouchers', render: () => <VouchersPage /> },
  { pattern: '/instruments', render: () => <InstrumentsPage /> },
  { pattern: '/workspace/provider', render: () => <ProviderWorkspace /> },
  { pattern: '/workspace/vouchers', render: () => <VoucherAdminWorkspace /> },
  { pattern: '/workspace/deal-flow', render: () => <DealFlowWorkspace /> },
  { pattern: '/workspace/deal-flow/:id', render: (p) => <DealPage id={p.id} /> },
  { pattern: '/workspace/financing', render: () => <FinancingWorkspace /> },
  { pattern: '/workspace/financing/:id', render: (p) => <FinancingRequestPage id={p.id} /> },
  { pattern: '/workspace/loans', render: () => <LoansWorkspace /> },
];

function readStoredLang(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Portal />
    </QueryClientProvider>
  );
}

function Portal() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(readStoredLang()));
  const [session, setSession] = useState<Session | null>(api.current);
  const location = useLocation();

  useEffect(
    () =>
      api.subscribe((next) => {
        // Signed out: nothing one account read stays in memory for the next.
        if (!next) queryClient.removeQueries();
        setSession(next);
      }),
    [],
  );
  // After a client-side page change, move focus to the new content so screen readers and keyboard users start there.
  const firstPath = useRef(true);
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.path]);
  useEffect(() => {
    api.setLang(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `TechBridge · ${translate(lang, 'app.name')}`;
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    api.setLang(l);
    setLangState(l);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, l);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const i18n = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params), pick: (text) => (text ? text[lang] : '') }),
    [lang, setLang],
  );

  let page: ReactNode = <NotFoundPage />;
  for (const r of ROUTES) {
    const params = matchPath(r.pattern, location.path);
    if (params) {
      page = r.render(params);
      break;
    }
  }

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <TaxonomyProvider>
          <a className="skip-link" href="#main">
            {i18n.t('nav.skip')}
          </a>
          <Header session={session} path={location.path} />
          <main id="main" tabIndex={-1} className="container" key={location.path}>
            <VerificationBanner path={location.path} />
            <Suspense fallback={<Loading />}>{page}</Suspense>
          </main>
          <SiteFooter />
        </TaxonomyProvider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}

/** The reference lists (industries, parks, modes) every page labels codes with: read once, kept for the session. */
function TaxonomyProvider({ children }: { children: ReactNode }) {
  const taxonomy = useApiQuery<Taxonomy>('taxonomy', undefined, { staleTime: Infinity });
  return <TaxonomyContext.Provider value={taxonomy.data ?? EMPTY_TAXONOMY}>{children}</TaxonomyContext.Provider>;
}

type NavLink = { href: string; label: string; show: boolean; rank: NavRank };
/**
 * How much a link earns a place on the navigation row: 1 a role's own workspace (and home), 2 the public pages every
 * visitor comes for, 3 the other public pages, 4 the rest (secondary tools), which go behind "更多 / More" first.
 */
type NavRank = 1 | 2 | 3 | 4;
// Links the row holds at 1366 px before the rest fold into "更多 / More" (English labels are about twice as wide).
const NAV_ROW_LINKS: Record<Lang, number> = { zh: 10, en: 7 };

/** The links shown on the row and those behind "More", both in the navigation's own order. */
function splitNav<T extends { rank: NavRank }>(links: T[], room: number): { row: T[]; more: T[] } {
  // One link behind a "More" button would take the button's own room: then everything stays on the row.
  if (links.length <= room + 1) return { row: links, more: [] };
  const kept = new Set(
    links
      .map((l, i) => ({ l, i }))
      .sort((a, b) => a.l.rank - b.l.rank || a.i - b.i)
      .slice(0, room)
      .map((x) => x.l),
  );
  return { row: links.filter((l) => kept.has(l)), more: links.filter((l) => !kept.has(l)) };
}

function Header({ session, path }: { session: Session | null; path: string }) {
  const { t, lang, setLang } = useI18n();
  const org = session?.organisation;
  const links: NavLink[] = [
    { href: '/', label: t('nav.home'), show: true, rank: 1 },
    { href: '/workspace/achievements', label: t('nav.university'), show: !!org && ['university', 'institute', 'enterprise'].includes(org.type) && !hasRole(session, 'platform-admin'), rank: 1 },
    { href: '/workspace/demands', label: t('nav.enterprise'), show: !!org && org.type === 'enterprise', rank: 1 },
    { href: '/workspace/review', label: t('nav.review'), show: hasRole(session, 'reviewer'), rank: 1 },
    { href: '/workspace/pipeline', label: t('nav.broker'), show: hasRole(session, 'broker'), rank: 1 },
    { href: '/workspace/contracts', label: t('nav.contracts'), show: !!session, rank: 1 },
    { href: '/workspace/park-report', label: t('nav.parkReport'), show: org?.type === 'park-administration' || hasRole(session, 'platform-admin'), rank: 1 },
    { href: '/roadshows', label: t('nav.roadshows'), show: true, rank: 2 },
    { href: '/statistics', label: t('nav.statistics'), show: true, rank: 2 },
    { href: '/profiles', label: t('nav.profiles'), show: true, rank: 3 },
    { href: '/workspace/admin', label: t('nav.admin'), show: hasRole(session, 'platform-admin', 'org-admin'), rank: 1 },
    { href: '/policies', label: t('nav.content'), show: true, rank: 2 },
    { href: '/workspace/content', label: t('nav.contentAdmin'), show: hasRole(session, 'platform-admin'), rank: 1 },
    { href: '/watchlist', label: t('nav.watchlist'), show: !!session, rank: 4 },
    { href: '/workspace/three-lists', label: t('nav.threeLists'), show: org?.type === 'park-administration', rank: 1 },
    { href: '/workspace/park-awards', label: t('nav.parkAwards'), show: hasRole(session, 'platform-admin'), rank: 4 },
    { href: '/workspace/training', label: t('nav.training'), show: org?.type === 'training-base', rank: 1 },
    { href: '/me/training', label: t('nav.myTraining'), show: org?.type === 'transfer-institution', rank: 1 },
    { href: '/broker-certificates', label: t('nav.certificateLookup'), show: true, rank: 4 },
    { href: '/market', label: t('nav.market'), show: true, rank: 2 },
    { href: '/vouchers', label: t('nav.vouchers'), show: true, rank: 3 },
    { href: '/instruments', label: t('nav.instruments'), show: true, rank: 4 },
    { href: '/workspace/provider', label: t('nav.voucherProvider'), show: !!org && org.type !== 'platform' && org.type !== 'park-administration', rank: 4 },
    { href: '/workspace/vouchers', label: t('nav.voucherAdmin'), show: org?.type === 'park-administration' || hasRole(session, 'platform-admin'), rank: 4 },
    { href: '/workspace/deal-flow', label: t('nav.dealFlow'), show: org?.type === 'investment-fund', rank: 1 },
    { href: '/workspace/financing', label: t('nav.financing'), show: org?.type === 'enterprise', rank: 1 },
    { href: '/workspace/loans', label: t('nav.loans'), show: !!org && ['enterprise', 'bank', 'investment-fund', 'guarantor'].includes(org.type), rank: org?.type === 'bank' || org?.type === 'guarantor' ? 1 : 4 },
  ];
  const { row, more } = splitNav(
    links.filter((l) => l.show),
    NAV_ROW_LINKS[lang],
  );
  // On a phone the navigation folds behind a menu button; any page change folds it again.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  return (
    <header className={`site-header${open ? ' site-header--open' : ''}`} data-testid="site-header">
      {/* Top row: the brand, then language and account; the navigation has the full width of its own row below. */}
      <div className="container site-header__top">
        <Link href="/" className="brand" aria-label={`TechBridge ${t('app.name')}`}>
          <span className="brand__mark" aria-hidden="true">TB</span>
          <span className="brand__text">
            <strong>{t('app.name')}</strong>
            <small>{t('app.zone')}</small>
          </span>
        </Link>
        <button type="button" className="btn btn--ghost menu-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpenOn(open ? null : path)}>
          {open ? t('nav.menuClose') : t('nav.menu')}
        </button>
        <div className="site-header__tools">
          <button
            type="button"
            className="btn btn--ghost"
            data-testid="lang-switch"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            aria-label={t('lang.switchLabel')}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('lang.switch')}
          </button>
          {session ? (
            <>
              <NotificationBell path={path} />
              <span className="who" data-testid="who">
                {session.user.displayName} · {session.organisation.name}
              </span>
              <button
                type="button"
                className="btn btn--ghost"
                onClick={() => {
                  void api.signOut();
                  navigate('/');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <>
              <Link className="btn btn--ghost" href="/sign-in">
                {t('nav.signIn')}
              </Link>
              <Link className="btn btn--primary" href="/sign-up">
                {t('nav.signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
      <nav aria-label={t('nav.main')} className="site-nav" id="site-nav">
        <ul className="container">
          {row.map((l) => (
            <li key={l.href}>
              <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
          {more.length > 0 && <MoreMenu links={more} path={path} />}
        </ul>
      </nav>
    </header>
  );
}

/**
 * "更多 / More": a disclosure button (not an ARIA menu: the items are plain links, reached with Tab). Escape closes it and
 * gives the focus back to the button; so do a click outside, focus leaving it and any page change. On a phone the links
 * are listed in the open navigation without the button.
 */
function MoreMenu({ links, path }: { links: NavLink[]; path: string }) {
  const { t } = useI18n();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const box = useRef<HTMLLIElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpenOn(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenOn(null);
      toggle.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const here = links.some((l) => l.href === path);
  return (
    <li
      ref={box}
      className={`nav-more${open ? ' nav-more--open' : ''}`}
      onBlur={(e) => {
        if (e.relatedTarget && !box.current?.contains(e.relatedTarget as Node)) setOpenOn(null);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className={`nav-more__toggle${here ? ' nav-more__toggle--here' : ''}`}
        aria-expanded={open}
        aria-controls="nav-more-list"
        data-testid="nav-more"
        onClick={() => setOpenOn(open ? null : path)}
      >
        {t('nav.more')}
        <span aria-hidden="true" className="nav-more__caret">▾</span>
      </button>
      <ul id="nav-more-list" className="nav-more__list">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Unread count, re-read on every page change and whenever something invalidates `notifications`. */
function NotificationBell({ path }: { path: string }) {
  const { t } = useI18n();
  const unread = useApiQuery<{ total: number }>('notifications', { unread: true, pageSize: 1 });
  const { refetch } = unread;
  useEffect(() => {
    void refetch();
  }, [path, refetch]);
  const count = unread.data?.total ?? 0;
  return (
    <Link href="/notifications" className="btn btn--ghost bell" data-testid="notifications-link" aria-label={t('notifications.link', { count })}>
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && <span className="bell__count" aria-hidden="true">{count}</span>}
    </Link>
  );
}
