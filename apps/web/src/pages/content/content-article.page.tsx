import { api, API_BASE } from '../../api';
import { ErrorNotice, Loading, Notice } from '../../components/feedback.component';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { nullIfMissing, useLoader } from '../../query';
import { Link } from '../../router';
import { Article, kindLabel } from './content-types';
import { RepealedMark } from './repealed-mark.component';

/** One article as the public reads it: the sanitised text, its attachments and, for a policy, its interpretations. */
export function ContentArticlePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const article = useLoader<Article | null>(['content', id], () => nullIfMissing(api.get<Article>(`content/${id}`)));
  if (article.isLoading) return <Loading />;
  if (article.error) return <ErrorNotice error={article.error} onRetry={article.refetch} />;
  const a = article.data;
  if (!a) {
    return (
      <section>
        <Notice kind="info">{t('content.notFound')}</Notice>
        <Link href="/policies">{t('content.back')}</Link>
      </section>
    );
  }
  return (
    <article className="article" aria-labelledby="article-title" data-testid="article">
      <p className="small">
        <Link href="/policies">← {t('content.back')}</Link>
      </p>
      <p className="small muted">
        <span className="badge">{t(kindLabel(a.kind))}</span> {a.publishedAt && `${t('content.published')}${t('common.colon')}${formatDate(a.publishedAt, lang)}`}{' '}
        <RepealedMark repealedAt={a.repealedAt} />
      </p>
      <h1 id="article-title">{a.title}</h1>
      {a.repealedAt && <Notice kind="warning">{t('content.repealedNotice', { date: formatDate(a.repealedAt, lang) })}</Notice>}
      {a.source && (
        <p className="muted">
          {t('content.source')}
          {t('common.colon')}
          {a.source}
        </p>
      )}
      {a.policyId && (
        <p>
          {t('content.interprets')}
          {t('common.colon')}
          <Link href={`/policies/${a.policyId}`}>{t('content.kind.policy')}</Link>
        </p>
      )}
      {/* Sanitised by the api on the way in (allow-list of tags and attributes). */}
      <div className="article__body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
      {a.attachments.length > 0 && (
        <section aria-labelledby="article-files">
          <h2 id="article-files">{t('content.attachments')}</h2>
          <ul>
            {a.attachments.map((f) => (
              <li key={f.id}>
                <a href={`${API_BASE}/content/${a.id}/attachments/${f.id}`} download={f.filename}>
                  {f.filename}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {a.interpretations.length > 0 && (
        <section aria-labelledby="article-interpretations">
          <h2 id="article-interpretations">{t('content.interpretations')}</h2>
          <ul>
            {a.interpretations.map((x) => (
              <li key={x.id}>
                <Link href={`/policies/${x.id}`}>{x.title}</Link> <span className="small muted">{formatDate(x.publishedAt, lang)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
