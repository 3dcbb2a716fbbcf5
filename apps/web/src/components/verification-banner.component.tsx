import { useEffect } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { requiresVerification, verificationNotice } from '../verification';

type Key = Parameters<ReturnType<typeof useI18n>['t']>[0];

/** What each type that needs verification cannot do until the platform has checked it (the API enforces the same). */
const BLOCKED: Record<string, Key> = {
  'park-administration': 'verification.blocked.park-administration',
  'registration-institution': 'verification.blocked.registration-institution',
  'transfer-institution': 'verification.blocked.transfer-institution',
  'investment-fund': 'verification.blocked.investment-fund',
  bank: 'verification.blocked.bank',
  guarantor: 'verification.blocked.guarantor',
  'training-base': 'verification.blocked.training-base',
  'city-administration': 'verification.blocked.city-administration',
};

/** Shown on workspaces to members of an organisation awaiting (or refused) verification; re-reads /me so it goes away once verified. */
export function VerificationBanner({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const userId = session?.user.id;
  const watch = requiresVerification(session?.organisation);
  // Every page change re-reads the organisation (only for types that need verification): the administrator's decision shows up without signing in again.
  useEffect(() => {
    if (userId && watch) api.reloadOrganisation().catch(() => undefined);
  }, [userId, watch, path]);
  const org = session?.organisation;
  const status = verificationNotice(org);
  if (!org || !status || !BLOCKED[org.type]) return null;
  return (
    <div className={`notice notice--${status === 'rejected' ? 'error' : 'warning'} verification-banner`} role="status" data-testid="verification-banner" data-status={status}>
      <strong>{t(status === 'rejected' ? 'verification.rejectedTitle' : 'verification.pendingTitle')}</strong>
      <p>{t(BLOCKED[org.type])}</p>
      {status === 'rejected' && org.verificationNote && (
        <p data-testid="verification-reason">
          {t('verification.reason')}{t('common.colon')}{org.verificationNote}
        </p>
      )}
      <p className="small muted">{t(status === 'rejected' ? 'verification.rejectedHint' : 'verification.pendingHint')}</p>
    </div>
  );
}
