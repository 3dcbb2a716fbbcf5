import { ChangeEvent, FormEvent, useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Pagination } from '../../components/feedback.component';
import { Field } from '../../components/field.component';
import { RequireSession } from '../../components/require-session.component';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { useSession } from '../../session';
import { loanStatusKey, yuanInput } from './finance-shared';

type Loan = components['schemas']['PledgeLoanResponse'];
type LoanPage = components['schemas']['PledgeLoanPageResponse'];
type ClaimPage = components['schemas']['CompensationClaimPageResponse'];
type GuaranteePage = components['schemas']['LoanGuaranteePageResponse'];
type OrganisationPage = { items: Array<{ id: string; name: string }> };
type AchievementPage = { items: Array<{ id: string; title: string; patents: string[] }> };

/** Pledge loans: the borrower's applications, the bank's queue, the park fund's compensation claims, the guarantor's guarantees. */
export function LoansWorkspace() {
  const { t } = useI18n();
  const session = useSession();
  const type = session?.organisation.type;
  return (
    <RequireSession orgTypes={['enterprise', 'bank', 'investment-fund', 'guarantor']}>
      <section aria-labelledby="loans-title">
        <h1 id="loans-title">{t('fin.loans.title')}</h1>
        <p className="muted">{t(type === 'bank' ? 'fin.loans.leadBank' : type === 'guarantor' ? 'fin.guarantee.lead' : 'fin.loans.leadBorrower')}</p>
        {type === 'enterprise' && <ApplyForm />}
        {type === 'investment-fund' ? <Claims /> : type === 'guarantor' ? <Guarantees /> : <LoanList bank={type === 'bank'} />}
      </section>
    </RequireSession>
  );
}

