import type { components } from '../api/schema.gen';
import { Notice } from '../components/feedback.component';
import { useI18n } from '../i18n';
import { useApiQuery } from '../query';

type LegalDocument = components['schemas']['LegalDocumentResponse'];

/** The user agreement or privacy policy in force, as sign-up asks to accept it. */
export function LegalPage({ document }: { document: string }) {
  const { t, lang, pick } = useI18n();
  const docs = useApiQuery<LegalDocument[]>('site/legal', undefined, { staleTime: Infinity });
  const doc = docs.data?.find((d) => d.document === document);
  if (docs.isLoading) return <p>{t('common.loading')}</p>;
  if (!doc) return <Notice kind="info">{t('legal.notFound')}</Notice>;
  return (
    <article className="legal" aria-labelledby="legal-title">
      <h1 id="legal-title">{pick(doc.title)}</h1>
      <p className="muted">{t('legal.version', { version: doc.version })}</p>
      {doc.body[lang].map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </article>
  );
}
