import { certificateNumber, expiryFrom, missingHours, reminderAt } from './broker-training.policy';

describe('broker certification policy', () => {
  it('names the modules short of hours, with what is missing', () => {
    expect(missingHours({ general: 20, policy: 10, practice: 16, capability: 8 }, { general: 20, policy: 4, practice: 16, capability: 0 })).toEqual([
      { module: 'policy', missing: 6 },
      { module: 'capability', missing: 8 },
    ]);
    expect(missingHours({ general: 1, policy: 0, practice: 0, capability: 0 }, { general: 3, policy: 0, practice: 0, capability: 0 })).toEqual([]);
  });

  it('runs three years and reminds thirty days before; numbers are padded', () => {
    const issued = new Date('2026-05-20T02:00:00Z');
    expect(expiryFrom(issued).toISOString()).toBe('2029-05-20T02:00:00.000Z');
    expect(reminderAt(expiryFrom(issued)).toISOString()).toBe('2029-04-20T02:00:00.000Z');
    expect(certificateNumber(2026, 42)).toBe('BRK-2026-000042');
  });
});
