import { FormEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination, StatusBadge } from '../components/feedback.component';
import { Field } from '../components/field.component';
import { RequireSession } from '../components/require-session.component';
import { ThesaurusPanel } from '../components/thesaurus.component';
import { DeadLettersPanel } from '../components/dead-letters.component';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Named, useTaxonomy } from '../taxonomy';
import { invalidate, useApiQuery } from '../query';

interface ImportJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  errors: Array<{ line?: number; row?: number; field?: string; message: string }>;
  failureReason: string | null;
}
interface AuditEntry {
  id: string;
  actorUserId: string | null;
  action: string;
  actionLabel?: { zh: string; en: string };
  entityType: string;
  entityLabel?: { zh: string; en: string };
  entityId: string;
  at: string;
}

const POLL_MS = 1000;

export function AdminWorkspace() {
  return (
    <RequireSession roles={['platform-admin', 'org-admin']}>
      <Admin />
    </RequireSession>
  );
}

function Admin() {
  const { t } = useI18n();
  const session = api.current;
  const platformAdmin = !!session?.user.roles.includes('platform-admin');
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      {platformAdmin && <VerificationQueue />}
      {platformAdmin && <QueueDashboardLink />}
      {platformAdmin && <DeadLettersPanel />}
      <ImportPanel />
      {platformAdmin && <ParkIndustriesPanel />}
      {platformAdmin && <ThesaurusPanel />}
      {platformAdmin && <AuditLog />}
    </section>
  );
}

function QueueDashboardLink() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  // Page loads cannot carry a bearer header: the api trades it for a short-lived cookie scoped to /admin/queues.
  const open = async () => {
    setError(null);
    const res = await fetch('/admin/queues/session', { method: 'POST', headers: api.authHeaders() });
    if (res.status === 204) window.open('/admin/queues', '_blank', 'noopener');
    else setError(`HTTP ${res.status}`);
  };
  return (
    <section className="panel" aria-labelledby="queues-title">
      <h2 id="queues-title">{t('admin.queues')}</h2>
      <p className="muted">{t('admin.queuesHint')}</p>
      <button type="button" className="btn" onClick={open}>
        {t('admin.openQueues')}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}

