import { FormEvent, useState } from 'react';
import { api, Page } from '../../api';
import { CheckboxGroup, Field } from '../../components/field.component';
import { EmptyState, ErrorNotice, Notice, StatusBadge } from '../../components/feedback.component';
import { RequireSession } from '../../components/require-session.component';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { CATEGORIES, categoryKey, DOCUMENT_KINDS, fen, Voucher } from './voucher-shared';

/** Providers: register, see voucher orders, confirm delivery, upload the four documents, claim. */
export function ProviderWorkspace() {
  return (
    <RequireSession>
      <ProviderWorkspaceInner />
    </RequireSession>
  );
}

function ProviderWorkspaceInner() {
  const { t, lang } = useI18n();
  const orders = useApiQuery<Page<Voucher>>('vouchers', { as: 'provider', pageSize: 50 });
  const [error, setError] = useState<unknown>(null);
  const [invoice, setInvoice] = useState<Record<string, { number: string; yuan: string }>>({});
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      void invalidate('vouchers');
    } catch (e) {
      setError(e);
    }
  };
  const upload = (v: Voucher, kind: string, file: File | undefined) =>
    file && act(() => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`vouchers/${v.id}/claim-documents/${kind}`, form);
    });
  return (
    <section aria-labelledby="vp-title">
      <h1 id="vp-title">{t('vc.provider.title')}</h1>
      <RegisterProvider />
      <h2>{t('vc.provider.orders')}</h2>
      {!!error && <ErrorNotice error={error} />}
      {orders.data && orders.data.items.length === 0 && <EmptyState>{t('vc.provider.ordersEmpty')}</EmptyState>}
      <ul className="cards">
        {orders.data?.items.map((v) => (
          <li key={v.id} className="card" data-testid="provider-order" data-status={v.status}>
            <div className="card__head">
              <h3 className="card__title">{v.orderDescription} · {fen(v.reservedFen, lang)}</h3>
              <StatusBadge status={v.status} />
            </div>
            <div className="card__actions">
              {v.allowedActions.includes('deliver') && <button type="button" className="btn" onClick={() => act(() => api.post(`vouchers/${v.id}/delivery`))}>{t('vc.provider.deliver')}</button>}
            </div>
            {v.status === 'delivered' && (
              <div className="form">
                <h4>{t('vc.provider.documents')}</h4>
                {DOCUMENT_KINDS.map((k) => (
                  <p key={k}>
                    <label htmlFor={`doc-${v.id}-${k}`}>{t(`vc.doc.${k}` as never)}{v.documents.includes(k) ? ' ✓' : ''}</label>{' '}
                    <input id={`doc-${v.id}-${k}`} name={k} type="file" accept="application/pdf,image/*" onChange={(e) => upload(v, k, e.target.files?.[0])} />
                  </p>
                ))}
                <ClaimForm
                  value={invoice[v.id] ?? { number: '', yuan: String((v.reservedFen ?? 0) / 100) }}
                  onChange={(x) => setInvoice({ ...invoice, [v.id]: x })}
                  onSubmit={(x) => act(() => api.post(`vouchers/${v.id}/claim`, { invoiceNumber: x.number, invoiceFen: Math.round(Number(x.yuan) * 100) }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ClaimForm({ value, onChange, onSubmit }: { value: { number: string; yuan: string }; onChange: (v: { number: string; yuan: string }) => void; onSubmit: (v: { number: string; yuan: string }) => void }) {
  const { t } = useI18n();
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit(value); }} data-testid="claim-form">
      <Field label={t('vc.provider.invoice')} required>{({ id }) => <input id={id} name="invoiceNumber" value={value.number} onChange={(e) => onChange({ ...value, number: e.target.value })} required />}</Field>
      <Field label={t('vc.provider.invoiceAmount')} required>{({ id }) => <input id={id} name="invoiceYuan" type="number" step="0.01" value={value.yuan} onChange={(e) => onChange({ ...value, yuan: e.target.value })} required />}</Field>
      <button type="submit" className="btn btn--primary">{t('vc.provider.claim')}</button>
    </form>
  );
}

function RegisterProvider() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [legalRepresentative, setLegalRepresentative] = useState('');
  const [categories, setCategories] = useState<string[]>(['testing-inspection']);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('service-providers', { legalRepresentative, categories });
      setDone(true);
      void invalidate('service-providers');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>{t('vc.provider.register')}</button>
      {done && <Notice>{t('vc.provider.registered')}</Notice>}
      {open && !done && (
        <form className="form" onSubmit={submit}>
          <Field label={t('vc.legalRep')} required>{({ id }) => <input id={id} name="legalRepresentative" value={legalRepresentative} onChange={(e) => setLegalRepresentative(e.target.value)} required />}</Field>
          <CheckboxGroup legend={t('vc.category')} name="categories" options={CATEGORIES.map((c) => ({ code: c, label: t(categoryKey(c)) }))} value={categories} onChange={setCategories} />
          {!!error && <ErrorNotice error={error} />}
          <button type="submit" className="btn btn--primary">{t('vc.provider.register')}</button>
        </form>
      )}
    </>
  );
}
