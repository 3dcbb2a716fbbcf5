import { ApiError, withoutFieldName } from './api';
import { matchPath, splitHighlight } from './route-match';
import { formatMoney, splitList } from './format';

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