function ImportPanel() {
  const { t } = useI18n();
  const [kind, setKind] = useState('achievements');
  const [publish, setPublish] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The job's progress through the cache, read again every POLL_MS while it is queued or running.
  const progress = useApiQuery<ImportJob>(`imports/${jobId}`, undefined, {
    enabled: jobId !== null,
    keepPrevious: false,
    refetchInterval: (data) => {
      const j = data as ImportJob | undefined;
      return !j || j.status === 'queued' || j.status === 'running' ? POLL_MS : false;
    },
  });
  const job = jobId ? (progress.data ?? null) : null;
  const pollError = progress.error ? (progress.error instanceof Error ? progress.error.message : String(progress.error)) : null;

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setJobId(null);
    if (!file) {
      setError(t('admin.importFile'));
      return;
    }
    const form = new FormData();
    form.append('file', file);
    try {
      const { id } = await api.upload<{ id: string }>(`imports/${kind}`, form, { publish });
      setJobId(id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const pct = job && job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <section className="panel" aria-labelledby="imports-title">
      <h2 id="imports-title">{t('admin.imports')}</h2>
      <form className="form" onSubmit={start}>
        <div className="field">
          <label htmlFor="import-kind">{t('admin.importKind')}</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="achievements">{t('home.tabAchievements')}</option>
            <option value="demands">{t('home.tabDemands')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t('admin.importFile')}</label>
          <input id="import-file" type="file" accept=".csv,.xlsx,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('admin.importPublish')}
        </label>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={!!job && (job.status === 'queued' || job.status === 'running')}>
            {t('admin.importStart')}
          </button>
        </div>
      </form>
      {(error ?? pollError) && <Notice kind="error">{error ?? pollError}</Notice>}
      {job && (
        <div role="status" aria-live="polite" data-testid="import-progress">
          <progress max={100} value={job.status === 'done' ? 100 : pct} aria-label={t('admin.imports')} />{' '}
          <span>
            <StatusBadge status={job.status} /> {t('admin.importProgress', { processed: job.processed, total: job.total, created: job.created, updated: job.updated, failed: job.failed })}
          </span>
          {job.failureReason && <Notice kind="error">{job.failureReason}</Notice>}
          {job.errors.length > 0 && (
            <details>
              <summary>{t('admin.importErrors')}</summary>
              <ul>
                {job.errors.slice(0, 100).map((er, i) => (
                  <li key={i}>
                    {er.line ?? er.row ?? ''} {er.field ? `${er.field}: ` : ''}
                    {er.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

function AuditLog() {
  const { t, lang, pick } = useI18n();
  const [page, setPage] = useState(1);
  const log = useApiQuery<Page<AuditEntry>>('audit-log', { page, pageSize: 20 });
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      {log.isLoading && <Loading />}
      {log.error instanceof ApiError && <ErrorNotice error={log.error} onRetry={log.refetch} />}
      {log.data && log.data.items.length === 0 && <EmptyState>{t('admin.auditEmpty')}</EmptyState>}
      {log.data && log.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {log.data.items.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.at, lang)}</td>
                  <td data-action={a.action}>{a.actionLabel ? pick(a.actionLabel) : a.action}</td>
                  <td>
                    {a.entityLabel ? pick(a.entityLabel) : a.entityType} <span className="muted small">{a.entityId.slice(0, 8)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.data && <Pagination page={page} pageSize={20} total={log.data.total} onPage={setPage} />}
    </section>
  );
}

interface ParkRow extends Named {
  city: string;
  keyIndustries: string[];
  updatedAt: string;
}

/** The seed file's key industries are a starting point: administrators keep them current (matching reads them live). */
function ParkIndustriesPanel() {
  const { t, pick, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const parks = useApiQuery<ParkRow[]>('taxonomy/parks');
  const [editing, setEditing] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const industryName = (code: string) => {
    const i = taxonomy.industries.find((x) => x.code === code);
    return i ? pick(i) : code;
  };

  const edit = (p: ParkRow) => {
    setNotice(null);
    setEditing(p.code);
    setChosen(p.keyIndustries);
  };
  const save = async (e: FormEvent, p: ParkRow) => {
    e.preventDefault();
    setSaving(true);
    try {
      await api.patch<ParkRow>(`taxonomy/parks/${p.code}`, { keyIndustries: chosen });
      setNotice({ kind: 'success', text: t('admin.parkSaved', { park: pick(p) }) });
      setEditing(null);
      void invalidate('taxonomy');
    } catch (err) {
      const fields = err instanceof ApiError ? Object.values(err.fieldErrors()) : [];
      setNotice({ kind: 'error', text: fields.length ? fields.join('; ') : err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="parks-title">
      <h2 id="parks-title">{t('admin.parks')}</h2>
      <p className="muted small">{t('admin.parksHint')}</p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {parks.isLoading && <Loading />}
      {!!parks.error && <ErrorNotice error={parks.error} onRetry={parks.refetch} />}
      {parks.data && (
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {parks.data.map((p) => (
                <tr key={p.code} data-testid="park-row" data-park={p.code}>
                  <th scope="row">
                    {pick(p)} <span className="muted small">{p.city}</span>
                  </th>
                  <td>
                    {editing === p.code ? (
                      <form onSubmit={(e) => save(e, p)}>
                        <fieldset className="checks">
                          <legend>{t('admin.parkIndustriesOf', { park: pick(p) })}</legend>
                          {taxonomy.industries.map((i) => (
                            <label key={i.code} className="checkbox">
                              <input
                                type="checkbox"
                                checked={chosen.includes(i.code)}
                                onChange={(ev) => setChosen(ev.target.checked ? [...chosen, i.code] : chosen.filter((c) => c !== i.code))}
                              />
                              {pick(i)}
                            </label>
                          ))}
                        </fieldset>
                        <div className="form__actions">
                          <button type="submit" className="btn btn--primary btn--small" disabled={saving}>
                            {t('admin.parkSave')}
                          </button>
                          <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(null)}>
                            {t('admin.parkCancel')}
                          </button>
                        </div>
                      </form>
                    ) : (
                      <span data-testid="park-industries">{p.keyIndustries.length ? p.keyIndustries.map(industryName).join('、') : t('admin.parkNone')}</span>
                    )}
                  </td>
                  <td className="small muted">{formatDate(p.updatedAt, lang)}</td>
                  <td>
                    {editing !== p.code && (
                      <button type="button" className="btn btn--small" onClick={() => edit(p)} aria-label={`${t('admin.parkEdit')}: ${pick(p)}`}>
                        {t('admin.parkEdit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface PendingOrganisation {
  id: string;
  name: string;
  type: string;
  creditCode: string | null;
  region: string;
  parkCode: string | null;
  verificationStatus: string;
  createdAt: string;
}

const QUEUE_PAGE_SIZE = 20;

/** Park administrations and institutions wait here until a platform administrator has checked them. */
function VerificationQueue() {
  const { t, pick, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const [page, setPage] = useState(1);
  const queue = useApiQuery<Page<PendingOrganisation>>('organisations', { verificationStatus: 'pending', page, pageSize: QUEUE_PAGE_SIZE });
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const parkName = (code: string | null) => {
    if (!code) return '';
    const p = taxonomy.parks.find((x) => x.code === code);
    return p ? pick(p) : code;
  };
  const done = (text: string) => {
    setNotice({ kind: 'success', text });
    void invalidate('organisations');
  };
  return (
    <section className="panel" aria-labelledby="verification-title" data-testid="verification-queue">
      <h2 id="verification-title">{t('admin.verification')}</h2>
      <p className="muted small">{t('admin.verificationHint')}</p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {queue.isLoading && !queue.data && <Loading />}
      {!!queue.error && <ErrorNotice error={queue.error} onRetry={queue.refetch} />}
      {queue.data && queue.data.items.length === 0 && <EmptyState>{t('admin.verificationEmpty')}</EmptyState>}
      {queue.data && queue.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.verificationOrg')}</th>
                <th scope="col">{t('admin.verificationType')}</th>
                <th scope="col">{t('admin.verificationCreditCode')}</th>
                <th scope="col">{t('admin.verificationWhere')}</th>
                <th scope="col">{t('admin.verificationSignedUp')}</th>
                <th scope="col">{t('admin.verificationActions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((o) => (
                <tr key={o.id} data-testid="verification-row" data-org={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{t(`orgType.${o.type}` as Parameters<typeof t>[0])}</td>
                  <td>
                    <code>{o.creditCode ?? '—'}</code>
                  </td>
                  <td>
                    {t(`region.${o.region}` as Parameters<typeof t>[0])}
                    {o.parkCode && <span className="muted small"> · {parkName(o.parkCode)}</span>}
                  </td>
                  <td className="small">{formatDate(o.createdAt, lang)}</td>
                  <td>
                    <VerificationDecision org={o} onDone={done} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.data && <Pagination page={page} pageSize={QUEUE_PAGE_SIZE} total={queue.data.total} onPage={setPage} />}
    </section>
  );
}

/** Verify with an optional note, or reject with a reason the organisation will read. */
function VerificationDecision({ org, onDone }: { org: PendingOrganisation; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'verify' | 'reject' | null>(null);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = (m: 'verify' | 'reject') => {
    setMode(m);
    setText('');
    setFieldError(undefined);
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!mode) return;
    const value = text.trim();
    // The API insists on a reason too; saying so here spares a round trip.
    if (mode === 'reject' && !value) {
      setFieldError(t('admin.verificationReasonRequired'));
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setError(null);
    try {
      if (mode === 'verify') await api.post(`organisations/${org.id}/verify`, value ? { note: value } : {});
      else await api.post(`organisations/${org.id}/reject`, { reason: value });
      onDone(t(mode === 'verify' ? 'admin.verified' : 'admin.rejected', { name: org.name }));
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        const onField = fields[mode === 'verify' ? 'note' : 'reason'];
        if (onField) setFieldError(onField);
        else setError(err.status === 409 ? `${err.message}${err.currentState ? ` (${err.currentState})` : ''}` : err.message);
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!mode) {
    return (
      <div className="form__actions">
        <button type="button" className="btn btn--primary btn--small" onClick={() => open('verify')} aria-label={`${t('admin.verify')}: ${org.name}`}>
          {t('admin.verify')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => open('reject')} aria-label={`${t('admin.reject')}: ${org.name}`}>
          {t('admin.reject')}
        </button>
      </div>
    );
  }
  const reject = mode === 'reject';
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field
        label={t(reject ? 'admin.verificationReason' : 'admin.verificationNote')}
        hint={t(reject ? 'admin.verificationReasonHint' : 'admin.verificationNoteHint')}
        error={fieldError}
        required={reject}
      >
        {(p) => (
          <textarea
            id={p.id}
            name={reject ? 'reason' : 'note'}
            rows={2}
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={p.describedBy}
            aria-invalid={p.invalid}
            aria-required={reject}
          />
        )}
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="form__actions">
        <button type="submit" className={`btn btn--small ${reject ? 'btn--danger' : 'btn--primary'}`} disabled={busy}>
          {t(reject ? 'admin.reject' : 'admin.verify')}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setMode(null)}>
          {t('admin.parkCancel')}
        </button>
      </div>
    </form>
  );
}
