import { ChangeEvent, FormEvent, useState } from 'react';
import { api, ApiError, hasRole } from '../../api';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination } from '../../components/feedback.component';
import { RichTextEditor } from '../../components/rich-text-editor.component';
import { formatDate } from '../../format';
import { MessageKey, useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ARTICLE_KINDS, Article, ArticleKind, ArticlePage, ArticleSummary, kindLabel } from './content-types';

const PAGE_SIZE = 20;

interface Draft {
  id: string | null;
  kind: ArticleKind;
  title: string;
  summary: string;
  source: string;
  policyId: string;
  bodyHtml: string;
}

const EMPTY: Draft = { id: null, kind: 'policy', title: '', summary: '', source: '', policyId: '', bodyHtml: '' };

/** The platform administrators' desk: write, publish, archive policies and news, attach their files. */
export function ContentAdminPage() {
  const { t } = useI18n();
  const session = useSession();
  if (!hasRole(session, 'platform-admin')) return <Notice kind="info">{t('content.admin.forbidden')}</Notice>;
  return <ContentDesk />;
}

function ContentDesk() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const list = useApiQuery<ArticlePage>('content/manage', { page, pageSize: PAGE_SIZE });
  const policies = useApiQuery<ArticlePage>('content/manage', { kind: 'policy', pageSize: 100 });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [current, setCurrent] = useState<Article | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const load = async (a: ArticleSummary) => {
    const full = await api.get<Article>(`content/${a.id}`);
    setCurrent(full);
    setDraft({ id: full.id, kind: full.kind, title: full.title, summary: full.summary, source: full.source ?? '', policyId: full.policyId ?? '', bodyHtml: full.bodyHtml });
    setNotice(null);
    setError(null);
  };
  const fail = (err: unknown) => {
    setError(err);
    setFieldErrors(err instanceof ApiError ? err.fieldErrors() : {});
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    if (!draft.bodyHtml.replace(/<[^>]*>/g, '').trim()) {
      setFieldErrors({ bodyHtml: t('content.admin.bodyRequired') });
      return;
    }
    const body = {
      title: draft.title, summary: draft.summary, source: draft.source, bodyHtml: draft.bodyHtml,
      policyId: draft.kind === 'interpretation' && draft.policyId ? draft.policyId : draft.id ? null : undefined,
    };
    setBusy(true);
    try {
      const saved = draft.id ? await api.patch<Article>(`content/${draft.id}`, body) : await api.post<Article>('content', { ...body, kind: draft.kind });
      setCurrent(saved);
      set({ id: saved.id });
      setNotice(t('content.admin.saved'));
      await invalidate('content');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const step = async (action: string) => {
    if (!current) return;
    setError(null);
    try {
      const next = await api.post<Article>(`content/${current.id}/transitions`, { action });
      setCurrent(next);
      setNotice(t(`content.status.${next.status}` as MessageKey));
      await invalidate('content');
    } catch (err) {
      fail(err);
    }
  };
  const attach = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !current) return;
    const form = new FormData();
    form.append('file', file);
    try {
      await api.upload(`content/${current.id}/attachments`, form);
      setCurrent(await api.get<Article>(`content/${current.id}`));
      setNotice(t('content.admin.attached'));
    } catch (err) {
      fail(err);
    }
  };

  const describe = (field: string) => (fieldErrors[field] ? `${field}-error` : undefined);
  const fieldError = (field: string) =>
    fieldErrors[field] ? (
      <p className="field-error" id={`${field}-error`}>
        {fieldErrors[field]}
      </p>
    ) : null;

  return (
    <section aria-labelledby="content-admin-title">
      <h1 id="content-admin-title">{t('content.admin.title')}</h1>
      <p className="muted">{t('content.admin.lead')}</p>
      <div className="panel">
        <h2>{draft.id ? `${t('content.admin.edit')}：${draft.title}` : t('content.admin.new')}</h2>
        {notice && <Notice>{notice}</Notice>}
        {!!error && Object.keys(fieldErrors).length === 0 && <ErrorNotice error={error} />}
        <form onSubmit={save} noValidate className="form">
          <div className="field">
            <label htmlFor="article-kind">{t('content.admin.kind')}</label>
            <select id="article-kind" value={draft.kind} disabled={!!draft.id} onChange={(e) => set({ kind: e.target.value as ArticleKind })}>
              {ARTICLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(kindLabel(k))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="article-title">{t('content.admin.titleField')}</label>
            <input id="article-title" value={draft.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={!!fieldErrors.title || undefined} aria-describedby={describe('title')} />
            {fieldError('title')}
          </div>
          <div className="field">
            <label htmlFor="article-source">{t('content.admin.source')}</label>
            <input id="article-source" value={draft.source} onChange={(e) => set({ source: e.target.value })} />
          </div>
          {draft.kind === 'interpretation' && (
            <div className="field">
              <label htmlFor="article-policy">{t('content.admin.policy')}</label>
              <select id="article-policy" value={draft.policyId} onChange={(e) => set({ policyId: e.target.value })} aria-describedby={describe('policyId')}>
                <option value="">{t('content.admin.policyNone')}</option>
                {(policies.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
              {fieldError('policyId')}
            </div>
          )}
          <div className="field">
            <label htmlFor="article-summary">{t('content.admin.summary')}</label>
            <textarea id="article-summary" rows={2} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} />
          </div>
          <div className="field">
            <span id="article-body-label" className="label">
              {t('content.admin.body')}
            </span>
            <RichTextEditor id="article-body" labelledBy="article-body-label" initialHtml={current?.id === draft.id ? (current?.bodyHtml ?? '') : ''} onChange={(html) => set({ bodyHtml: html })} invalid={!!fieldErrors.bodyHtml} />
            {fieldError('bodyHtml')}
          </div>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {draft.id ? t('content.admin.saveChanges') : t('content.admin.save')}
            </button>
            {current &&
              current.id === draft.id &&
              current.allowedActions.map((a) => (
                <button key={a} type="button" className="btn" onClick={() => void step(a)}>
                  {t(`content.admin.action.${a}` as MessageKey)}
                </button>
              ))}
            {current && current.id === draft.id && current.status === 'published' && <Link href={`/policies/${current.id}`}>{t('content.admin.view')}</Link>}
            {draft.id && (
              <button
                type="button"
                className="btn btn--ghost"
                onClick={() => {
                  setDraft(EMPTY);
                  setCurrent(null);
                  setNotice(null);
                }}
              >
                {t('content.admin.new')}
              </button>
            )}
          </div>
        </form>
        {current && current.id === draft.id && (
          <div className="field">
            <label htmlFor="article-file">{t('content.admin.attach')}</label>
            <input id="article-file" type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => void attach(e)} />
            {fieldError('file')}
            <ul>
              {current.attachments.map((f) => (
                <li key={f.id}>{f.filename}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="panel">
        <h2>{t('content.admin.list')}</h2>
        {list.isLoading && <Loading />}
        {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
        {list.data && list.data.items.length === 0 && <EmptyState>{t('content.admin.listEmpty')}</EmptyState>}
        {list.data && list.data.items.length > 0 && (
          <>
            <table className="table" data-testid="content-admin-list">
              <thead>
                <tr>
                  <th>{t('content.admin.titleField')}</th>
                  <th>{t('content.admin.kind')}</th>
                  <th>{t('content.published')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td>
                      {t(kindLabel(a.kind))} · {t(`content.status.${a.status}` as MessageKey)}
                    </td>
                    <td>{formatDate(a.publishedAt, lang)}</td>
                    <td>
                      <button type="button" className="btn btn--small" onClick={() => void load(a).catch(fail)}>
                        {t('content.admin.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        )}
      </div>
    </section>
  );
}
