import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../../components/feedback.component';
import { CheckboxGroup, Field } from '../../components/field.component';
import { RequireSession } from '../../components/require-session.component';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';
import { useTaxonomy } from '../../taxonomy';
import { STAGES, stageKey, statusKey, yuanInput } from './finance-shared';

type RequestPage = components['schemas']['FinancingRequestPageResponse'];
type AchievementPage = { items: Array<{ id: string; title: string }> };
type ListingPage = components['schemas']['ListingPageResponse'];
type ProjectPage = components['schemas']['MajorProjectPageResponse'];

/** The enterprise's financing requests and the form to draft one from its achievements, listings and major projects. */
export function FinancingWorkspace() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [showForm, setShowForm] = useState(false);
  const list = useApiQuery<RequestPage>('financing-requests', { page, pageSize: 20 });
  return (
    <RequireSession orgTypes={['enterprise']}>
      <section aria-labelledby="financing-title">
        <h1 id="financing-title">{t('fin.financing.title')}</h1>
        <p className="muted">{t('fin.financing.lead')}</p>
        <button type="button" className="btn btn--primary" onClick={() => setShowForm(!showForm)} aria-expanded={showForm}>
          {t('fin.financing.new')}
        </button>
        {showForm && <RequestForm onCreated={() => setShowForm(false)} />}
        <div className="panel" data-testid="financing-requests">
          {list.isLoading && <Loading />}
          {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
          {list.data && list.data.items.length === 0 && <EmptyState>{t('fin.financing.empty')}</EmptyState>}
          <ul className="plain-list">
            {list.data?.items.map((r) => (
              <li key={r.id} className="card" data-testid="financing-request">
                <Link href={`/workspace/financing/${r.id}`}><strong>{r.title}</strong></Link>{' '}
                <span className="badge">{t(statusKey(r.status))}</span> <span className="badge">{t(stageKey(r.stage))}</span> {formatMoney(r.amount, lang, '')}
              </li>
            ))}
          </ul>
          {list.data && <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />}
        </div>
      </section>
    </RequireSession>
  );
}

function RequestForm({ onCreated }: { onCreated: () => void }) {
  const { t, pick } = useI18n();
  const session = useSession();
  const taxonomy = useTaxonomy();
  const mine = useApiQuery<AchievementPage>('achievements', { owner: session?.organisation.id, pageSize: 100 });
  // Its own listings in any state, and the major projects in public notice or in the portfolio (the list everyone sees).
  const listings = useApiQuery<ListingPage>('market/listings', { scope: 'mine', pageSize: 100 });
  const projects = useApiQuery<ProjectPage>('major-projects', { pageSize: 100 });
  const [f, setF] = useState({ title: '', summary: '', amount: '', stage: 'a', industry: '', useOfFunds: '', valuation: '' });
  const [achievementIds, setAchievementIds] = useState<string[]>([]);
  const [listingIds, setListingIds] = useState<string[]>([]);
  const [majorProjectIds, setMajorProjectIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  // The shared status labels, as StatusBadge reads them (the code itself where none exists).
  const statusLabel = (status: string) => {
    const label = t(`status.${status}` as Parameters<typeof t>[0]);
    return label.startsWith('status.') ? status : label;
  };
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('financing-requests', {
        title: f.title, summary: f.summary, amount: yuanInput(f.amount), stage: f.stage, industry: f.industry, useOfFunds: f.useOfFunds,
        valuation: yuanInput(f.valuation), achievementIds, listingIds, majorProjectIds,
      });
      await invalidate('financing-requests');
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form form--two panel" onSubmit={submit} noValidate aria-label={t('fin.financing.new')} data-testid="financing-form">
      {!!error && <div className="form__full"><ErrorNotice error={error} /></div>}
      <div className="form__full">
        <Field label={t('fin.field.title')} error={fieldErrors.title} required>
          {(p) => <input id={p.id} name="title" value={f.title} onChange={set('title')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
      </div>
      <div className="form__full">
        <Field label={t('fin.field.summary')} error={fieldErrors.summary} required>
          {(p) => <textarea id={p.id} name="summary" rows={3} value={f.summary} onChange={set('summary')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
      </div>
      <Field label={t('fin.field.amount')} error={fieldErrors.amount} required>
        {(p) => <input id={p.id} name="amount" inputMode="decimal" value={f.amount} onChange={set('amount')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <Field label={t('fin.field.valuation')} error={fieldErrors.valuation}>
        {(p) => <input id={p.id} name="valuation" inputMode="decimal" value={f.valuation} onChange={set('valuation')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <Field label={t('fin.field.stage')} error={fieldErrors.stage} required>
        {(p) => (
          <select id={p.id} name="stage" value={f.stage} onChange={set('stage')} aria-describedby={p.describedBy}>
            {STAGES.map((s) => <option key={s} value={s}>{t(stageKey(s))}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('fin.field.industry')} error={fieldErrors.industry} required>
        {(p) => (
          <select id={p.id} name="industry" value={f.industry} onChange={set('industry')} aria-describedby={p.describedBy}>
            <option value="">—</option>
            {taxonomy.industries.map((i) => <option key={i.code} value={i.code}>{pick(i)}</option>)}
          </select>
        )}
      </Field>
      <div className="form__full">
        <Field label={t('fin.field.useOfFunds')} error={fieldErrors.useOfFunds} required>
          {(p) => <textarea id={p.id} name="useOfFunds" rows={2} value={f.useOfFunds} onChange={set('useOfFunds')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
      </div>
      <div className="form__full">
        <CheckboxGroup
          legend={t('fin.field.achievements')} name="achievementIds" value={achievementIds} onChange={setAchievementIds} error={fieldErrors.achievementIds}
          options={(mine.data?.items ?? []).map((a) => ({ code: a.id, label: a.title }))}
        />
      </div>
      <div className="form__full">
        <CheckboxGroup
          legend={t('fin.field.listings')} name="listingIds" value={listingIds} onChange={setListingIds} error={fieldErrors.listingIds}
          options={(listings.data?.items ?? []).map((l) => ({ code: l.id, label: `${l.title} (${statusLabel(l.status)})` }))}
        />
        {listings.data?.items.length === 0 && <p className="muted">{t('fin.field.listings.none')}</p>}
      </div>
      <div className="form__full">
        <CheckboxGroup
          legend={t('fin.field.majorProjects')} name="majorProjectIds" value={majorProjectIds} onChange={setMajorProjectIds} error={fieldErrors.majorProjectIds}
          options={(projects.data?.items ?? []).map((m) => ({ code: m.id, label: m.title }))}
        />
        {projects.data?.items.length === 0 && <p className="muted">{t('fin.field.majorProjects.none')}</p>}
      </div>
      <p className="form__full muted">{t('fin.field.attachments.hint')}</p>
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary">{t('fin.create')}</button>
      </div>
    </form>
  );
}
