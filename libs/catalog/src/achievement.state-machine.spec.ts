import { DomainError } from '@techbridge/platform';
import { nextAchievementStatus } from './achievement.state-machine';

describe('achievement state machine', () => {
  it('walks draft → submitted → returned → submitted → published → withdrawn', () => {
    expect(nextAchievementStatus('draft', 'submit')).toBe('submitted');
    expect(nextAchievementStatus('submitted', 'return')).toBe('returned');
    expect(nextAchievementStatus('returned', 'resubmit')).toBe('submitted');
    expect(nextAchievementStatus('submitted', 'approve')).toBe('published');
    expect(nextAchievementStatus('published', 'withdraw')).toBe('withdrawn');
    expect(nextAchievementStatus('published', 'mark-transferred')).toBe('transferred');
  });

  it('refuses an illegal step with a conflict carrying the current state', () => {
    try {
      nextAchievementStatus('draft', 'approve');
      fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).extra.currentState).toBe('draft');
    }
    expect(() => nextAchievementStatus('withdrawn', 'withdraw')).toThrow(DomainError);
    expect(() => nextAchievementStatus('transferred', 'submit')).toThrow(DomainError);
  });
});
