import { ReactNode } from 'react';
import { hasRole } from '../api';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { EmptyState } from './feedback.component';

/** Workspaces need a session (and a role or organisation type); the API checks again, this only explains. */
export function RequireSession({ children, roles, orgTypes }: { children: ReactNode; roles?: string[]; orgTypes?: string[] }) {
  const { t } = useI18n();
  const session = useSession();
  const { path } = useLocation();
  if (!session) {
    return (
      <section className="auth">
        <EmptyState>{t('common.signInRequired')}</EmptyState>
        <Link className="btn btn--primary" href={`/sign-in?next=${encodeURIComponent(path)}`}>
          {t('nav.signIn')}
        </Link>
      </section>
    );
  }
  const roleOk = !roles || hasRole(session, ...roles);
  const orgOk = !orgTypes || orgTypes.includes(session.organisation.type) || hasRole(session, 'platform-admin');
  if (!roleOk || !orgOk) return <EmptyState action={{ href: '/', label: t('nav.home') }}>{t('common.forbidden')}</EmptyState>;
  return <>{children}</>;
}
