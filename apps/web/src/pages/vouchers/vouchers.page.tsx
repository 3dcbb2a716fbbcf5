import { FormEvent, useState } from 'react';
import { api, Page } from '../../api';
import { Field } from '../../components/field.component';
import { EmptyState, ErrorNotice, Loading, Notice, StatusBadge } from '../../components/feedback.component';
import { RequireSession } from '../../components/require-session.component';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { useSession } from '../../session';
import { CATEGORIES, categoryKey, fen, Programme, Provider, Voucher } from './voucher-shared';

/** Enterprises: open programmes and applying, my vouchers; everyone: the provider directory. */
export function VouchersPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <section aria-labelledby="vc-title">
      <h1 id="vc-title">{t('vc.title')}</h1>
      <Programmes canApply={session?.organisation.type === 'enterprise'} />
      {session?.organisation.type === 'enterprise' && (
        <RequireSession orgTypes={['enterprise']}>
          <MyVouchers />
        </RequireSession>
      )}
      <ProviderDirectory />
    </section>
  );
}

function Programmes({ canApply }: { canApply: boolean }) {
  const { t, lang } = useI18n();
  const list = useApiQuery<Page<Programme>>('voucher-programmes', { pageSize: 20 });
  const [applying, setApplying] = useState<Programme | null>(null);
  return (
    <>
      <h2>{t('vc.programmes')}</h2>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('vc.programmesEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.filter((p) => p.issuingRegion === 'HE').map((p) => (
          <li key={p.id} className="card" data-testid="voucher-programme">
            <div className="card__head">
              <h3 className="card__title">{p.name}</h3>
              <StatusBadge status={p.status} />
            </div>
            <p className="card__meta">
              <span>{t('vc.budget')} {fen(p.budgetFen, lang)}</span>
              <span>{t('vc.cap')} {fen(p.yearlyCapFen, lang)}</span>
              <span>{t('vc.faceValues')} {p.faceValuesFen.map((f) => fen(f, lang)).join(' / ')}</span>
              <span>{t('vc.validity', { days: p.validityDays })}</span>
            </p>
            <p className="card__meta">{p.categories.map((c) => <span key={c} className="tag">{t(categoryKey(c))}</span>)}</p>
            {canApply && (
              <div className="card__actions">
                <button type="button" className="btn btn--primary" onClick={() => setApplying(p)}>{t('vc.apply')}</button>
              </div>
            )}
            {applying?.id === p.id && <ApplyForm programme={p} onDone={() => setApplying(null)} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function ApplyForm({ programme, onDone }: { programme: Programme; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [f, setF] = useState({ requestedFen: String(programme.faceValuesFen[0]), legalRepresentative: '', staff: '', revenueYuan: '', rdSharePercent: '', ipRights: '' });
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const v = await api.post<Voucher>('vouchers', {
        programmeId: programme.id, requestedFen: Number(f.requestedFen), legalRepresentative: f.legalRepresentative,
        evidence: { staff: Number(f.staff), revenueYuan: Number(f.revenueYuan), rdSharePercent: Number(f.rdSharePercent), ipRights: Number(f.ipRights) },
      });
      setResult(t('vc.applied', { status: t(`status.${v.status}` as never) }));
      void invalidate('vouchers');
    } catch (err) {
      setError(err);
    }
  };
  const input = (k: keyof typeof f, label: string, type = 'number') => (
    <Field label={label} required>
      {({ id, describedBy }) => <input id={id} name={k} type={type} aria-describedby={describedBy} value={f[k]} onChange={set(k)} required />}
    </Field>
  );
  return (
    <form className="form" onSubmit={submit} aria-label={t('vc.applyTitle', { name: programme.name })} data-testid="voucher-apply">
      <Field label={t('vc.amount')} required>
        {({ id }) => (
          <select id={id} name="requestedFen" value={f.requestedFen} onChange={set('requestedFen')}>
            {programme.faceValuesFen.map((v) => <option key={v} value={v}>{fen(v, lang)}</option>)}
          </select>
        )}
      </Field>
      {input('legalRepresentative', t('vc.legalRep'), 'text')}
      {input('staff', t('vc.staff'))}
      {input('revenueYuan', t('vc.revenue'))}
      {input('rdSharePercent', t('vc.rdShare'))}
      {input('ipRights', t('vc.ipRights'))}
      {!!error && <ErrorNotice error={error} />}
      {result && <Notice>{result}</Notice>}
      <div className="card__actions">
        <button type="submit" className="btn btn--primary">{t('vc.submit')}</button>
        <button type="button" className="btn" onClick={onDone}>{t('in.cancel')}</button>
      </div>
    </form>
  );
}

function MyVouchers() {
  const { t, lang } = useI18n();
  const list = useApiQuery<Page<Voucher>>('vouchers', { as: 'enterprise', pageSize: 50 });
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(path, body);
      void invalidate('vouchers');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <h2>{t('vc.mine')}</h2>
      {!!error && <ErrorNotice error={error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('vc.mineEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((v) => (
          <li key={v.id} className="card" data-testid="my-voucher" data-status={v.status}>
            <div className="card__head">
              <h3 className="card__title">{fen(v.amountFen ?? v.requestedFen, lang)}</h3>
              <StatusBadge status={v.status} />
            </div>
            <p className="card__meta">
              {v.expiresAt && <span>{t('vc.expires', { date: formatDate(v.expiresAt, lang) })}</span>}
              {v.reservedFen && <span>{t('vc.reserved', { amount: fen(v.reservedFen, lang) })}</span>}
              {v.screening.filter((o) => !o.passed).map((o) => <span key={o.rule} className="tag">{t('vc.ruleFailed', { rule: o.rule })}</span>)}
            </p>
            <div className="card__actions">
              {v.allowedActions.includes('release') && <button type="button" className="btn" onClick={() => act(`vouchers/${v.id}/release`)}>{t('vc.release')}</button>}
              {v.status === 'paid' && v.rating === null && [5, 4, 3].map((r) => (
                <button key={r} type="button" className="btn" onClick={() => act(`vouchers/${v.id}/rating`, { rating: r })}>{t('vc.rate')} {r}</button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function ProviderDirectory() {
  const { t } = useI18n();
  const [category, setCategory] = useState('');
  const list = useApiQuery<Page<Provider>>('service-providers', { category: category || undefined, pageSize: 50 });
  return (
    <>
      <h2>{t('vc.providers')}</h2>
      <Field label={t('vc.category')}>
        {({ id }) => (
          <select id={id} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('vc.any')}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(categoryKey(c))}</option>)}
          </select>
        )}
      </Field>
      {list.data && list.data.items.length === 0 && <EmptyState>{t('vc.providersEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((p) => (
          <li key={p.id} className="card" data-testid="provider">
            <h3 className="card__title">{p.name}</h3>
            <p className="card__meta">
              <span className="tag">{t(`region.${p.region}` as Parameters<typeof t>[0])}</span>
              {p.acceptsVouchers && <span className="tag">{t('vc.acceptsVouchers')}</span>}
              {p.categories.map((c) => <span key={c} className="tag">{t(categoryKey(c))}</span>)}
              <span>{p.rating === null ? t('vc.unrated') : t('vc.rating', { rating: p.rating, count: p.ratingCount })}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
