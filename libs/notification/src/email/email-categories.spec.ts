import { categoryOf, EMAIL_CATEGORIES, EMAIL_CATEGORY_LABELS } from './email-categories';

describe('e-mail categories', () => {
  it('files each kind under its first segment', () => {
    expect(categoryOf('match.suggested')).toBe('matches');
    expect(categoryOf('import.matches-computed')).toBe('matches');
    expect(categoryOf('watch.saved-search')).toBe('alerts');
    expect(categoryOf('demand.proposal-submitted')).toBe('demands');
    expect(categoryOf('roadshow.meeting-reminder')).toBe('roadshows');
    expect(categoryOf('contract.registered')).toBe('contracts');
  });

  it('puts an unknown kind under other, never nowhere', () => {
    expect(categoryOf('something.new')).toBe('other');
    expect(categoryOf('')).toBe('other');
  });

  it('labels every category in both languages', () => {
    for (const c of EMAIL_CATEGORIES) expect(EMAIL_CATEGORY_LABELS[c].zh && EMAIL_CATEGORY_LABELS[c].en).toBeTruthy();
  });
});
