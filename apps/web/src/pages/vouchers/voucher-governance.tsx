import { FormEvent, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError, hasRole, Page } from '../../api';
import { Field } from '../../components/field.component';
import { EmptyState, ErrorNotice, Notice } from '../../components/feedback.component';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { useSession } from '../../session';
import { Programme, S } from './voucher-shared';

/**
 * What staff keep beside the vouchers themselves: each programme's eligibility rules, the shareholder relations the
 * related-party check reads, the provider blacklist and the Beijing/Tianjin recognition agreements.
 */

const RULES = ['sme-staff-max', 'sme-revenue-max', 'rd-share-min', 'ip-rights-min'] as const;

/** A write through TanStack Query: on success the listed paths are re-read. */
function useWrite<T>(run: (body: T) => Promise<unknown>, ...paths: string[]) {
  return useMutation({ mutationFn: run, onSuccess: () => invalidate(...paths) });
}

const fieldErrors = (e: unknown): Record<string, string> => (e instanceof ApiError ? e.fieldErrors() : {});

/** The programme's eligibility rules: each on or off, with its figure. */
export function EligibilityRules({ programme }: { programme: Programme }) {
  const { t, lang } = useI18n();
  const initial = Object.fromEntries(RULES.map((r) => {
    const row = programme.rules.find((x) => x.rule === r);
    return [r, { on: !!row, figure: row ? String(row.figure) : '' }];
  })) as Record<(typeof RULES)[number], { on: boolean; figure: string }>;
  const [rules, setRules] = useState(initial);
  const save = useWrite((body: { rules: Array<{ rule: string; figure: number }> }) => api.request('PUT', `voucher-programmes/${programme.id}/rules`, { body }), 'voucher-programmes');
  const label = (r: string) => {
    const row = programme.rules.find((x) => x.rule === r);
    return row ? (lang === 'en' ? row.en : row.zh) : t(`vc.rule.${r}` as never);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ rules: RULES.filter((r) => rules[r].on).map((r) => ({ rule: r, figure: Number(rules[r].figure) })) });
  };
  const errors = fieldErrors(save.error);
  return (
    <form className="form" onSubmit={submit} data-testid="eligibility-rules" data-programme={programme.id}>
      <h3>{t('vc.gov.rulesOf', { name: programme.name })}</h3>
      {RULES.map((r) => (
        <div key={r} className="form__row">
          <label className="checkbox">
            <input type="checkbox" name={`${r}-on`} checked={rules[r].on} onChange={(e) => setRules({ ...rules, [r]: { ...rules[r], on: e.target.checked } })} />
            {label(r)}
          </label>
          <Field label={t('vc.gov.figure')} required={rules[r].on} error={errors.rules}>
            {({ id, describedBy }) => (
              <input id={id} name={r} type="number" min={0} step="any" value={rules[r].figure} disabled={!rules[r].on} aria-describedby={describedBy}
                onChange={(e) => setRules({ ...rules, [r]: { ...rules[r], figure: e.target.value } })} required={rules[r].on} />
            )}
          </Field>
        </div>
      ))}
      {!!save.error && <ErrorNotice error={save.error} />}
      {save.isSuccess && <Notice>{t('vc.gov.rulesSaved')}</Notice>}
      <button type="submit" className="btn" disabled={save.isPending}>{t('vc.gov.saveRules')}</button>
    </form>
  );
}

