import { FormEvent, useState } from 'react';
import { api, hasRole, Page } from '../../api';
import { CheckboxGroup, Field } from '../../components/field.component';
import { EmptyState, ErrorNotice, Notice, StatusBadge } from '../../components/feedback.component';
import { RequireSession } from '../../components/require-session.component';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { useSession } from '../../session';
import { EligibilityRules, PartyRelations, ProviderBlacklist, RecognitionAgreements } from './voucher-governance';
import { CATEGORIES, categoryKey, fen, Programme, S, Voucher } from './voucher-shared';

const ACCOUNTS = ['pool', 'issued', 'reserved', 'paid', 'returned', 'voided'] as const;

/** Platform and park administrators: programmes, the eligibility queue, claim audit and payment, the ledger. */
export function VoucherAdminWorkspace() {
  return (
    <RequireSession orgTypes={['park-administration', 'platform']}>
      <VoucherAdminInner />
    </RequireSession>
  );
}

function VoucherAdminInner() {
  const { t, lang } = useI18n();
  const session = useSession();
  const programmes = useApiQuery<Page<Programme>>('voucher-programmes', { pageSize: 100 });
  const queue = useApiQuery<Page<Voucher>>('vouchers', { as: 'admin', status: 'screened', pageSize: 50 });
  const claimed = useApiQuery<Page<Voucher>>('vouchers', { as: 'admin', status: 'claimed', pageSize: 50 });
  const audited = useApiQuery<Page<Voucher>>('vouchers', { as: 'admin', status: 'audited', pageSize: 50 });
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(path, body);
      void invalidate('vouchers', 'voucher-programmes');
    } catch (e) {
      setError(e);
    }
  };
  const platformAdmin = hasRole(session, 'platform-admin');
  const mine = programmes.data?.items.filter((p) => session?.organisation.type === 'platform' || p.ownerOrgId === session?.organisation.id) ?? [];
  const row = (v: Voucher, actions: Array<[string, () => void]>) => (
    <li key={v.id} className="card" data-testid="admin-voucher" data-status={v.status}>
      <div className="card__head">
        <h3 className="card__title">{fen(v.reservedFen ?? v.amountFen ?? v.requestedFen, lang)}{v.orderDescription ? ` · ${v.orderDescription}` : ''}</h3>
        <StatusBadge status={v.status} />
      </div>
      {v.claim && <p className="card__meta">{t('vc.provider.invoice')} {v.claim.invoiceNumber} · {fen(v.claim.invoiceFen, lang)}</p>}
      <div className="card__actions">
        {actions.map(([label, run]) => <button key={label} type="button" className="btn" onClick={run}>{label}</button>)}
      </div>
    </li>
  );
  return (
    <section aria-labelledby="va-title">
      <h1 id="va-title">{t('vc.admin.title')}</h1>
      {!!error && <ErrorNotice error={error} />}
      <NewProgramme />
      <h2>{t('vc.admin.queue')}</h2>
      {queue.data && queue.data.items.length === 0 && <EmptyState>{t('vc.admin.queueEmpty')}</EmptyState>}
      <ul className="cards">{queue.data?.items.map((v) => row(v, [[t('vc.admin.issue'), () => act(`vouchers/${v.id}/issue`)], [t('vc.admin.refuse'), () => act(`vouchers/${v.id}/refuse`)]]))}</ul>
      <h2>{t('vc.admin.audit')}</h2>
      {claimed.data?.items.length === 0 && audited.data?.items.length === 0 && <EmptyState>{t('vc.admin.auditEmpty')}</EmptyState>}
      <ul className="cards">
        {claimed.data?.items.map((v) => row(v, [
          [t('vc.admin.approve'), () => act(`vouchers/${v.id}/audit`, { decision: 'approve' })],
          [t('vc.admin.reject'), () => act(`vouchers/${v.id}/audit`, { decision: 'reject' })],
          [t('vc.admin.collusion'), () => act(`vouchers/${v.id}/audit`, { decision: 'collusion' })],
        ]))}
        {audited.data?.items.map((v) => row(v, [[t('vc.admin.pay'), () => act(`vouchers/${v.id}/payment`)]]))}
      </ul>
      <h2>{t('vc.admin.ledger')}</h2>
      {mine.map((p) => <Ledger key={p.id} programme={p} />)}
      <h2>{t('vc.gov.title')}</h2>
      {mine.filter((p) => p.issuingRegion === 'HE').map((p) => <EligibilityRules key={p.id} programme={p} />)}
      <PartyRelations />
      {platformAdmin && <ProviderBlacklist />}
      <RecognitionAgreements />
    </section>
  );
}

