import { FormEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { CheckboxGroup, Field } from '../components/field.component';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination, StatusBadge } from '../components/feedback.component';
import { DemandMatches } from '../components/demand-matches.component';
import { RequireSession } from '../components/require-session.component';
import { formatMoney, splitList } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { AchievementView, QualityWarning } from '../types';
import { Errors, validateAchievement } from '../validation';
import { invalidate, useApiQuery } from '../query';

const PAGE_SIZE = 10;

export function UniversityWorkspace() {
  return (
    <RequireSession orgTypes={['university', 'institute', 'enterprise']}>
      <UniversityWorkspaceInner />
    </RequireSession>
  );
}

function UniversityWorkspaceInner() {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const [page, setPage] = useState(1);
  const [showForm, setShowForm] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<{ title: string; items: QualityWarning[] } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [openMatches, setOpenMatches] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = useApiQuery<Page<AchievementView>>('achievements', { owner: session?.organisation.id, page, pageSize: PAGE_SIZE });

  const act = async (a: AchievementView, action: 'submit' | 'resubmit') => {
    setActionError(null);
    try {
      const r = await api.post<AchievementView>(`achievements/${a.id}/${action}`);
      setNotice(t('ws.university.submitted'));
      setWarnings(r.qualityWarnings?.length ? { title: r.title, items: r.qualityWarnings } : null);
      void invalidate('achievements', 'search');
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section aria-labelledby="ws-title">
      <div className="ws-head">
        <h1 id="ws-title">{t('ws.university.title')}</h1>
        <button type="button" className="btn btn--primary" aria-expanded={showForm} aria-controls="achievement-form" onClick={() => setShowForm((x) => !x)}>
          {t('ws.university.new')}
        </button>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {warnings && (
        <div className="notice notice--warning" role="status" data-testid="quality-warnings">
          <strong>{t('ws.university.warnings')}</strong> — {warnings.title}
          <ul>
            {warnings.items.map((w) => (
              <li key={w.code}>{pick(w)}</li>
            ))}
          </ul>
        </div>
      )}
      {!!actionError && <ErrorNotice error={actionError} />}
      {showForm && (
        <AchievementForm
          onCreated={(a) => {
            setShowForm(false);
            setNotice(t('ws.university.created'));
            setWarnings(null);
            setPage(1);
            void invalidate('achievements', 'search');
            void a;
          }}
        />
      )}
      <h2>{t('ws.university.mine')}</h2>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('ws.university.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('form.title')}</th>
                <th scope="col">{t('achievement.industry')}</th>
                <th scope="col">TRL</th>
                <th scope="col">{t('achievement.askingPrice')}</th>
                <th scope="col">{t('achievement.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('ws.university.submit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => [
                <tr key={a.id} data-testid="my-achievement" data-status={a.status}>
                  <td>
                    <Link href={`/achievements/${a.id}`}>{a.title}</Link>
                    {a.status === 'returned' && a.reviewComment && (
                      <p className="muted small">
                        {t('ws.university.reviewComment')}{t('common.colon')}{a.reviewComment}
                      </p>
                    )}
                  </td>
                  <td>{pick(labels.get(`industry:${a.industry}`)) || a.industry}</td>
                  <td>{a.trl}</td>
                  <td>{formatMoney(a.askingPrice, lang, t('common.negotiable'))}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>
                    {a.status === 'draft' && (
                      <button type="button" className="btn btn--small btn--primary" onClick={() => act(a, 'submit')}>
                        {t('ws.university.submit')}
                      </button>
                    )}
                    {a.status === 'returned' && (
                      <button type="button" className="btn btn--small btn--primary" onClick={() => act(a, 'resubmit')}>
                        {t('ws.university.resubmit')}
                      </button>
                    )}
                    {(a.status === 'draft' || a.status === 'returned' || a.status === 'published') && (
                      <button type="button" className="btn btn--small" aria-expanded={editingId === a.id} onClick={() => setEditingId(editingId === a.id ? null : a.id)}>
                        {t('ws.university.edit')}
                      </button>
                    )}
                    {a.status === 'published' && (
                      <button
                        type="button"
                        className="btn btn--small"
                        aria-expanded={openMatches === a.id}
                        aria-controls={`demand-matches-${a.id}`}
                        onClick={() => setOpenMatches(openMatches === a.id ? null : a.id)}
                      >
                        {t('ws.university.showDemands')}
                      </button>
                    )}
                  </td>
                </tr>,
                editingId === a.id ? (
                  <tr key={`${a.id}-edit`}>
                    <td colSpan={6}>
                      <AchievementForm
                        editing={a}
                        onCreated={() => {
                          setEditingId(null);
                          setNotice(t('ws.university.saved'));
                          void invalidate('achievements', 'search');
                        }}
                      />
                    </td>
                  </tr>
                ) : null,
                openMatches === a.id ? (
                  <tr key={`${a.id}-matches`} id={`demand-matches-${a.id}`}>
                    <td colSpan={6}>
                      <DemandMatches achievementId={a.id} />
                    </td>
                  </tr>
                ) : null,
              ])}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

/** Create a draft, or edit one (draft, returned or published: the states the API lets the owner edit). */
function AchievementForm({ onCreated, editing }: { onCreated: (a: AchievementView) => void; editing?: AchievementView }) {
  const { t, lang, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const [f, setF] = useState(() =>
    editing
      ? {
          title: editing.title,
          summary: editing.summary,
          keywords: editing.keywords.join(', '),
          industry: editing.industry,
          field: editing.field ?? '',
          trl: String(editing.trl),
          askingPrice: editing.askingPrice === null ? '' : String(editing.askingPrice),
          patents: editing.patents.join(', '),
        }
      : { title: '', summary: '', keywords: '', industry: '', field: '', trl: '', askingPrice: '', patents: '' },
  );
  const [modes, setModes] = useState<string[]>(editing?.transferModes ?? []);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value, ...(k === 'industry' ? { field: '' } : {}) }));
  const fields = taxonomy.industries.find((i) => i.code === f.industry)?.fields ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const keywords = splitList(f.keywords);
    const patents = splitList(f.patents);
    const local = validateAchievement({ ...f, keywords, patents }, lang);
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('common.fixErrors'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const body = {
        title: f.title.trim(),
        summary: f.summary.trim(),
        keywords,
        industry: f.industry,
        ...(f.field ? { field: f.field } : {}),
        trl: Number(f.trl),
        transferModes: modes,
        askingPrice: f.askingPrice.trim() ? Number(f.askingPrice) : null,
        patents,
      };
      onCreated(editing ? await api.patch<AchievementView>(`achievements/${editing.id}`, body) : await api.post<AchievementView>('achievements', body));
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setMessage(err.message);
      } else setMessage(String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id={editing ? `achievement-form-${editing.id}` : 'achievement-form'} className="form form--two panel" onSubmit={submit} noValidate aria-label={editing ? `${t('ws.university.edit')}: ${editing.title}` : t('ws.university.new')}>
      {message && (
        <div className="form__full">
          <Notice kind="error">{message}</Notice>
        </div>
      )}
      <div className="form__full">
        <Field label={t('form.title')} error={errors.title} required>
          {(p) => <input id={p.id} name="title" value={f.title} onChange={set('title')} aria-describedby={p.describedBy} aria-invalid={p.invalid} maxLength={200} required />}
        </Field>
      </div>
      <div className="form__full">
        <Field label={t('form.summary')} hint={t('form.summaryHint')} error={errors.summary} required>
          {(p) => <textarea id={p.id} name="summary" rows={5} value={f.summary} onChange={set('summary')} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />}
        </Field>
      </div>
      <Field label={t('form.keywords')} hint={t('form.keywordsHint')} error={errors.keywords}>
        {(p) => <input id={p.id} name="keywords" value={f.keywords} onChange={set('keywords')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <Field label={t('form.patents')} hint={t('form.patentsHint')} error={errors.patents}>
        {(p) => <input id={p.id} name="patents" value={f.patents} onChange={set('patents')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <Field label={t('form.industry')} error={errors.industry} required>
        {(p) => (
          <select id={p.id} name="industry" value={f.industry} onChange={set('industry')} aria-describedby={p.describedBy} aria-invalid={p.invalid} required>
            <option value="">{t('form.choose')}</option>
            {taxonomy.industries.map((i) => (
              <option key={i.code} value={i.code}>
                {pick(i)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.field')} error={errors.field}>
        {(p) => (
          <select id={p.id} name="field" value={f.field} onChange={set('field')} aria-describedby={p.describedBy} aria-invalid={p.invalid} disabled={!fields.length}>
            <option value="">{t('common.none')}</option>
            {fields.map((x) => (
              <option key={x.code} value={x.code}>
                {pick(x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.trl')} error={errors.trl} required>
        {(p) => (
          <select id={p.id} name="trl" value={f.trl} onChange={set('trl')} aria-describedby={p.describedBy} aria-invalid={p.invalid} required>
            <option value="">{t('form.choose')}</option>
            {(taxonomy.trlLevels.length ? taxonomy.trlLevels : Array.from({ length: 9 }, (_, i) => ({ level: i + 1, zh: '', en: '' }))).map((l) => (
              <option key={l.level} value={l.level}>
                TRL {l.level}
                {pick(l) ? ` · ${pick(l)}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.askingPrice')} hint={t('form.askingPriceHint')} error={errors.askingPrice}>
        {(p) => <input id={p.id} name="askingPrice" inputMode="decimal" value={f.askingPrice} onChange={set('askingPrice')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <div className="form__full">
        <CheckboxGroup
          legend={t('form.transferModes')}
          name="transferModes"
          options={taxonomy.transferModes.map((m) => ({ code: m.code, label: pick(m) }))}
          value={modes}
          onChange={setModes}
          error={errors.transferModes}
        />
      </div>
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {editing ? t('common.save') : t('form.create')}
        </button>
      </div>
    </form>
  );
}
