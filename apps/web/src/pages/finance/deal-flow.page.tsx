import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination } from '../../components/feedback.component';
import { CheckboxGroup, Field } from '../../components/field.component';
import { MatchReasons, MatchScore } from '../../components/match-score.component';
import { RequireSession } from '../../components/require-session.component';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useTaxonomy } from '../../taxonomy';
import { REGIONS, regionKey, STAGES, stageKey, statusKey, yuanInput } from './finance-shared';

type Profile = components['schemas']['InvestorProfileResponse'];
type DealFlowPage = components['schemas']['DealFlowPageResponse'];

/** The investor workspace: the fund's profile, and the deal flow matched to it with the reasons. */
export function DealFlowWorkspace() {
  const { t } = useI18n();
  return (
    <RequireSession orgTypes={['investment-fund']}>
      <section aria-labelledby="deal-flow-title">
        <h1 id="deal-flow-title">{t('fin.dealFlow.title')}</h1>
        <p className="muted">{t('fin.dealFlow.lead')}</p>
        <ProfileForm />
        <DealFlow />
      </section>
    </RequireSession>
  );
}

function ProfileForm() {
  const profile = useApiQuery<Profile>('investors/me/profile', undefined, { keepPrevious: false });
  if (profile.isLoading) return <Loading />;
  // No profile yet (404) starts an empty form; a saved one fills it.
  return <ProfileFields initial={profile.data ?? null} />;
}

function ProfileFields({ initial }: { initial: Profile | null }) {
  const { t, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const text = (n: number | null | undefined) => (n == null ? '' : String(n));
  const [f, setF] = useState({ displayName: initial?.displayName ?? '', ticketMin: text(initial?.ticketMin), ticketMax: text(initial?.ticketMax), fundSize: text(initial?.fundSize) });
  const [stages, setStages] = useState<string[]>(initial?.stages ?? []);
  const [industries, setIndustries] = useState<string[]>(initial?.industries ?? []);
  const [regions, setRegions] = useState<string[]>(initial?.regions ?? []);
  const [parkMandate, setParkMandate] = useState(initial?.parkMandate ?? false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.request('PUT', 'investors/me/profile', {
        body: {
          displayName: f.displayName, stages, industries, regions, parkMandate,
          ticketMin: yuanInput(f.ticketMin), ticketMax: yuanInput(f.ticketMax), fundSize: yuanInput(f.fundSize),
        },
      });
      setSaved(true);
      await invalidate('investors/me');
    } catch (err) {
      setError(err);
    }
  };
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form className="form form--two panel" onSubmit={submit} noValidate aria-label={t('fin.profile.title')} data-testid="investor-profile">
      <h2 className="form__full">{t('fin.profile.title')}</h2>
      {saved && <div className="form__full"><Notice>{t('fin.profile.saved')}</Notice></div>}
      {!!error && !(error instanceof ApiError && Object.keys(fieldErrors).length) && <div className="form__full"><ErrorNotice error={error} /></div>}
      <div className="form__full">
        <Field label={t('fin.profile.displayName')} error={fieldErrors.displayName} required>
          {(p) => <input id={p.id} name="displayName" value={f.displayName} onChange={set('displayName')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
      </div>
      <div className="form__full">
        <CheckboxGroup legend={t('fin.profile.stages')} name="stages" options={STAGES.map((s) => ({ code: s, label: t(stageKey(s)) }))} value={stages} onChange={setStages} error={fieldErrors.stages} />
      </div>
      <div className="form__full">
        <CheckboxGroup legend={t('fin.profile.industries')} name="industries" options={taxonomy.industries.map((i) => ({ code: i.code, label: pick(i) }))} value={industries} onChange={setIndustries} error={fieldErrors.industries} />
      </div>
      <Field label={t('fin.profile.ticketMin')} error={fieldErrors.ticketMin}>
        {(p) => <input id={p.id} name="ticketMin" inputMode="decimal" value={f.ticketMin} onChange={set('ticketMin')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <Field label={t('fin.profile.ticketMax')} error={fieldErrors.ticketMax}>
        {(p) => <input id={p.id} name="ticketMax" inputMode="decimal" value={f.ticketMax} onChange={set('ticketMax')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <div className="form__full">
        <CheckboxGroup legend={t('fin.profile.regions')} name="regions" options={REGIONS.map((r) => ({ code: r, label: t(regionKey(r)) }))} value={regions} onChange={setRegions} error={fieldErrors.regions} />
      </div>
      <Field label={t('fin.profile.fundSize')} error={fieldErrors.fundSize}>
        {(p) => <input id={p.id} name="fundSize" inputMode="decimal" value={f.fundSize} onChange={set('fundSize')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <label className="form__full">
        <input type="checkbox" name="parkMandate" checked={parkMandate} onChange={(e) => setParkMandate(e.target.checked)} /> {t('fin.profile.parkMandate')}
      </label>
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary">{t('fin.profile.save')}</button>
      </div>
    </form>
  );
}

function DealFlow() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const flow = useApiQuery<DealFlowPage>('investors/me/deal-flow', { page, pageSize: 20 });
  if (flow.error instanceof ApiError && flow.error.status === 404) return <EmptyState>{t('fin.profile.missing')}</EmptyState>;
  return (
    <div className="panel" data-testid="deal-flow">
      <h2>{t('fin.dealFlow.list')}</h2>
      {flow.isLoading && <Loading />}
      {!!flow.error && <ErrorNotice error={flow.error} onRetry={flow.refetch} />}
      {flow.data && flow.data.items.length === 0 && <EmptyState>{t('fin.dealFlow.empty')}</EmptyState>}
      <ul className="plain-list">
        {flow.data?.items.map((item) => (
          <li key={item.request.id} className="card" data-testid="deal" data-request-id={item.request.id}>
            <MatchScore score={item.score} />{' '}
            <Link href={`/workspace/deal-flow/${item.request.id}`}><strong>{item.request.title}</strong></Link>{' '}
            <span className="badge">{t(stageKey(item.request.stage))}</span>{' '}
            <span>{formatMoney(item.request.amount, lang, '')}</span>{' '}
            {item.engagementStatus && <span className="badge" data-testid="engagement-status">{t(statusKey(item.engagementStatus))}</span>}
            <MatchReasons reasons={item.reasons} concerns={item.concerns} />
          </li>
        ))}
      </ul>
      {flow.data && <Pagination page={page} pageSize={20} total={flow.data.total} onPage={setPage} />}
    </div>
  );
}
