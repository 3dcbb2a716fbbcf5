import { FormEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { CheckboxGroup, Field } from '../components/field.component';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination, StatusBadge } from '../components/feedback.component';
import { MatchList } from '../components/match-list.component';
import { RequireSession } from '../components/require-session.component';
import { formatMoney, splitList } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { DemandFull } from '../types';
import { Errors, validateDemand } from '../validation';
import { invalidate, useApiQuery } from '../query';

const PAGE_SIZE = 10;
const DEMAND_COOPERATION_MODES = ['transfer', 'license', 'joint-implementation', 'equity', 'joint-development', 'consulting', 'other'];

export function EnterpriseWorkspace() {
  return (
    <RequireSession orgTypes={['enterprise']}>
      <EnterpriseWorkspaceInner />
    </RequireSession>
  );
}

function EnterpriseWorkspaceInner() {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const [page, setPage] = useState(1);
  const [showForm, setShowForm] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApiQuery<Page<DemandFull>>('demands', { mine: true, page, pageSize: PAGE_SIZE });

  const publish = async (d: DemandFull) => {
    setActionError(null);
    try {
      await api.post(`demands/${d.id}/publish`);
      setNotice(t('ws.enterprise.published'));
      void invalidate('demands', 'search');
      setOpen(d.id);
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section aria-labelledby="ws-title">
      <div className="ws-head">
        <h1 id="ws-title">{t('ws.enterprise.title')}</h1>
        <button type="button" className="btn btn--primary" aria-expanded={showForm} aria-controls="demand-form" onClick={() => setShowForm((x) => !x)}>
          {t('ws.enterprise.new')}
        </button>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {!!actionError && <ErrorNotice error={actionError} />}
      {showForm && (
        <DemandForm
          onCreated={() => {
            setShowForm(false);
            setNotice(t('ws.enterprise.created'));
            setPage(1);
            void invalidate('demands', 'search');
          }}
        />
      )}
      <h2>{t('ws.enterprise.mine')}</h2>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('ws.enterprise.empty')}</EmptyState>}
      {list.data && (
        <ul className="cards">
          {list.data.items.map((d) => (
            <li key={d.id} className="card" data-testid="my-demand" data-status={d.status}>
              <div className="card__head">
                <h3 className="card__title">
                  <Link href={`/demands/${d.id}`}>{d.title}</Link>
                </h3>
                <StatusBadge status={d.status} />
              </div>
              <p className="card__meta">
                <span className="tag">{pick(labels.get(`industry:${d.industry}`)) || d.industry}</span>
                {d.minTrl && <span className="tag">TRL ≥ {d.minTrl}</span>}
                <span>{formatMoney(d.budget, lang, t('common.negotiable'))}</span>
              </p>
              <div className="card__actions">
                {d.status === 'draft' && (
                  <button type="button" className="btn btn--primary" onClick={() => publish(d)}>
                    {t('ws.enterprise.publish')}
                  </button>
                )}
                {(d.status === 'published' || d.status === 'in-negotiation') && (
                  <button type="button" className="btn" aria-expanded={open === d.id} aria-controls={`matches-${d.id}`} onClick={() => setOpen(open === d.id ? null : d.id)}>
                    {t('ws.enterprise.showMatches')}
                  </button>
                )}
              </div>
              {open === d.id && (
                <div id={`matches-${d.id}`}>
                  <MatchList demandId={d.id} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

function DemandForm({ onCreated }: { onCreated: () => void }) {
  const { t, lang, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const labels = labelIndex(taxonomy);
  const [f, setF] = useState({ title: '', description: '', keywords: '', industry: '', field: '', minTrl: '', budget: '', park: '', deadline: '', visibility: 'public' });
  const [modes, setModes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value, ...(k === 'industry' ? { field: '' } : {}) }));
  const fields = taxonomy.industries.find((i) => i.code === f.industry)?.fields ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const keywords = splitList(f.keywords);
    const local = validateDemand({ ...f, keywords }, lang);
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('common.fixErrors'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await api.post('demands', {
        title: f.title.trim(),
        description: f.description.trim(),
        keywords,
        industry: f.industry,
        ...(f.field ? { field: f.field } : {}),
        minTrl: f.minTrl ? Number(f.minTrl) : null,
        budget: f.budget.trim() ? Number(f.budget) : null,
        cooperationModes: modes,
        ...(f.park ? { park: f.park } : {}),
        ...(f.deadline ? { deadline: f.deadline } : {}),
        visibility: f.visibility,
      });
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setMessage(err.message);
      } else setMessage(String(err));
    } finally {
      setBusy(false);
    }
  };

  const select = (k: keyof typeof f, label: string, options: Array<{ code: string; label: string }>, opts: { required?: boolean; empty?: string } = {}) => (
    <Field label={label} error={errors[k]} required={opts.required}>
      {(p) => (
        <select id={p.id} name={k} value={f[k]} onChange={set(k)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required={opts.required}>
          <option value="">{opts.empty ?? t('form.choose')}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form id="demand-form" className="form form--two panel" onSubmit={submit} noValidate aria-label={t('ws.enterprise.new')}>
      {message && (
        <div className="form__full">
          <Notice kind="error">{message}</Notice>
        </div>
      )}
      <div className="form__full">
        <Field label={t('demand.title')} error={errors.title} required>
          {(p) => <input id={p.id} name="title" value={f.title} onChange={set('title')} aria-describedby={p.describedBy} aria-invalid={p.invalid} maxLength={200} required />}
        </Field>
      </div>
      <div className="form__full">
        <Field label={t('demand.description')} hint={t('demand.descriptionHint')} error={errors.description} required>
          {(p) => <textarea id={p.id} name="description" rows={5} value={f.description} onChange={set('description')} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />}
        </Field>
      </div>
      <Field label={t('form.keywords')} hint={t('form.keywordsHint')} error={errors.keywords}>
        {(p) => <input id={p.id} name="keywords" value={f.keywords} onChange={set('keywords')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      {select('industry', t('form.industry'), taxonomy.industries.map((i) => ({ code: i.code, label: pick(i) })), { required: true })}
      {select('field', t('form.field'), fields.map((x) => ({ code: x.code, label: pick(x) })), { empty: t('common.none') })}
      {select('minTrl', t('demand.minTrl'), Array.from({ length: 9 }, (_, i) => ({ code: String(i + 1), label: `TRL ${i + 1}` })), { empty: t('common.none') })}
      <Field label={t('demand.budget')} hint={t('demand.budgetHint')} error={errors.budget}>
        {(p) => <input id={p.id} name="budget" inputMode="decimal" value={f.budget} onChange={set('budget')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      {select('park', t('demand.park'), taxonomy.parks.map((x) => ({ code: x.code, label: pick(x) })), { empty: t('common.none') })}
      <Field label={t('demand.deadline')} error={errors.deadline}>
        {(p) => <input id={p.id} name="deadline" type="date" value={f.deadline} onChange={set('deadline')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      {select('visibility', t('demand.visibility'), (['public', 'members', 'brokers'] as const).map((v) => ({ code: v, label: t(`demand.visibility.${v}`) })), { required: true })}
      <div className="form__full">
        <CheckboxGroup
          legend={t('demand.cooperationModes')}
          name="cooperationModes"
          options={DEMAND_COOPERATION_MODES.map((m) => ({ code: m, label: pick(labels.get(`mode:${m}`)) || m }))}
          value={modes}
          onChange={setModes}
          error={errors.cooperationModes}
        />
      </div>
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('form.create')}
        </button>
      </div>
    </form>
  );
}
