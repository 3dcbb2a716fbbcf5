import { FormEvent, useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { CertificateDetails } from '../../components/broker-certificate.component';
import { EmptyState, ErrorNotice, Loading } from '../../components/feedback.component';
import { useI18n } from '../../i18n';
import { apiKey, nullIfMissing, useLoader } from '../../query';
import { navigate } from '../../router';

type PublicCertificate = components['schemas']['PublicCertificateResponse'];
/** The API's own rule for a number (CertificateNumberParam): checked here so a typo is explained, not sent. */
const NUMBER = /^BRK-\d{4}-\d{6}$/;

/** Anyone checks a broker certificate by its number: holder, base, level, expiry and standing now. */
export function CertificateLookupPage({ number }: { number?: string }) {
  const { t } = useI18n();
  const [input, setInput] = useState(number ?? '');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = input.trim().toUpperCase();
    setInvalid(!NUMBER.test(wanted));
    if (NUMBER.test(wanted)) navigate(`/broker-certificates/${wanted}`);
  };
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">{t('lookup.title')}</h1>
      <p className="muted">{t('lookup.lead')}</p>
      <form className="form__actions" onSubmit={submit} aria-label={t('lookup.title')}>
        <label>
          {t('lookup.number')}
          <input value={input} onChange={(e) => setInput(e.target.value)} name="number" placeholder="BRK-2026-000001" aria-invalid={invalid} />
        </label>
        <button type="submit" className="btn btn--primary">
          {t('lookup.search')}
        </button>
      </form>
      {invalid && <p className="field__error" role="alert">{t('lookup.invalidNumber')}</p>}
      {number && NUMBER.test(number) && <LookupResult number={number} />}
    </section>
  );
}

function LookupResult({ number }: { number: string }) {
  const { t } = useI18n();
  const path = `broker-certificates/lookup/${number}`;
  // Standing changes (a revocation) must show at once: never serve a cached answer for this page.
  const found = useLoader(apiKey(path), () => nullIfMissing(api.get<PublicCertificate>(path)), { staleTime: 0, keepPrevious: false });
  if (found.isLoading) return <Loading />;
  if (found.error) return <ErrorNotice error={found.error} onRetry={found.refetch} />;
  if (!found.data) return <EmptyState>{t('lookup.notFound')}</EmptyState>;
  return <CertificateDetails certificate={found.data} />;
}
