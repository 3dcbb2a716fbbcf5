import { StateMachine } from '@techbridge/platform';
import type { CertificateStatus } from './entities/broker-certificate.entity';
import type { EnrolmentStatus } from './entities/broker-enrolment.entity';

export type EnrolmentAction = 'log-hours' | 'pass-exam' | 'fail-exam' | 'certify' | 'withdraw';

/**
 * enrolled → (hours logged by the base) → exam passed or failed → certified. A failed trainee studies on (more hours
 * bring the enrolment back to enrolled) and sits the exam again; a trainee may withdraw before passing.
 */
export const ENROLMENT_LIFECYCLE = new StateMachine<EnrolmentStatus, EnrolmentAction>('broker enrolment', {
  'log-hours': { from: ['enrolled', 'failed'], to: 'enrolled' },
  'pass-exam': { from: ['enrolled', 'failed'], to: 'passed' },
  'fail-exam': { from: ['enrolled', 'failed'], to: 'failed' },
  certify: { from: ['passed'], to: 'certified' },
  withdraw: { from: ['enrolled', 'failed'], to: 'withdrawn' },
});

export type CertificateAction = 'renew' | 'suspend' | 'reinstate' | 'revoke';

/** active ⇄ suspended; either → revoked (final). Renewal extends an active certificate (also one past its expiry). */
export const CERTIFICATE_LIFECYCLE = new StateMachine<CertificateStatus, CertificateAction>('broker certificate', {
  renew: { from: ['active'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
});