function ApplyForm() {
  const { t } = useI18n();
  const session = useSession();
  const banks = useApiQuery<OrganisationPage>('organisations', { type: 'bank', verificationStatus: 'verified', pageSize: 100 });
  const mine = useApiQuery<AchievementPage>('achievements', { owner: session?.organisation.id, pageSize: 100 });
  const [f, setF] = useState({ bankId: '', achievementId: '', amount: '', termMonths: '12' });
  const [error, setError] = useState<unknown>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('pledge-loans', { bankId: f.bankId, achievementId: f.achievementId, amount: yuanInput(f.amount), termMonths: Number(f.termMonths) });
      await invalidate('pledge-loans');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form form--two panel" onSubmit={submit} noValidate aria-label={t('fin.loans.apply')} data-testid="loan-form">
      <h2 className="form__full">{t('fin.loans.apply')}</h2>
      {!!error && <div className="form__full"><ErrorNotice error={error} /></div>}
      <Field label={t('fin.loans.bank')} error={fieldErrors.bankId} required>
        {(p) => (
          <select id={p.id} name="bankId" value={f.bankId} onChange={set('bankId')}>
            <option value="">—</option>
            {banks.data?.items.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('fin.loans.achievement')} error={fieldErrors.achievementId} required>
        {(p) => (
          <select id={p.id} name="achievementId" value={f.achievementId} onChange={set('achievementId')}>
            <option value="">—</option>
            {mine.data?.items.filter((a) => a.patents.length > 0).map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('fin.loans.amount')} error={fieldErrors.amount} required>
        {(p) => <input id={p.id} name="amount" inputMode="decimal" value={f.amount} onChange={set('amount')} />}
      </Field>
      <Field label={t('fin.loans.term')} error={fieldErrors.termMonths} required>
        {(p) => <input id={p.id} name="termMonths" inputMode="numeric" value={f.termMonths} onChange={set('termMonths')} />}
      </Field>
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary">{t('fin.loans.apply')}</button>
      </div>
    </form>
  );
}

const BANK_ACTIONS = ['approve', 'decline', 'disburse', 'default'] as const;

function LoanList({ bank }: { bank: boolean }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const list = useApiQuery<LoanPage>('pledge-loans', { page, pageSize: 20 });
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await invalidate('pledge-loans');
    } catch (err) {
      setError(err);
    }
  };
  const bankStep = (l: Loan, action: (typeof BANK_ACTIONS)[number]) => {
    if (action === 'approve') {
      const approvedAmount = yuanInput(window.prompt(t('fin.loans.approvedAmount'), String(l.amount)) ?? '');
      if (approvedAmount !== undefined) void act(() => api.post(`pledge-loans/${l.id}/approve`, { approvedAmount }));
      return;
    }
    void act(() => api.post(`pledge-loans/${l.id}/${action}`, {}));
  };
  const claim = (l: Loan) => {
    const amount = yuanInput(window.prompt(t('fin.amountPrompt')) ?? '');
    if (amount !== undefined) void act(() => api.post(`pledge-loans/${l.id}/compensation-claim`, { amount }));
  };
  const valuation = (l: Loan) => (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    const value = yuanInput(window.prompt(t('fin.loans.valuation')) ?? '');
    if (!file || value === undefined) return;
    const form = new FormData();
    form.append('file', file);
    void act(() => api.upload(`pledge-loans/${l.id}/valuation`, form, { valuationAmount: String(value) }));
    e.target.value = '';
  };
  /** The bank records a repayment (today's value date) with the bank slip as proof; the API counts in fen. */
  const repayment = (l: Loan) => (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    const value = yuanInput(window.prompt(t('fin.loans.repaymentAmount'), String(l.outstandingFen / 100)) ?? '');
    if (!file || value === undefined) return;
    const form = new FormData();
    form.append('file', file);
    const repaidOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    void act(() => api.upload(`pledge-loans/${l.id}/repayments`, form, { repaidOn, amountFen: String(Math.round(value * 100)) }));
    e.target.value = '';
  };
  return (
    <div className="panel" data-testid="loan-list">
      {list.isLoading && <Loading />}
      {!!(list.error || error) && <ErrorNotice error={list.error ?? error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('fin.loans.empty')}</EmptyState>}
      <ul className="plain-list">
        {list.data?.items.map((l) => (
          <li key={l.id} className="card" data-testid="loan" data-status={l.status}>
            <strong>{l.borrowerName ?? l.borrowerId.slice(0, 8)}</strong> <span className="badge">{t(loanStatusKey(l.status))}</span> {formatMoney(l.approvedAmount ?? l.amount, lang, '')}
            <div className="small muted">{t('fin.loans.patents')}{t('common.colon')}{l.patents.join('、')}</div>
            {l.valuationAmount != null && <div className="small">{t('fin.loans.valuation')}{t('common.colon')}{formatMoney(l.valuationAmount, lang, '')}</div>}
            {l.repaidFen > 0 && <div className="small" data-testid="loan-outstanding">{t('fin.loans.outstanding')}{t('common.colon')}{formatMoney(l.outstandingFen / 100, lang, '')}</div>}
            <div className="actions">
              {bank && BANK_ACTIONS.filter((a) => l.allowedActions.includes(a)).map((a) => (
                <button key={a} type="button" className="btn btn--small" onClick={() => bankStep(l, a)} data-action={a}>{t(`fin.loan.${a}`)}</button>
              ))}
              {bank && l.allowedActions.includes('record-repayment') && (
                <label className="btn btn--small" data-action="record-repayment">
                  {t('fin.loans.recordRepayment')} <input type="file" accept="application/pdf,image/png,image/jpeg" hidden onChange={repayment(l)} />
                </label>
              )}
              {bank && l.status === 'defaulted' && <button type="button" className="btn btn--small" onClick={() => claim(l)}>{t('fin.loans.claim')}</button>}
              {!bank && l.status === 'applied' && (
                <label className="btn btn--small">
                  {t('fin.loans.uploadReport')} <input type="file" accept="application/pdf,image/png,image/jpeg" hidden onChange={valuation(l)} />
                </label>
              )}
              {!bank && l.allowedActions.includes('withdraw') && (
                <button type="button" className="btn btn--small" onClick={() => void act(() => api.post(`pledge-loans/${l.id}/withdraw`, {}))}>{t('fin.loan.withdraw')}</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {list.data && <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />}
    </div>
  );
}

function Claims() {
  const { t, lang } = useI18n();
  const list = useApiQuery<ClaimPage>('investors/me/compensation-claims', { pageSize: 50 });
  const [error, setError] = useState<unknown>(null);
  const decide = async (id: string, action: 'pay' | 'reject') => {
    setError(null);
    try {
      await api.post(`compensation-claims/${id}/${action}`, {});
      await invalidate('investors/me');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="panel" data-testid="claims">
      <h2>{t('fin.loans.claims')}</h2>
      {!!(list.error || error) && <ErrorNotice error={list.error ?? error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('fin.loans.claimsEmpty')}</EmptyState>}
      <ul className="plain-list">
        {list.data?.items.map((c) => (
          <li key={c.id} className="card">
            {formatMoney(c.amount, lang, '')} <span className="badge">{t(loanStatusKey(c.status))}</span>
            {c.status === 'filed' && (
              <span className="actions">
                <button type="button" className="btn btn--small" onClick={() => void decide(c.id, 'pay')}>{t('fin.claim.pay')}</button>
                <button type="button" className="btn btn--small" onClick={() => void decide(c.id, 'reject')}>{t('fin.claim.reject')}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const GUARANTOR_ACTIONS = ['accept', 'decline', 'honour'] as const;

/** The guarantor's invitations and guarantees: accept, decline with a reason, honour a called guarantee. */
function Guarantees() {
  const { t, lang } = useI18n();
  const list = useApiQuery<GuaranteePage>('guarantees/mine', { pageSize: 50 });
  const [error, setError] = useState<unknown>(null);
  const step = async (loanId: string, id: string, action: string) => {
    const body: Record<string, string> = {};
    if (action === 'decline') {
      const reason = window.prompt(t('fin.guarantee.reason'))?.trim();
      if (!reason) return;
      body.reason = reason;
    }
    setError(null);
    try {
      await api.post(`pledge-loans/${loanId}/guarantees/${id}/${action}`, body);
      await invalidate('guarantees');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="panel" data-testid="guarantees">
      <h2>{t('fin.guarantee.title')}</h2>
      {!!(list.error || error) && <ErrorNotice error={list.error ?? error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('fin.guarantee.empty')}</EmptyState>}
      <ul className="plain-list">
        {list.data?.items.map((g) => (
          <li key={g.id} className="card" data-testid="guarantee" data-status={g.status}>
            {formatMoney(g.amount, lang, '')} · {g.sharePercent}% <span className="badge">{t(`fin.guarantee.status.${g.status}`)}</span>
            {g.calledAmount != null && <div className="small">{t('fin.guarantee.called')}{t('common.colon')}{formatMoney(g.calledAmount, lang, '')}</div>}
            {g.declineReason && <div className="small muted">{g.declineReason}</div>}
            <span className="actions">
              {GUARANTOR_ACTIONS.filter((a) => g.allowedActions.includes(a)).map((a) => (
                <button key={a} type="button" className="btn btn--small" data-action={a} onClick={() => void step(g.loanId, g.id, a)}>{t(`fin.guarantee.${a}`)}</button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
