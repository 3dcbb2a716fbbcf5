import { DomainError } from '@techbridge/platform';
import { entryTransition, quarterTransition } from './monitoring.state-machine';

describe('monitoring state machines', () => {
  it('an open quarter takes entries and publishes; a published one only takes corrections', () => {
    expect(quarterTransition('open', 'publish')).toBe('published');
    expect(quarterTransition('published', 'correct')).toBe('published');
    for (const a of ['enter', 'review', 'publish'] as const) {
      try {
        quarterTransition('published', a);
        throw new Error('expected a conflict');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).extra.currentState).toBe('published');
      }
    }
  });

  it('entries: approve or return only what is submitted', () => {
    expect(entryTransition('submitted', 'approve')).toBe('approved');
    expect(entryTransition('returned', 'submit')).toBe('submitted');
    expect(() => entryTransition('approved', 'approve')).toThrow(DomainError);
    expect(() => entryTransition('returned', 'approve')).toThrow(DomainError);
  });
});
