import { format, initialLang, MESSAGES, NAMESPACES, translate } from '.';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('portal i18n', () => {
  it.each(Object.entries(NAMESPACES))('namespace %s has the same keys in zh and en, none empty, with the same placeholders', (_name, ns) => {
    const zh = ns.zh as Record<string, string>;
    const en = ns.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect([key, zh[key].trim() !== '', en[key].trim() !== '']).toEqual([key, true, true]);
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(zh[key])]);
    }
  });

  it('no namespace redefines a key of another (a merge would silently drop one)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, ns] of Object.entries(NAMESPACES)) {
      for (const key of Object.keys(ns.zh)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${name}`);
        owner.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(MESSAGES.zh).length).toBe(owner.size);
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });

  it('defaults to Simplified Chinese whatever the browser prefers; only a stored "en" switches', () => {
    expect(initialLang(null)).toBe('zh');
    expect(initialLang('en')).toBe('en');
    expect(initialLang('fr')).toBe('zh');
  });

  it('formats placeholders and shows an unknown key as itself', () => {
    expect(format('第 {page} / {pages} 页', { page: 2, pages: 5 })).toBe('第 2 / 5 页');
    expect(translate('en', 'common.pageOf', { page: 1, pages: 3, total: 25 })).toBe('Page 1 of 3, 25 items');
    expect(translate('zh', 'status.archived' as never)).toBe('status.archived');
  });
});
