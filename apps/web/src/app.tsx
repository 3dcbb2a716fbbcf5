import { ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, hasRole, Session } from './api';
import { I18n, I18nContext, initialLang, Lang, LANG_STORAGE_KEY, translate, useI18n } from './i18n';
import { Link, matchPath, navigate, useLocation } from './router';
import { EMPTY_TAXONOMY, Taxonomy, TaxonomyContext } from './taxonomy';
import { SessionContext } from './session';
import { HomePage } from './pages/home.page';
import { AchievementPage } from './pages/achievement.page';
import { DemandPage } from './pages/demand.page';
import { SignInPage, SignUpPage } from './pages/auth.page';
import { UniversityWorkspace } from './pages/university.page';
import { ReviewWorkspace } from './pages/review.page';
import { EnterpriseWorkspace } from './pages/enterprise.page';
import { BrokerWorkspace } from './pages/broker.page';
import { NotFoundPage } from './pages/not-found.page';

const ROUTES: Array<{ pattern: string; render: (p: Record<string, string>) => ReactNode }> = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/achievements/:id', render: (p) => <AchievementPage id={p.id} /> },
  { pattern: '/demands/:id', render: (p) => <DemandPage id={p.id} /> },
  { pattern: '/sign-in', render: () => <SignInPage /> },
  { pattern: '/sign-up', render: () => <SignUpPage /> },
  { pattern: '/workspace/achievements', render: () => <UniversityWorkspace /> },
  { pattern: '/workspace/review', render: () => <ReviewWorkspace /> },
  { pattern: '/workspace/demands', render: () => <EnterpriseWorkspace /> },
  { pattern: '/workspace/pipeline', render: () => <BrokerWorkspace /> },
];

function readStoredLang(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(readStoredLang()));
  const [session, setSession] = useState<Session | null>(api.current);
  const [taxonomy, setTaxonomy] = useState<Taxonomy>(EMPTY_TAXONOMY);
  const location = useLocation();

  useEffect(() => api.subscribe(setSession), []);
  useEffect(() => {
    api.get<Taxonomy>('taxonomy').then(setTaxonomy, () => undefined);
  }, []);
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
      <TaxonomyContext.Provider value={taxonomy}>
        <SessionContext.Provider value={session}>
          <a className="skip-link" href="#main">
            {i18n.t('nav.skip')}
          </a>
          <Header session={session} path={location.path} />
          <main id="main" tabIndex={-1} className="container" key={location.path}>
            {page}
          </main>
          <footer className="site-footer">
            <div className="container">{i18n.t('footer.text')}</div>
          </footer>
        </SessionContext.Provider>
      </TaxonomyContext.Provider>
    </I18nContext.Provider>
  );
}

function Header({ session, path }: { session: Session | null; path: string }) {
  const { t, lang, setLang } = useI18n();
  const org = session?.organisation;
  const links: Array<{ href: string; label: string; show: boolean }> = [
    { href: '/', label: t('nav.home'), show: true },
    { href: '/workspace/achievements', label: t('nav.university'), show: !!org && ['university', 'institute', 'enterprise'].includes(org.type) && !hasRole(session, 'platform-admin') },
    { href: '/workspace/demands', label: t('nav.enterprise'), show: !!org && org.type === 'enterprise' },
    { href: '/workspace/review', label: t('nav.review'), show: hasRole(session, 'reviewer') },
    { href: '/workspace/pipeline', label: t('nav.broker'), show: hasRole(session, 'broker') },
  ];
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label={`TechBridge ${t('app.name')}`}>
          <span className="brand__mark" aria-hidden="true">TB</span>
          <span className="brand__text">
            <strong>{t('app.name')}</strong>
            <small>{t('app.zone')}</small>
          </span>
        </Link>
        <nav aria-label={t('nav.main')} className="site-nav">
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.href}>
                  <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                    {l.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
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
    </header>
  );
}
