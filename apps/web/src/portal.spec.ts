import { ApiClient, ApiError, withoutFieldName } from './api';
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
    expect(formatMoney(3500000, 'zh', '面议')).toBe('350万元');
    expect(formatMoney(null, 'en', 'Negotiable')).toBe('Negotiable');
    expect(formatMoney(800, 'zh', '面议')).toBe('800元');
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

describe('the api client when the api is away', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('says so in the interface language instead of "Failed to fetch"', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const client = new ApiClient(null);
    client.setLang('zh');
    await expect(client.get('achievements')).rejects.toMatchObject({ status: 0, message: '暂时无法连接平台服务，请检查网络后重试' });
    client.setLang('en');
    await expect(client.get('achievements')).rejects.toMatchObject({ status: 0, message: expect.stringContaining('cannot be reached') });
  });

  it('words a proxy error page (no API body) for users, and keeps the API own messages', async () => {
    globalThis.fetch = () => Promise.resolve(new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const client = new ApiClient(null);
    await expect(client.get('achievements')).rejects.toMatchObject({ status: 502, message: '平台服务暂时不可用，请稍后重试', fromApi: false });
    globalThis.fetch = () => Promise.resolve(new Response(JSON.stringify({ statusCode: 401, message: '邮箱或密码不正确', details: [] }), { status: 401, headers: { 'content-type': 'application/json' } }));
    await expect(client.signIn('a@b.cn', 'x')).rejects.toMatchObject({ status: 401, message: '邮箱或密码不正确' });
  });
});
