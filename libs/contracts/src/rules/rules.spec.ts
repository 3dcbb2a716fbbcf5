import fc from 'fast-check';
import { REGISTRATION_POLICY, REWARD_RULES } from '@techbridge/platform';
import { contractDirection } from './direction';
import { fenToYuanString, toFen } from './money';
import { decisionSchedule, effectiveDate, PolicyVersion, policyInForce } from './registration-policy';
import { formatRegistrationNumber } from './registration-number';
import { computeRewardLines, qualifiesForReward, RewardContract, rewardFor } from './rewards';
import { BeijingCalendar, HolidayCalendar } from '@techbridge/platform';

const { addWorkingDays, isWorkingDay, dateOf: beijingDate } = BeijingCalendar;

const VERSIONS = REGISTRATION_POLICY.versions as PolicyVersion[];
/** The 2026 Mid-Autumn and National Day arrangement (State Council notice). */
const CAL_2026: HolidayCalendar = {
  holidays: new Set(['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-09-20', '2026-10-10']),
};

describe('money in fen', () => {
  it('parses and prints exactly', () => {
    expect(toFen('1234.5')).toBe(123450n);
    expect(toFen(0.1 + 0.2 > 0.3 ? 0.3 : 0.3)).toBe(30n);
    expect(fenToYuanString(123450n)).toBe('1234.50');
    expect(() => toFen('1.234')).toThrow();
  });
});

describe('working days', () => {
  it('skips weekends and holidays and counts make-up Saturdays', () => {
    expect(isWorkingDay('2026-10-10', CAL_2026)).toBe(true);
    expect(isWorkingDay('2026-10-08', CAL_2026)).toBe(true);
    expect(isWorkingDay('2026-10-05', CAL_2026)).toBe(false);
    expect(addWorkingDays('2026-09-28', 3, CAL_2026)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-28', 15, CAL_2026)).toBe('2026-10-23');
    expect(addWorkingDays('2026-10-23', -2, CAL_2026)).toBe('2026-10-21');
    expect(addWorkingDays('2026-10-08', -1, CAL_2026)).toBe('2026-09-30');
  });

  it('Beijing dates, not UTC dates', () => {
    expect(beijingDate(new Date('2026-09-27T17:00:00Z'))).toBe('2026-09-28');
  });
});

describe('registration policy', () => {
  it('picks the version in force: natural days before December 2024, working days after', () => {
    expect(effectiveDate('draft-2024-12')).toBe('2024-12-01');
    expect(policyInForce(VERSIONS, '2024-06-01').decisionDeadline).toEqual({ days: 30, calendar: 'natural' });
    expect(policyInForce(VERSIONS, '2026-09-28').decisionDeadline).toEqual({ days: 15, calendar: 'working' });
    const old = decisionSchedule(VERSIONS, new Date('2024-06-03T02:00:00Z'), 100_000, CAL_2026);
    expect(old.deadlineDate).toBe('2024-07-03');
  });

  it('15 working days across the National Day holiday; 30 for large contracts', () => {
    const s = decisionSchedule(VERSIONS, new Date('2026-09-28T02:00:00Z'), 1_000_000, CAL_2026);
    expect(s.deadlineDate).toBe('2026-10-23');
    expect(s.deadlineAt.toISOString()).toBe('2026-10-23T09:00:00.000Z');
    expect(s.reminderAt.toISOString()).toBe('2026-10-21T01:00:00.000Z');
    const large = decisionSchedule(VERSIONS, new Date('2026-09-28T02:00:00Z'), 5_000_000, CAL_2026);
    expect(large.days).toBe(30);
    expect(large.deadlineDate).toBe('2026-11-13');
  });
});

describe('registration numbers', () => {
  it('are 16 digits', () => {
    expect(formatRegistrationNumber(2026, '130100', 42)).toBe('2026130100000042');
    expect(() => formatRegistrationNumber(2026, '13', 1)).toThrow();
    expect(() => formatRegistrationNumber(2026, '130100', 1_000_000)).toThrow();
  });
});

describe('direction', () => {
  it('classifies flows relative to Hebei', () => {
    expect(contractDirection('BJ', 'HE')).toBe('absorbed-bj-tj');
    expect(contractDirection('TJ', 'HE')).toBe('absorbed-bj-tj');
    expect(contractDirection('HE', 'HE')).toBe('within-province');
    expect(contractDirection('HE', 'BJ')).toBe('out-of-province');
    expect(contractDirection('other', 'BJ')).toBe('other');
  });
});

describe('rewards', () => {
  const base: Omit<RewardContract, 'id' | 'technologyAmount' | 'registrationNumber'> = {
    sellerLegalType: 'university', buyerLegalType: 'enterprise', buyerRegion: 'HE', transferInstitutionId: 'T', registrationInstitutionId: 'R',
  };
  it('1 per mille, capped at 200,000 yuan: just under, at, over', () => {
    expect(rewardFor(toFen('199999000.00'), REWARD_RULES)).toEqual({ uncappedFen: 19_999_900n, amountFen: 19_999_900n, capped: false });
    // 1‰ of 1234.56 yuan is 1.23456 yuan: rounded half-up to the fen.
    expect(rewardFor(toFen('1234.56'), REWARD_RULES).amountFen).toBe(123n);
    expect(rewardFor(toFen('200000000.00'), REWARD_RULES)).toEqual({ uncappedFen: 20_000_000n, amountFen: 20_000_000n, capped: false });
    expect(rewardFor(toFen('200000010.00'), REWARD_RULES)).toEqual({ uncappedFen: 20_000_001n, amountFen: 20_000_000n, capped: true });
  });

  it('only universities and institutes transferring to enterprises of the province qualify', () => {
    expect(qualifiesForReward(base)).toBe(true);
    expect(qualifiesForReward({ ...base, sellerLegalType: 'enterprise' })).toBe(false);
    expect(qualifiesForReward({ ...base, buyerRegion: 'BJ' })).toBe(false);
    expect(qualifiesForReward({ ...base, buyerLegalType: 'university' })).toBe(false);
  });

  it('property: never above the cap, never above 1‰ of the basis, and every credited contract qualifies', () => {
    const contract = fc.record({
      id: fc.uuid(),
      registrationNumber: fc.stringMatching(/^\d{16}$/),
      fen: fc.bigInt({ min: 0n, max: 100_000_000_000n }),
      sellerLegalType: fc.constantFrom('university', 'institute', 'enterprise', 'other'),
      buyerLegalType: fc.constantFrom('enterprise', 'university'),
      buyerRegion: fc.constantFrom('HE', 'BJ', 'TJ', 'other'),
      transferInstitutionId: fc.constantFrom('T1', 'T2', null),
      registrationInstitutionId: fc.constantFrom('R1', 'R2', null),
    });
    fc.assert(
      fc.property(fc.array(contract, { maxLength: 60 }), (raw) => {
        const contracts: RewardContract[] = raw.map((c) => ({ ...c, technologyAmount: fenToYuanString(c.fen) }));
        const lines = computeRewardLines(contracts, REWARD_RULES, (id) => id.startsWith('T'));
        for (const l of lines) {
          expect(l.amountFen <= 20_000_000n).toBe(true);
          expect(l.amountFen * 1000n <= l.basisFen + 500n).toBe(true);
          expect(l.basisFen).toBe(l.contracts.reduce((a, c) => a + c.technologyAmountFen, 0n));
          for (const c of l.contracts) expect(qualifiesForReward(contracts.find((x) => x.id === c.id)!)).toBe(true);
        }
        const keys = lines.map((l) => `${l.kind}:${l.institutionId}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });
});
