import { formatDate } from '../format';
import { RepealedMark } from '../pages/content/repealed-mark.component';
import { useI18n } from '../i18n';
import { useApiQuery } from '../query';
import { Link } from '../router';
import { ArticlePage, kindLabel } from '../pages/content/content-types';
import { ErrorNotice, Loading } from './feedback.component';

/** The home page's latest policies and notices. */
export function LatestContent() {
  const { t, lang } = useI18n();
  const latest = useApiQuery<ArticlePage>('content', { pageSize: 5 });
  return (
    <section className="panel" aria-labelledby="latest-content-title">
      <h2 id="latest-content-title">{t('home.latestContent')}</h2>
      {latest.isLoading && <Loading />}
      {!!latest.error && <ErrorNotice error={latest.error} onRetry={latest.refetch} />}
      {latest.data && latest.data.items.length === 0 && <p className="muted">{t('content.empty')}</p>}
      {latest.data && latest.data.items.length > 0 && (
        <ul className="plain-list">
          {latest.data.items.map((a) => (
            <li key={a.id}>
              <span className="small muted">
                [{t(kindLabel(a.kind))}] {formatDate(a.publishedAt, lang)}
              </span>{' '}
              <Link href={`/policies/${a.id}`}>{a.title}</Link> <RepealedMark repealedAt={a.repealedAt} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/policies">{t('home.moreContent')}</Link>
      </p>
    </section>
  );
}
