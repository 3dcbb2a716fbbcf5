import { ApiError, withoutFieldName } from './api';
import { format, initialLang, MESSAGES, translate } from './i18n';
import { matchPath, splitHighlight } from './route-match';
import { formatMoney, splitList } from './hooks';

describe('portal i18n', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const zh = MESSAGES.zh;
    const en = MESSAGES.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(zh[key].trim()).not.toBe('');
      expect(en[key].trim()).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, ph(en[key])]).toEqual([key, ph(zh[key])]);
    }
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

describe('portal helpers', () => {
  it('matches routes with params and rejects other shapes', () => {
    expect(matchPath('/achievements/:id', '/achievements/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/achievements/:id', '/achievements/abc/')).toEqual({ id: 'abc' });
    expect(matchPath('/achievements/:id', '/demands/abc')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/demands/:id', '/demands/%E0%A4%A')).toBeNull();
  });

  it('renders search highlights as text segments (no HTML injection)', () => {
    expect(splitHighlight('高效<em>钙钛矿</em>电池')).toEqual([
      { text: '高效', mark: false },
      { text: '钙钛矿', mark: true },
      { text: '电池', mark: false },
    ]);
    expect(splitHighlight('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });

  it('splits keyword lists on Chinese and Latin separators and formats money in 万元 / yuan', () => {
    expect(splitList('钙钛矿, 光伏；叠层、电池 电池')).toEqual(['钙钛矿', '光伏', '叠层', '电池']);
    expect(formatMoney(3500000, 'zh', '面议')).toBe('350 万元');
    expect(formatMoney(null, 'en', 'Negotiable')).toBe('Negotiable');
    expect(formatMoney(800, 'zh', '面议')).toBe('800 元');
  });
});

describe('API field errors', () => {
  it('drop the field path at the start of a message shown beside its input', () => {
    expect(withoutFieldName('organisation.creditCode 不是有效的统一社会信用代码', 'organisation.creditCode')).toBe('不是有效的统一社会信用代码');
    expect(withoutFieldName('title must be longer than or equal to 2 characters', 'title')).toBe('Must be longer than or equal to 2 characters');
    expect(withoutFieldName('keywords[1] 太长', 'keywords[1]')).toBe('太长');
    expect(withoutFieldName('unknown indicator', 'entries[0].indicator')).toBe('Unknown indicator');
  });

  it('fold list items into the list field', () => {
    const e = new ApiError(400, 'bad', [
      { field: 'keywords[3]', message: 'keywords[3] 太长' },
      { field: 'title', message: 'title 太短' },
    ]);
    expect(e.fieldErrors()).toEqual({ keywords: '太长', title: '太短' });
  });
});
