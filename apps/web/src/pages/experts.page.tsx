import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import type { components } from '../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination } from '../components/feedback.component';
import { useI18n } from '../i18n';
import { useApiQuery } from '../query';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';

type Expert = components['schemas']['ExpertResponse'];
type ExpertPage = components['schemas']['ExpertPageResponse'];
const PAGE_SIZE = 20;

/** The expert directory (专家库): experts registered by verified institutions, by field; no personal contact data. */
export function ExpertDirectoryPage() {
  const { t, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const { query } = useLocation();
  const field = query.get('field') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const list = useApiQuery<ExpertPage>('experts', { field: field || undefined, page, pageSize: PAGE_SIZE });
  const go = (next: { field?: string; page?: number }) => {
    const p = new URLSearchParams();
    const f = next.field ?? field;
    if (f) p.set('field', f);
    if (next.page && next.page > 1) p.set('page', String(next.page));
    navigate(`/experts${p.toString() ? `?${p.toString()}` : ''}`);
  };
  return (
    <section aria-labelledby="experts-title">
      <h1 id="experts-title">{t('experts.title')}</h1>
      <p className="muted">{t('experts.lead')}</p>
      <label>
        {t('experts.field')}{' '}
        <select value={field} onChange={(e) => go({ field: e.target.value, page: 1 })}>
          <option value="">{t('experts.allFields')}</option>
          {taxonomy.industries.map((i) => (
            <optgroup key={i.code} label={pick(i)}>
              {i.fields.map((f) => (
                <option key={f.code} value={f.code}>
                  {pick(f)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('experts.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <>
          <ul className="cards" data-testid="experts">
            {list.data.items.map((e) => (
              <li key={e.id} className="card">
                <ExpertCard expert={e} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => go({ page: p })} />
        </>
      )}
    </section>
  );
}

function ExpertCard({ expert: e }: { expert: Expert }) {
  const { pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  return (
    <>
      <h2 className="card__title">
        <Link href={`/experts/${e.id}`}>{e.name}</Link>
      </h2>
      <p className="small muted">
        {e.title} · <Link href={`/profiles/${e.organisationId}`}>{e.organisationName}</Link>
      </p>
      <p>
        {e.fields.map((f) => (
          <span key={f} className="tag">
            {pick(labels.get(`field:${f}`)) || f}
          </span>
        ))}
      </p>
    </>
  );
}

/** One expert, with the contact request form for signed-in users (the expert's organisation receives it). */
export function ExpertPage({ id }: { id: string }) {
  const { t } = useI18n();
  const session = useSession();
  const expert = useApiQuery<Expert>(`experts/${id}`);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (expert.isLoading) return <Loading />;
  if (expert.error) return <ErrorNotice error={expert.error} onRetry={expert.refetch} />;
  const e = expert.data!;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    try {
      await api.post(`experts/${e.id}/contact-requests`, { message: message.trim() });
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <article className="panel" aria-labelledby="expert-title" data-testid="expert">
      <p className="small">
        <Link href="/experts">← {t('experts.title')}</Link>
      </p>
      <h1 id="expert-title">{e.name}</h1>
      <ExpertCard expert={e} />
      {e.bio && <p>{e.bio}</p>}
      <h2>{t('experts.contact')}</h2>
      <p className="small muted">{t('experts.contactLead')}</p>
      {!session && <EmptyState action={{ href: `/sign-in?next=/experts/${e.id}`, label: t('nav.signIn') }}>{t('experts.signIn')}</EmptyState>}
      {session && sent && <Notice>{t('experts.sent', { org: e.organisationName })}</Notice>}
      {session && !sent && (
        <form className="form" onSubmit={submit}>
          <label>
            {t('experts.message')}
            <textarea value={message} minLength={10} maxLength={1000} required onChange={(x) => setMessage(x.target.value)} />
          </label>
          {error && <Notice kind="error">{error}</Notice>}
          <button type="submit" className="btn btn--primary">
            {t('experts.send')}
          </button>
        </form>
      )}
    </article>
  );
}
