/**
 * The public notice of a major project (公示), as a small versioned policy: the version in force when a notice starts
 * governs it to its end. Real-name objections stop the clock while they are open.
 */
export interface NoticePolicyVersion {
  version: number;
  /** First instant (ISO) the version applies to notices starting then or later. */
  effectiveFrom: string;
  noticeDays: number;
  objectionsPauseClock: boolean;
}

export const NOTICE_POLICY: { versions: NoticePolicyVersion[] } = {
  versions: [{ version: 1, effectiveFrom: '2016-01-01T00:00:00+08:00', noticeDays: 7, objectionsPauseClock: true }],
};

export function noticePolicyAt(at: Date): NoticePolicyVersion {
  const applicable = NOTICE_POLICY.versions.filter((v) => Date.parse(v.effectiveFrom) <= at.getTime());
  return applicable[applicable.length - 1] ?? NOTICE_POLICY.versions[0];
}

export function noticePolicy(version: number): NoticePolicyVersion {
  return NOTICE_POLICY.versions.find((v) => v.version === version) ?? NOTICE_POLICY.versions[0];
}

export interface NoticeClock {
  startedAt: Date;
  pausedAt: Date | null;
  pausedMs: number;
}

/** When the notice ends: null while the clock stands still (an open objection). */
export function noticeEndsAt(policy: NoticePolicyVersion, clock: NoticeClock): Date | null {
  if (clock.pausedAt && policy.objectionsPauseClock) return null;
  return new Date(clock.startedAt.getTime() + policy.noticeDays * 86_400_000 + (policy.objectionsPauseClock ? clock.pausedMs : 0));
}

/** Days left on the clock at `now` (fractional), whether it runs or stands still. */
export function noticeRemainingMs(policy: NoticePolicyVersion, clock: NoticeClock, now: Date): number {
  const stoppedAt = clock.pausedAt && policy.objectionsPauseClock ? clock.pausedAt : now;
  return Math.max(0, clock.startedAt.getTime() + policy.noticeDays * 86_400_000 + clock.pausedMs - stoppedAt.getTime());
}
