import { StateMachine } from '@techbridge/platform';
import type { NoticeStatus } from './entities/market-notice.entity';
import type { ObjectionStatus } from './entities/market-objection.entity';

/** A notice runs, pauses while an objection is undecided, resumes, and ends (→ contract) or is cancelled (sustained objection). */
export const NOTICE_LIFECYCLE = new StateMachine<NoticeStatus, 'pause' | 'resume' | 'end' | 'cancel'>('public notice', {
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  end: { from: ['running'], to: 'ended' },
  cancel: { from: ['running', 'paused'], to: 'cancelled' },
});

/** An objection is answered by the owner, then decided by platform staff. */
export const OBJECTION_LIFECYCLE = new StateMachine<ObjectionStatus, 'answer' | 'sustain' | 'dismiss'>('objection', {
  answer: { from: ['open'], to: 'answered' },
  sustain: { from: ['answered'], to: 'sustained' },
  dismiss: { from: ['answered'], to: 'dismissed' },
});
