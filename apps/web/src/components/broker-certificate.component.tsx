import type { components } from '../api/schema.gen';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';

type PublicCertificate = components['schemas']['PublicCertificateResponse'];
type Certificate = components['schemas']['CertificateResponse'];
export type CertificateStanding = PublicCertificate['standing'];
export type BrokerLevel = PublicCertificate['level'];

/** The standing as a badge: valid, expired, suspended, revoked. */
export function StandingBadge({ standing }: { standing: CertificateStanding }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${standing}`} data-testid="certificate-standing" data-standing={standing}>
      {t(`certs.standing.${standing}`)}
    </span>
  );
}

/** What anyone may read about a certificate (the public look-up and the holder's own view share it): never account ids. */
export function CertificateDetails({ certificate, withLookupLink }: { certificate: PublicCertificate | Certificate; withLookupLink?: boolean }) {
  const { t, lang } = useI18n();
  const reason = 'statusReason' in certificate ? certificate.statusReason : null;
  return (
    <div className="panel certificate" data-testid="certificate">
      <dl>
        <dt>{t('certs.number')}</dt>
        <dd data-testid="certificate-number">{certificate.number}</dd>
        <dt>{t('certs.holder')}</dt>
        <dd>{certificate.holderName}</dd>
        <dt>{t('certs.base')}</dt>
        <dd>{certificate.trainingBaseName}</dd>
        <dt>{t('certs.level')}</dt>
        <dd>{t(`training.level.${certificate.level}`)}</dd>
        <dt>{t('certs.issuedAt')}</dt>
        <dd>{formatDate(certificate.issuedAt, lang)}</dd>
        <dt>{t('certs.expiresAt')}</dt>
        <dd>{formatDate(certificate.expiresAt, lang)}</dd>
        <dt>{t('certs.standing')}</dt>
        <dd>
          <StandingBadge standing={certificate.standing} />
        </dd>
      </dl>
      {reason && <p className="small muted">{t('certs.statusReason', { reason })}</p>}
      {withLookupLink && <Link href={`/broker-certificates/${certificate.number}`}>{t('certs.check')}</Link>}
    </div>
  );
}
