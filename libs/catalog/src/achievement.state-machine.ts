import { DomainError } from '@techbridge/platform';
import type { AchievementStatus } from './entities/achievement.entity';

export type AchievementAction = 'submit' | 'approve' | 'return' | 'resubmit' | 'withdraw' | 'mark-transferred';

/** The review lifecycle: only these steps exist; anything else is a 409 with the current state. */
export const ACHIEVEMENT_TRANSITIONS: Record<AchievementAction, { from: AchievementStatus[]; to: AchievementStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'published' },
  return: { from: ['submitted'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
  withdraw: { from: ['published'], to: 'withdrawn' },
  'mark-transferred': { from: ['published'], to: 'transferred' },
};

/** States in which the owner may edit the content (submitted is frozen while under review; ended states are history). */
export const EDITABLE_STATES: AchievementStatus[] = ['draft', 'returned', 'published'];

export function nextAchievementStatus(current: AchievementStatus, action: AchievementAction): AchievementStatus {
  const t = ACHIEVEMENT_TRANSITIONS[action];
  if (!t.from.includes(current)) throw DomainError.illegalTransition('achievement', current, action);
  return t.to;
}
