import { FormEvent, useState } from 'react';
import { api, ApiError, Session } from '../api';
import { Field } from '../components/field.component';
import { Notice } from '../components/feedback.component';
import type { SiteInfo } from '../components/site-footer.component';
import { useApiQuery } from '../query';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { useTaxonomy } from '../taxonomy';
import { Errors, validateSignUp } from '../validation';

const ORG_TYPES = ['university', 'institute', 'enterprise', 'transfer-institution', 'registration-institution', 'park-administration', 'city-administration', 'training-base', 'investment-fund', 'bank', 'guarantor'] as const;
const REGIONS = ['BJ', 'TJ', 'HE', 'other'] as const;

/** Where each kind of user starts working after signing in. */
export function homeOf(s: Session): string {
  if (s.user.roles.includes('platform-admin') || s.user.roles.includes('reviewer')) return '/workspace/review';
  if (s.user.roles.includes('broker')) return '/workspace/pipeline';
  if (s.organisation.type === 'enterprise') return '/workspace/demands';
  if (s.organisation.type === 'university' || s.organisation.type === 'institute') return '/workspace/achievements';
  return '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The API answers 403 PASSWORD_EXPIRED to a right but expired password: the form then asks for a new one.
  const [expired, setExpired] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const s = expired ? await api.changePassword(email.trim(), password, newPassword) : await api.signIn(email.trim(), password);
      navigate(query.get('next') ?? homeOf(s), { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        const nowExpired = err.details.some((d) => d.code === 'PASSWORD_EXPIRED');
        if (nowExpired) setExpired(true);
        setErrors(err.fieldErrors());
        setMessage(nowExpired ? t('auth.passwordExpired') : err.message);
      } else setMessage(String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="auth" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('auth.signInTitle')}</h1>
      {message && <Notice kind="error">{message}</Notice>}
      <form onSubmit={submit} noValidate className="form">
        <Field label={t('auth.email')} error={errors.email} required>
          {(p) => <input id={p.id} name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />}
        </Field>
        <Field label={t('auth.password')} error={errors.password} required>
          {(p) => (
            <input id={p.id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />
          )}
        </Field>
        {expired && (
          <Field label={t('auth.newPassword')} error={errors.newPassword} hint={t('auth.passwordHint')} required>
            {(p) => (
              <input id={p.id} name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />
            )}
          </Field>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {expired ? t('auth.changePasswordButton') : t('auth.signInButton')}
        </button>
      </form>
      <p>
        <Link href="/sign-up">{t('auth.noAccount')}</Link>
      </p>
    </section>
  );
}

export function SignUpPage() {
  const { t, lang, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const [f, setF] = useState({ email: '', password: '', displayName: '', orgName: '', orgType: '', creditCode: '', region: '', parkCode: '', divisionCode: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The versions shown (and linked) are the versions accepted: sign-up records exactly these.
  const site = useApiQuery<SiteInfo>('site', undefined, { staleTime: Infinity });
  const [accepted, setAccepted] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validateSignUp(f, lang);
    if (!accepted) local.agreements = t('agreements.required');
    setErrors(local);
    if (Object.keys(local).length) {
      setMessage(t('common.fixErrors'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const s = await api.signUp({
        email: f.email.trim(),
        password: f.password,
        displayName: f.displayName.trim(),
        organisation: { name: f.orgName.trim(), type: f.orgType, creditCode: f.creditCode.trim().toUpperCase(), region: f.region, ...(f.parkCode ? { parkCode: f.parkCode } : {}), ...(f.orgType === 'city-administration' && f.divisionCode ? { divisionCode: f.divisionCode } : {}) },
        agreements: agreementVersions(site.data),
      });
      navigate(homeOf(s), { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setMessage(err.message);
      } else setMessage(String(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (k: keyof typeof f, apiField: string, label: string, opts: { type?: string; hint?: string; autoComplete?: string } = {}) => (
    <Field label={label} hint={opts.hint} error={errors[apiField]} required>
      {(p) => (
        <input
          id={p.id}
          name={apiField}
          type={opts.type ?? 'text'}
          autoComplete={opts.autoComplete}
          value={f[k]}
          onChange={set(k)}
          aria-describedby={p.describedBy}
          aria-invalid={p.invalid}
          required
        />
      )}
    </Field>
  );

  /** A select over reference codes, with the API's field error beside it. */
  const choice = (k: keyof typeof f, apiField: string, label: string, options: Array<{ code: string; label: string }>, emptyLabel: string, required: boolean) => (
    <Field label={label} error={errors[apiField]} required={required}>
      {(p) => (
        <select id={p.id} name={apiField} value={f[k]} onChange={set(k)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required={required}>
          <option value="">{emptyLabel}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section className="auth auth--wide" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t('auth.signUpTitle')}</h1>
      {message && <Notice kind="error">{message}</Notice>}
      <form onSubmit={submit} noValidate className="form form--two">
        {input('email', 'email', t('auth.email'), { type: 'email', autoComplete: 'email' })}
        {input('password', 'password', t('auth.password'), { type: 'password', hint: t('auth.passwordHint'), autoComplete: 'new-password' })}
        {input('displayName', 'displayName', t('auth.displayName'), { autoComplete: 'name' })}
        {input('orgName', 'organisation.name', t('auth.orgName'), { autoComplete: 'organization' })}
        {choice('orgType', 'organisation.type', t('auth.orgType'), ORG_TYPES.map((o) => ({ code: o, label: t(`orgType.${o}`) })), t('form.choose'), true)}
        {input('creditCode', 'organisation.creditCode', t('auth.creditCode'), { hint: t('auth.creditCodeHint') })}
        {choice('region', 'organisation.region', t('auth.region'), REGIONS.map((r) => ({ code: r, label: t(`region.${r}`) })), t('form.choose'), true)}
        {choice('parkCode', 'organisation.parkCode', t('auth.park'), taxonomy.parks.map((park) => ({ code: park.code, label: pick(park) })), t('common.none'), false)}
        {/* A city administration names its city (by division code): its powers reach that city's parks. */}
        {f.orgType === 'city-administration' && choice('divisionCode', 'organisation.divisionCode', t('auth.city'), taxonomy.cities.map((c) => ({ code: c.code, label: pick(c) })), t('form.choose'), true)}
        <div className={`field field--wide${errors.agreements ? ' field--invalid' : ''}`}>
          <label className="checkbox">
            <input type="checkbox" name="agreements" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} aria-invalid={!!errors.agreements} aria-describedby={errors.agreements ? 'agreements-error' : undefined} />
            <span>
              {t('agreements.accept')}{' '}
              {site.data?.agreements.map((a, i) => (
                <span key={a.document}>
                  {i > 0 && ` ${t('agreements.and')} `}
                  <Link href={`/legal/${a.document}`} target="_blank">
                    {lang === 'zh' ? `《${pick(a.title)}》` : pick(a.title)}
                  </Link>
                </span>
              ))}
            </span>
          </label>
          {errors.agreements && (
            <p className="field__error" id="agreements-error" role="alert" data-field-error>
              {errors.agreements}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('auth.signUpButton')}
          </button>
          <Link href="/sign-in">{t('auth.haveAccount')}</Link>
        </div>
      </form>
    </section>
  );
}

/** The versions of the documents the reader accepted, as the API names them. */
function agreementVersions(site: SiteInfo | undefined): { userAgreement: string; privacyPolicy: string } {
  const version = (d: string) => site?.agreements.find((a) => a.document === d)?.version ?? '';
  return { userAgreement: version('user-agreement'), privacyPolicy: version('privacy-policy') };
}
