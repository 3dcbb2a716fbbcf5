import { REWARD_SCHEDULES, rewardYearFor } from './reward-schedules';

describe('reward schedules', () => {
  it('the yearly run on 1 January 02:00 Beijing time computes the year that just ended', () => {
    // 2027-01-01 02:00 in Beijing is 2026-12-31 18:00 UTC: the UTC year is still 2026, the reward year must be 2026.
    expect(rewardYearFor('previous-year', new Date('2026-12-31T18:00:00Z'))).toBe(2026);
    expect(rewardYearFor('current-year', new Date('2026-12-31T18:00:00Z'))).toBe(2027);
    expect(rewardYearFor('current-year', new Date('2026-06-30T16:30:00Z'))).toBe(2026);
  });

  it('has fixed ids and Beijing-time patterns', () => {
    expect(REWARD_SCHEDULES.map((s) => [s.id, s.pattern, s.tz, s.period])).toEqual([
      ['contracts-rewards-yearly', '0 2 1 1 *', 'Asia/Shanghai', 'previous-year'],
      ['contracts-rewards-monthly-provisional', '0 3 1 2-12 *', 'Asia/Shanghai', 'current-year'],
    ]);
  });
});
