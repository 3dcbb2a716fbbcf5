import { DomainError } from '@techbridge/platform';
import { canTransition, MATCH_ACTIONS, MATCH_STATUSES, nextMatchStatus } from './match.state-machine';

describe('match pipeline state machine', () => {
  it('walks suggested → contacted → negotiating → signed', () => {
    expect(nextMatchStatus('suggested', 'contact')).toBe('contacted');
    expect(nextMatchStatus('contacted', 'negotiate')).toBe('negotiating');
    expect(nextMatchStatus('negotiating', 'sign')).toBe('signed');
  });

  it('closes from every open state and from no final one', () => {
    for (const s of ['suggested', 'contacted', 'negotiating'] as const) expect(nextMatchStatus(s, 'close')).toBe('closed');
    for (const s of ['signed', 'closed'] as const) for (const a of MATCH_ACTIONS) expect(canTransition(s, a)).toBe(false);
  });

  it('refuses skipped steps with a 409 naming the current state', () => {
    try {
      nextMatchStatus('suggested', 'sign');
      fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).extra.currentState).toBe('suggested');
    }
  });

  it('has exactly the documented transitions', () => {
    const legal = MATCH_STATUSES.flatMap((s) => MATCH_ACTIONS.filter((a) => canTransition(s, a)).map((a) => `${s}:${a}`));
    expect(legal.sort()).toEqual(['contacted:close', 'contacted:negotiate', 'negotiating:close', 'negotiating:sign', 'suggested:close', 'suggested:contact'].sort());
  });
});
