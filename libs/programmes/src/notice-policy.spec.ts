import { noticeEndsAt, noticePolicyAt, noticeRemainingMs } from './notice-policy';

const DAY = 86_400_000;

describe('public notice of a major project', () => {
  const policy = noticePolicyAt(new Date('2026-06-01T00:00:00Z'));
  const startedAt = new Date('2026-06-01T00:00:00Z');

  it('runs seven days by default', () => {
    expect(policy).toMatchObject({ version: 1, noticeDays: 7 });
    expect(noticeEndsAt(policy, { startedAt, pausedAt: null, pausedMs: 0 })!.toISOString()).toBe('2026-06-08T00:00:00.000Z');
  });

  it('stands still while an objection is open, and is extended by the time it stood still', () => {
    const pausedAt = new Date(startedAt.getTime() + 2 * DAY);
    expect(noticeEndsAt(policy, { startedAt, pausedAt, pausedMs: 0 })).toBeNull();
    // Five days left when the objection came, whatever time passes while it is open.
    expect(noticeRemainingMs(policy, { startedAt, pausedAt, pausedMs: 0 }, new Date(startedAt.getTime() + 9 * DAY))).toBe(5 * DAY);
    expect(noticeEndsAt(policy, { startedAt, pausedAt: null, pausedMs: 3 * DAY })!.toISOString()).toBe('2026-06-11T00:00:00.000Z');
  });
});
