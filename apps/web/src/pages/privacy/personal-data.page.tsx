import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { ErrorNotice, Notice } from '../../components/feedback.component';
import { Field } from '../../components/field.component';
import { RequireSession } from '../../components/require-session.component';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useApiQuery } from '../../query';
import { useSession } from '../../session';

type Acceptance = components['schemas']['AgreementAcceptanceResponse'];
type SiteInfo = components['schemas']['SiteResponse'];

/** 个人信息保护法: download what the platform holds about me, see my consents, delete my account. */
export function PersonalDataPage() {
  const [deleted, setDeleted] = useState(false);
  const { t } = useI18n();
  // After deletion there is no session any more: say so rather than ask to sign in.
  if (deleted) return <Notice>{t('privacy.deleted')}</Notice>;
  return (
    <RequireSession>
      <PersonalData onDeleted={() => setDeleted(true)} />
    </RequireSession>
  );
}

function PersonalData({ onDeleted }: { onDeleted: () => void }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const agreements = useApiQuery<Acceptance[]>('me/agreements');
  // The documents' titles (the footer has them cached).
  const site = useApiQuery<SiteInfo>('site', undefined, { staleTime: Infinity });
  const titleOf = (document: string) => {
    const doc = site.data?.agreements.find((d) => d.document === document);
    return doc ? pick(doc.title) : document;
  };
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setDownloadError(null);
    try {
      await api.openFile('me/personal-data', `personal-data-${session?.user.id ?? 'me'}.json`);
    } catch (e) {
      setDownloadError(e);
    }
  };

  const remove = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('me/deletion', { password });
      // Every session ended on the server: forget this one without a sign-out call.
      api.setSession(null);
      onDeleted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = error instanceof ApiError ? error.fieldErrors().password : undefined;

  return (
    <section aria-labelledby="privacy-title" className="privacy">
      <h1 id="privacy-title">{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>

      <h2>{t('privacy.download.title')}</h2>
      <p className="muted">{t('privacy.download.text')}</p>
      <button type="button" className="btn btn--primary" data-testid="privacy-download" onClick={download}>
        {t('privacy.download.button')}
      </button>
      {!!downloadError && <ErrorNotice error={downloadError} />}

      <h2>{t('privacy.agreements.title')}</h2>
      {agreements.data && (
        <ul data-testid="privacy-agreements">
          {agreements.data.map((a) => (
            <li key={`${a.document}-${a.version}`}>{t('privacy.agreements.item', { document: titleOf(a.document), version: a.version, at: formatDateTime(a.acceptedAt, lang) })}</li>
          ))}
        </ul>
      )}

      <h2>{t('privacy.delete.title')}</h2>
      <p className="muted">{t('privacy.delete.text')}</p>
      <form onSubmit={remove} data-testid="privacy-delete">
        <Field label={t('privacy.delete.password')} required error={fieldError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="password" autoComplete="current-password" value={password} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setPassword(e.target.value)} required />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('privacy.delete.confirm')}
        </label>
        {!!error && !fieldError && <ErrorNotice error={error} />}
        <button type="submit" className="btn btn--danger" disabled={!confirmed || !password || busy}>
          {t('privacy.delete.button')}
        </button>
      </form>
    </section>
  );
}
