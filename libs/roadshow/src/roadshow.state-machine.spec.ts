import { DomainError } from '@techbridge/platform';
import { allowedEventActions, nextEventStatus } from './roadshow.state-machine';

describe('roadshow event lifecycle', () => {
  it('walks the happy path', () => {
    let s = nextEventStatus('planned', 'open-registration');
    s = nextEventStatus(s, 'close-registration');
    s = nextEventStatus(s, 'mark-held');
    expect(nextEventStatus(s, 'close')).toBe('closed');
  });

  it('rejects illegal steps with the current state', () => {
    try {
      nextEventStatus('held', 'cancel');
      fail('expected a conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).extra).toMatchObject({ currentState: 'held', action: 'cancel' });
    }
    expect(allowedEventActions('closed')).toEqual([]);
    expect(allowedEventActions('planned')).toEqual(['open-registration', 'cancel']);
  });
});
