import { DomainError } from '@techbridge/platform';
import { ARTICLE_LIFECYCLE } from './content.state-machine';

describe('article lifecycle', () => {
  it('goes draft → published → archived → draft, one step at a time', () => {
    expect(ARTICLE_LIFECYCLE.next('draft', 'publish')).toBe('published');
    expect(ARTICLE_LIFECYCLE.next('published', 'archive')).toBe('archived');
    expect(ARTICLE_LIFECYCLE.next('archived', 'restore')).toBe('draft');
    expect(ARTICLE_LIFECYCLE.allowed('draft')).toEqual(['publish']);
    expect(ARTICLE_LIFECYCLE.allowed('published')).toEqual(['archive']);
  });

  it('refuses a skipped or repeated step with a 409 naming the current state', () => {
    for (const [from, action] of [['draft', 'archive'], ['published', 'publish'], ['archived', 'publish'], ['draft', 'restore']] as const) {
      try {
        ARTICLE_LIFECYCLE.next(from, action);
        throw new Error(`${from} --${action}--> should be refused`);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).kind).toBe('conflict');
        expect((e as DomainError).extra).toMatchObject({ currentState: from, action });
      }
    }
  });
});