/** Shareholder relations: one organisation holding shares in another makes them related parties. */
export function PartyRelations() {
  const { t } = useI18n();
  const list = useApiQuery<S['RelationPageResponse']>('voucher-party-relations', { pageSize: 50 });
  const [f, setF] = useState({ shareholderCreditCode: '', heldCreditCode: '', note: '' });
  const add = useWrite((body: typeof f) => api.post('voucher-party-relations', body), 'voucher-party-relations');
  const errors = fieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ ...f, shareholderCreditCode: f.shareholderCreditCode.trim(), heldCreditCode: f.heldCreditCode.trim() }, { onSuccess: () => setF({ shareholderCreditCode: '', heldCreditCode: '', note: '' }) });
  };
  const input = (k: keyof typeof f, label: string, required = true) => (
    <Field label={label} required={required} error={errors[k]}>
      {({ id, describedBy, invalid }) => <input id={id} name={k} value={f[k]} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setF({ ...f, [k]: e.target.value })} required={required} />}
    </Field>
  );
  return (
    <section aria-labelledby="gov-relations" data-testid="party-relations">
      <h2 id="gov-relations">{t('vc.gov.relations')}</h2>
      <p className="card__meta">{t('vc.gov.relationsHint')}</p>
      <form className="form" onSubmit={submit}>
        {input('shareholderCreditCode', t('vc.gov.shareholder'))}
        {input('heldCreditCode', t('vc.gov.held'))}
        {input('note', t('vc.gov.note'), false)}
        {!!add.error && <ErrorNotice error={add.error} />}
        {add.isSuccess && <Notice>{t('vc.gov.relationAdded')}</Notice>}
        <button type="submit" className="btn btn--primary" disabled={add.isPending}>{t('vc.gov.addRelation')}</button>
      </form>
      {list.data?.items.length === 0 && <EmptyState>{t('vc.gov.relationsEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((r) => (
          <li key={r.id} className="card" data-testid="party-relation">
            <p>{t('vc.gov.holds', { shareholder: r.shareholderCreditCode, held: r.heldCreditCode })}</p>
            {r.note && <p className="card__meta">{r.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The provider blacklist (platform administrators): a blacklisted provider leaves the directory and redeems nothing. */
export function ProviderBlacklist() {
  const { t } = useI18n();
  const providers = useApiQuery<Page<S['ProviderResponse']>>('service-providers', { pageSize: 100 });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const ban = useWrite(({ id, reason }: { id: string; reason: string }) => api.post(`service-providers/${id}/blacklist`, { reason }), 'service-providers');
  return (
    <section aria-labelledby="gov-blacklist" data-testid="provider-blacklist">
      <h2 id="gov-blacklist">{t('vc.gov.blacklist')}</h2>
      {!!ban.error && <ErrorNotice error={ban.error} />}
      {providers.data?.items.length === 0 && <EmptyState>{t('vc.gov.providersEmpty')}</EmptyState>}
      <ul className="cards">
        {providers.data?.items.map((p) => (
          <li key={p.id} className="card" data-testid="blacklist-provider">
            <form className="form form--inline" onSubmit={(e) => { e.preventDefault(); ban.mutate({ id: p.id, reason: reasons[p.id] ?? '' }); }}>
              <h3 className="card__title">{p.name}</h3>
              <Field label={t('vc.gov.reason')} required>
                {({ id }) => <input id={id} name="reason" minLength={2} value={reasons[p.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })} required />}
              </Field>
              <button type="submit" className="btn" disabled={ban.isPending}>{t('vc.gov.ban')}</button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Mutual-recognition agreements with Beijing and Tianjin: listed for all staff, recorded by platform administrators. */
export function RecognitionAgreements() {
  const { t } = useI18n();
  const session = useSession();
  const list = useApiQuery<Page<S['AgreementResponse']>>('voucher-recognition-agreements', { pageSize: 50 });
  const [f, setF] = useState({ region: 'BJ', partner: '', validFrom: '', validTo: '' });
  const add = useWrite((body: typeof f) => api.post('voucher-recognition-agreements', body), 'voucher-recognition-agreements');
  const errors = fieldErrors(add.error);
  const input = (k: 'partner' | 'validFrom' | 'validTo', label: string, type = 'text') => (
    <Field label={label} required error={errors[k]}>
      {({ id, describedBy }) => <input id={id} name={k} type={type} value={f[k]} aria-describedby={describedBy} onChange={(e) => setF({ ...f, [k]: e.target.value })} required />}
    </Field>
  );
  return (
    <section aria-labelledby="gov-agreements" data-testid="recognition-agreements">
      <h2 id="gov-agreements">{t('vc.gov.agreements')}</h2>
      {list.data?.items.length === 0 && <EmptyState>{t('vc.gov.agreementsEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((a) => (
          <li key={a.id} className="card" data-testid="agreement">
            <p>{t(`vc.gov.region.${a.region}` as never)} · {a.partner}</p>
            <p className="card__meta">{t('vc.gov.validity', { from: a.validFrom, to: a.validTo })}{a.active ? '' : ` · ${t('vc.gov.inactive')}`}</p>
          </li>
        ))}
      </ul>
      {hasRole(session, 'platform-admin') && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); add.mutate(f); }}>
          <Field label={t('vc.gov.region')} required error={errors.region}>
            {({ id }) => (
              <select id={id} name="region" value={f.region} onChange={(e) => setF({ ...f, region: e.target.value })}>
                <option value="BJ">{t('vc.gov.region.BJ')}</option>
                <option value="TJ">{t('vc.gov.region.TJ')}</option>
              </select>
            )}
          </Field>
          {input('partner', t('vc.gov.partner'))}
          {input('validFrom', t('vc.gov.validFrom'), 'date')}
          {input('validTo', t('vc.gov.validTo'), 'date')}
          {!!add.error && <ErrorNotice error={add.error} />}
          {add.isSuccess && <Notice>{t('vc.gov.agreementAdded')}</Notice>}
          <button type="submit" className="btn btn--primary" disabled={add.isPending}>{t('vc.gov.addAgreement')}</button>
        </form>
      )}
    </section>
  );
}
