import { DomainError } from '@techbridge/platform';
import { allowedEventActions, nextEventStatus, PARTICIPANT_LIFECYCLE, PRESENTATION_LIFECYCLE, presentationAction } from './roadshow.state-machine';

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

describe('presentation lifecycle', () => {
  const organiser = { organiser: true, owner: false };
  const owner = { organiser: false, owner: true };

  it('the organiser decides applications, the owner invitations, only the owner withdraws', () => {
    expect(PRESENTATION_LIFECYCLE.next('applied', presentationAction('applied', 'accept', organiser))).toBe('accepted');
    expect(PRESENTATION_LIFECYCLE.next('invited', presentationAction('invited', 'decline', owner))).toBe('declined');
    expect(PRESENTATION_LIFECYCLE.next('accepted', presentationAction('accepted', 'withdraw', owner))).toBe('withdrawn');
    for (const [status, decision, as] of [
      ['applied', 'accept', owner],
      ['invited', 'accept', organiser],
      ['accepted', 'withdraw', organiser],
    ] as const) {
      try {
        presentationAction(status, decision, as);
        fail('expected a conflict');
      } catch (e) {
        expect((e as DomainError).kind).toBe('conflict');
        expect((e as DomainError).extra).toMatchObject({ currentState: status, action: decision });
      }
    }
  });

  it('a withdrawn or declined presentation moves no further', () => {
    expect(PRESENTATION_LIFECYCLE.allowed('withdrawn')).toEqual([]);
    expect(PRESENTATION_LIFECYCLE.allowed('declined')).toEqual([]);
    expect(() => PRESENTATION_LIFECYCLE.next('declined', presentationAction('declined', 'withdraw', owner))).toThrow(DomainError);
  });
});

describe('participant lifecycle', () => {
  it('withdraws from the list or the waiting list; only the waiting list is promoted', () => {
    expect(PARTICIPANT_LIFECYCLE.next('registered', 'withdraw')).toBe('cancelled');
    expect(PARTICIPANT_LIFECYCLE.next('waitlisted', 'promote')).toBe('registered');
    expect(PARTICIPANT_LIFECYCLE.can('registered', 'promote')).toBe(false);
    expect(() => PARTICIPANT_LIFECYCLE.next('cancelled', 'withdraw')).toThrow(DomainError);
  });
});
