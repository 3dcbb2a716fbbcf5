import { FormEvent, useState } from 'react';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../../components/feedback.component';
import { Tabs } from '../../components/tabs.component';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { useApiQuery } from '../../query';
import { Link, navigate, useLocation } from '../../router';
import { ARTICLE_KINDS, ArticleKind, ArticlePage, kindLabel } from './content-types';
import { RepealedMark } from './repealed-mark.component';

const PAGE_SIZE = 10;
type KindTab = ArticleKind | 'all';

/** Matched words come back wrapped in <em>; everything else is escaped text. */
function Highlighted({ html, fallback }: { html: string | string[] | undefined; fallback: string }) {
  const text = Array.isArray(html) ? html.join(' … ') : html;
  if (!text) return <>{fallback}</>;
  const parts = text.split(/(<em>.*?<\/em>)/g);
  return <>{parts.map((p, i) => (p.startsWith('<em>') ? <mark key={i}>{p.slice(4, -5)}</mark> : <span key={i}>{p}</span>))}</>;
}

/** Policies, interpretations, announcements and success stories: by kind, newest first, searchable. */
export function ContentListPage() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const kindParam = query.get('kind') ?? '';
  const kind: KindTab = (ARTICLE_KINDS as string[]).includes(kindParam) ? (kindParam as ArticleKind) : 'all';
  const q = query.get('q') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const [text, setText] = useState(q);
  const list = useApiQuery<ArticlePage>('content', { kind: kind === 'all' ? undefined : kind, q: q || undefined, page, pageSize: PAGE_SIZE });
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    else next.delete(k);
    navigate(`/policies${next.toString() ? `?${next.toString()}` : ''}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() || null, page: null });
  };
  const tabs: Array<{ key: KindTab; label: string }> = [{ key: 'all', label: t('content.kind.all') }, ...ARTICLE_KINDS.map((k) => ({ key: k as KindTab, label: t(kindLabel(k)) }))];
  return (
    <section aria-labelledby="content-title">
      <h1 id="content-title">{t('content.title')}</h1>
      <p className="muted">{t('content.lead')}</p>
      <form className="search-form" role="search" onSubmit={submit}>
        <label htmlFor="content-q" className="visually-hidden">
          {t('content.search')}
        </label>
        <input id="content-q" type="search" value={text} placeholder={t('content.search')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn btn--primary">
          {t('content.searchButton')}
        </button>
      </form>
      <Tabs<KindTab> label={t('content.title')} selected={kind} onSelect={(k) => go({ kind: k === 'all' ? null : k, page: null })} tabs={tabs} panelId="content-list" />
      <div id="content-list" role="tabpanel" aria-busy={list.isLoading}>
        {list.isLoading && <Loading />}
        {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
        {list.data && list.data.items.length === 0 && <EmptyState>{q ? t('content.emptySearch', { q }) : t('content.empty')}</EmptyState>}
        {list.data && list.data.items.length > 0 && (
          <>
            <ul className="cards" data-testid="content-results">
              {list.data.items.map((a) => (
                <li key={a.id} className={a.repealedAt ? 'card card--repealed' : 'card'}>
                  <p className="small muted">
                    <span className="badge">{t(kindLabel(a.kind))}</span> {formatDate(a.publishedAt, lang)}
                    {a.source ? ` · ${a.source}` : ''} <RepealedMark repealedAt={a.repealedAt} />
                  </p>
                  <h2 className="card__title">
                    <Link href={`/policies/${a.id}`}>
                      <Highlighted html={a.highlights?.title} fallback={a.title} />
                    </Link>
                  </h2>
                  <p>
                    <Highlighted html={a.highlights?.summary} fallback={a.summary} />
                  </p>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => go({ page: String(p) })} />
          </>
        )}
      </div>
    </section>
  );
}
