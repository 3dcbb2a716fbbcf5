import type { components } from '../api/schema.gen';
import { useI18n } from '../i18n';
import { useApiQuery } from '../query';
import { Link } from '../router';

export type SiteInfo = components['schemas']['SiteResponse'];

/** Host organisation, contact and ICP number as configured (each shown only when set), and the legal documents. */
export function SiteFooter() {
  const { t, pick } = useI18n();
  const site = useApiQuery<SiteInfo>('site', undefined, { staleTime: Infinity });
  const s = site.data;
  return (
    <footer className="site-footer" data-testid="site-footer">
      <div className="container site-footer__inner">
        <p>{t('footer.text')}</p>
        {s?.hostOrganisation && <p data-testid="footer-host">{t('site.hostOrganisation', { name: s.hostOrganisation })}</p>}
        {s?.contact && <p data-testid="footer-contact">{t('site.contact', { contact: s.contact })}</p>}
        <nav aria-label={t('site.legal')} className="site-footer__links">
          <Link href="/policies">{t('site.policies')}</Link>
          <Link href="/me/privacy" data-testid="footer-privacy">{t('privacy.link')}</Link>
          {s?.agreements.map((a) => (
            <Link key={a.document} href={`/legal/${a.document}`}>
              {pick(a.title)}
            </Link>
          ))}
          {s?.icpNumber && (
            // The MIIT filing site is where an ICP number is checked; the number itself must link there.
            <a href="https://beian.miit.gov.cn/" target="_blank" rel="noreferrer" data-testid="footer-icp" aria-label={`${t('site.icpLabel')} ${s.icpNumber}`}>
              {s.icpNumber}
            </a>
          )}
        </nav>
      </div>
    </footer>
  );
}
