import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { ErrorNotice } from '../../components/feedback.component';
import { Field } from '../../components/field.component';
import { RequireSession } from '../../components/require-session.component';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../session';

type Listing = components['schemas']['ListingResponse'];
type AchievementPage = { items: Array<{ id: string; title: string; patents: string[] }> };

const MODES = ['transfer', 'exclusive', 'sole', 'non-exclusive'] as const;

/** Text fields of the form; numbers are parsed on submit so a half-typed value is the API's to refuse, by field. */
interface Draft {
  subjectId: string;
  transferMode: string;
  territory: string;
  termMonths: string;
  price: string;
  priceKind: 'asking' | 'reserve';
  paymentTerms: string;
  ipCovered: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  listingDays: string;
}

const number = (v: string): number | undefined => {
  const s = v.replace(/[,\s，]/g, '');
  return s === '' ? undefined : Number(s);
};

/**
 * The owner lists a published achievement (挂牌): terms, price, the IP covered and the contact it chooses to show;
 * saving creates the draft and sends it for review (platform staff or the park's reviewer).
 */
export function MarketListingFormPage() {
  return (
    <RequireSession>
      <ListingForm />
    </RequireSession>
  );
}

function ListingForm() {
  const { t } = useI18n();
  const session = useSession();
  const { query } = useLocation();
  const mine = useApiQuery<AchievementPage>('achievements', { owner: session?.organisation.id, pageSize: 100 }, { enabled: !!session });
  const [f, setF] = useState<Draft>({
    subjectId: query.get('achievementId') ?? '', transferMode: 'exclusive', territory: t('market.form.territoryDefault'), termMonths: '60', price: '', priceKind: 'asking',
    paymentTerms: '', ipCovered: '', contactName: '', contactPhone: '', contactEmail: '', listingDays: '20',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const created = await api.post<Listing>('market/listings', {
        subject: 'achievement', subjectId: f.subjectId, transferMode: f.transferMode, territory: f.territory.trim(), termMonths: number(f.termMonths),
        price: number(f.price), priceKind: f.priceKind, paymentTerms: f.paymentTerms.trim(),
        ipCovered: f.ipCovered.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean),
        contact: { name: f.contactName.trim(), phone: f.contactPhone.trim() || undefined, email: f.contactEmail.trim() || undefined },
        listingDays: number(f.listingDays),
      });
      await api.post(`market/listings/${created.id}/transitions`, { action: 'submit' });
      await invalidate('market/listings');
      navigate(`/market/listings/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="listing-form-title">
      <h1 id="listing-form-title">{t('market.form.title')}</h1>
      <p className="muted">{t('market.form.lead')}</p>
      <form className="form form--two panel" onSubmit={submit} noValidate data-testid="listing-form">
        {!!error && <div className="form__full"><ErrorNotice error={error} /></div>}
        <Field label={t('market.form.achievement')} error={fieldErrors.subjectId} required>
          {(p) => (
            <select id={p.id} name="subjectId" value={f.subjectId} onChange={set('subjectId')} aria-describedby={p.describedBy}>
              <option value="">—</option>
              {mine.data?.items.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('market.filter.mode')} error={fieldErrors.transferMode} required>
          {(p) => (
            <select id={p.id} name="transferMode" value={f.transferMode} onChange={set('transferMode')} aria-describedby={p.describedBy}>
              {MODES.map((m) => <option key={m} value={m}>{t(`market.mode.${m}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('market.territory')} error={fieldErrors.territory} required>
          {(p) => <input id={p.id} name="territory" value={f.territory} onChange={set('territory')} aria-describedby={p.describedBy} />}
        </Field>
        <Field label={t('market.term')} error={fieldErrors.termMonths} required>
          {(p) => <input id={p.id} name="termMonths" inputMode="numeric" value={f.termMonths} onChange={set('termMonths')} aria-describedby={p.describedBy} />}
        </Field>
        <Field label={t('market.form.price')} error={fieldErrors.price} required>
          {(p) => <input id={p.id} name="price" inputMode="decimal" value={f.price} onChange={set('price')} aria-describedby={p.describedBy} />}
        </Field>
        <Field label={t('market.form.priceKind')} error={fieldErrors.priceKind} required>
          {(p) => (
            <select id={p.id} name="priceKind" value={f.priceKind} onChange={set('priceKind')} aria-describedby={p.describedBy}>
              <option value="asking">{t('market.price')}</option>
              <option value="reserve">{t('market.reserve')}</option>
            </select>
          )}
        </Field>
        <div className="form__full">
          <Field label={t('market.payment')} error={fieldErrors.paymentTerms} required>
            {(p) => <textarea id={p.id} name="paymentTerms" rows={2} value={f.paymentTerms} onChange={set('paymentTerms')} aria-describedby={p.describedBy} />}
          </Field>
        </div>
        <div className="form__full">
          <Field label={t('market.ip')} hint={t('market.form.ipHint')} error={fieldErrors.ipCovered}>
            {(p) => <input id={p.id} name="ipCovered" value={f.ipCovered} onChange={set('ipCovered')} aria-describedby={p.describedBy} />}
          </Field>
        </div>
        <Field label={t('market.form.contactName')} error={fieldErrors['contact.name']} required>
          {(p) => <input id={p.id} name="contactName" value={f.contactName} onChange={set('contactName')} aria-describedby={p.describedBy} />}
        </Field>
        <Field label={t('market.form.contactPhone')} error={fieldErrors['contact.phone']}>
          {(p) => <input id={p.id} name="contactPhone" value={f.contactPhone} onChange={set('contactPhone')} aria-describedby={p.describedBy} />}
        </Field>
        <Field label={t('market.form.contactEmail')} error={fieldErrors['contact.email']}>
          {(p) => <input id={p.id} name="contactEmail" type="email" value={f.contactEmail} onChange={set('contactEmail')} aria-describedby={p.describedBy} />}
        </Field>
        <Field label={t('market.form.listingDays')} hint={t('market.form.listingDaysHint')} error={fieldErrors.listingDays}>
          {(p) => <input id={p.id} name="listingDays" inputMode="numeric" value={f.listingDays} onChange={set('listingDays')} aria-describedby={p.describedBy} />}
        </Field>
        <div className="form__actions form__full">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="listing-submit">{t('market.form.submit')}</button>
        </div>
      </form>
    </section>
  );
}