function Ledger({ programme }: { programme: Programme }) {
  const { t, lang } = useI18n();
  const ledger = useApiQuery<S['LedgerViewResponse']>(`voucher-programmes/${programme.id}/ledger`);
  if (!ledger.data) return null;
  return (
    <table className="table" data-testid="ledger">
      <caption>{programme.name} · {t('vc.admin.ledgerTotal', { total: fen(ledger.data.totalFen, lang), budget: fen(ledger.data.budgetFen, lang) })}</caption>
      <tbody>
        {ACCOUNTS.map((k) => (
          <tr key={k} data-account={k}>
            <th scope="row">{t(`vc.account.${k}` as never)}</th>
            <td>{fen(ledger.data!.balances[k], lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewProgramme() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ name: '', budget: '1000000', cap: '200000', faces: '50000,100000', validity: '180', roundDays: '90' });
  const [categories, setCategories] = useState<string[]>(['technology-development', 'testing-inspection']);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const now = Date.now();
    const budgetFen = Math.round(Number(f.budget) * 100);
    try {
      await api.post('voucher-programmes', {
        name: f.name, budgetFen, yearlyCapFen: Math.round(Number(f.cap) * 100), faceValuesFen: f.faces.split(/[,，\s]+/).filter(Boolean).map((x) => Math.round(Number(x) * 100)),
        validityDays: Number(f.validity), categories,
        rules: [{ rule: 'sme-staff-max', figure: 500 }, { rule: 'sme-revenue-max', figure: 200_000_000 }, { rule: 'rd-share-min', figure: 3 }, { rule: 'ip-rights-min', figure: 1 }],
        rounds: [{ opensAt: new Date(now).toISOString(), closesAt: new Date(now + Number(f.roundDays) * 86_400_000).toISOString(), quotaFen: budgetFen }],
      });
      setDone(true);
      setOpen(false);
      void invalidate('voucher-programmes');
    } catch (err) {
      setError(err);
    }
  };
  const input = (k: keyof typeof f, label: string, type = 'text') => (
    <Field label={label} required>{({ id }) => <input id={id} name={k} type={type} value={f[k]} onChange={set(k)} required />}</Field>
  );
  return (
    <>
      <button type="button" className="btn btn--primary" aria-expanded={open} onClick={() => setOpen(!open)}>{t('vc.admin.newProgramme')}</button>
      {done && <Notice>{t('vc.admin.created')}</Notice>}
      {open && (
        <form className="form" onSubmit={submit} data-testid="new-programme">
          {input('name', t('vc.admin.name'))}
          {input('budget', t('vc.admin.budgetYuan'), 'number')}
          {input('cap', t('vc.admin.capYuan'), 'number')}
          {input('faces', t('vc.admin.faceYuan'))}
          {input('validity', t('vc.admin.validityDays'), 'number')}
          {input('roundDays', t('vc.admin.roundDays'), 'number')}
          <CheckboxGroup legend={t('vc.admin.categories')} name="categories" options={CATEGORIES.map((c) => ({ code: c, label: t(categoryKey(c)) }))} value={categories} onChange={setCategories} />
          {!!error && <ErrorNotice error={error} />}
          <button type="submit" className="btn btn--primary">{t('vc.admin.newProgramme')}</button>
        </form>
      )}
    </>
  );
}
