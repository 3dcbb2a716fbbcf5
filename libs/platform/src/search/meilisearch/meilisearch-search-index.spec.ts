import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileFilter, MATCH_NOTHING } from './meilisearch-filter';
import { DEFAULT_RANKING_RULES, MeilisearchSearchIndex, symmetricSynonyms } from './meilisearch-search-index';

// meilisearch ships as an ES module only, which jest's CommonJS runtime cannot load; Node's own require can (Node ≥ 20.19).
jest.mock('meilisearch', () => {
  const { createRequire } = process.getBuiltinModule('node:module');
  return createRequire(__filename)('meilisearch');
});

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

type Reply = { status: number; body: unknown };
type Route = (request: Recorded) => Reply | undefined;

/** A stand-in for Meilisearch on 127.0.0.1: records every request; routes answer, tasks succeed unless told otherwise. */
class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  private readonly routes: Route[] = [];
  private readonly failedTasks = new Map<number, { code: string; message: string }>();
  private nextTask = 1;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.close();
    await once(this.server, 'close');
  }

  on(route: Route): void {
    this.routes.unshift(route);
  }

  /** The next enqueued task will be reported as failed with this error. */
  failNextTask(code: string, message: string): void {
    this.failedTasks.set(this.nextTask, { code, message });
  }

  /** Requests other than task polling, as "METHOD /path". */
  calls(): string[] {
    return this.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path}`);
  }

  last(method: string, path: string): Recorded {
    const found = [...this.requests].reverse().find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`no ${method} ${path} among ${this.calls().join(', ')}`);
    return found;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: Recorded = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined };
    this.requests.push(request);
    const reply = this.routes.map((route) => route(request)).find((r) => r !== undefined) ?? this.defaultReply(request);
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  }

  private defaultReply(request: Recorded): Reply {
    const task = /^\/tasks\/(\d+)$/.exec(request.path);
    if (task) {
      const uid = Number(task[1]);
      const error = this.failedTasks.get(uid);
      return {
        status: 200,
        body: { uid, indexUid: 'x', status: error ? 'failed' : 'succeeded', type: 'documentAdditionOrUpdate', error: error ? { ...error, type: 'invalid_request', link: '' } : null, duration: 'PT0S', enqueuedAt: '', startedAt: '', finishedAt: '', batchUid: 1, canceledBy: null },
      };
    }
    if (request.path === '/health') return { status: 200, body: { status: 'available' } };
    // Reading documents by filter is a POST; like every read, it is answered 404 for an index that does not exist.
    if (request.method !== 'GET' && !request.path.endsWith('/documents/fetch')) {
      return { status: 202, body: { taskUid: this.nextTask++, indexUid: 'x', status: 'enqueued', type: 'documentAdditionOrUpdate', enqueuedAt: new Date().toISOString() } };
    }
    // What Meilisearch answers for a read on an index that does not exist.
    return { status: 404, body: { message: 'Index not found.', code: 'index_not_found', type: 'invalid_request', link: '' } };
  }
}

describe('compileFilter', () => {
  it('quotes and escapes strings, keeps numbers and booleans bare', () => {
    expect(compileFilter({ field: 'industry', eq: 'new-materials' })).toBe('industry = "new-materials"');
    expect(compileFilter({ field: 'title', eq: 'say "hi" \\ bye' })).toBe('title = "say \\"hi\\" \\\\ bye"');
    expect(compileFilter({ field: 'trl', eq: 7 })).toBe('trl = 7');
    expect(compileFilter({ field: 'open', eq: true })).toBe('open = true');
    expect(compileFilter({ field: 'tags', in: ['储能', 'a"b', 3] })).toBe('tags IN ["储能", "a\\"b", 3]');
  });

  it('compiles ranges, existence and null tests', () => {
    expect(compileFilter({ field: 'price', gte: 10, lte: 20 })).toBe('price 10 TO 20');
    expect(compileFilter({ field: 'price', gt: 10, lt: 20.5 })).toBe('price > 10 AND price < 20.5');
    expect(compileFilter({ field: 'price', gte: 10 })).toBe('price >= 10');
    expect(compileFilter({ field: 'park', exists: true })).toBe('park EXISTS');
    expect(compileFilter({ field: 'park', exists: false })).toBe('park NOT EXISTS');
    expect(compileFilter({ field: 'park', isNull: true })).toBe('park IS NULL');
    expect(() => compileFilter({ field: 'price' })).toThrow(/no bound/);
    expect(() => compileFilter({ field: 'price', gte: Number.NaN })).toThrow(/finite/);
  });

  it('nests and/or/not with parentheses and handles the empty cases', () => {
    expect(
      compileFilter({
        and: [
          { or: [{ field: 'park', eq: 'east' }, { field: 'tags', eq: '石墨烯' }] },
          { not: { field: 'price', gte: 150 } },
        ],
      }),
    ).toBe('((park = "east") OR (tags = "石墨烯")) AND (NOT (price >= 150))');
    expect(compileFilter({ and: [{ field: 'a', eq: 1 }] })).toBe('a = 1');
    expect(compileFilter({ and: [] })).toBe('');
    expect(compileFilter({ or: [] })).toBe(MATCH_NOTHING);
    expect(compileFilter({ field: 'tags', in: [] })).toBe(MATCH_NOTHING);
    expect(() => compileFilter({ field: 'bad field', eq: 1 })).toThrow(/filter attribute/);
  });
});

describe('symmetricSynonyms', () => {
  it('makes every phrase of a group point at all the others', () => {
    expect(symmetricSynonyms({ 脱硝: ['SCR脱硝', '氮氧化物治理'], 光伏: ['太阳能发电'] })).toEqual({
      脱硝: ['SCR脱硝', '氮氧化物治理'],
      SCR脱硝: ['脱硝', '氮氧化物治理'],
      氮氧化物治理: ['脱硝', 'SCR脱硝'],
      光伏: ['太阳能发电'],
      太阳能发电: ['光伏'],
    });
  });
});

describe('MeilisearchSearchIndex against a fake server', () => {
  const fake = new FakeMeilisearch();
  let search: MeilisearchSearchIndex;
  let host: string;

  beforeAll(async () => {
    host = await fake.start();
    search = new MeilisearchSearchIndex({ host, apiKey: 'master-key', dictionary: () => ['脱硝', '活性焦'], stopWords: ['的'], taskTimeoutMs: 5000 });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  it('creates the index, tolerates "already exists" and sends the settings with the API key', async () => {
    fake.failNextTask('index_already_exists', 'Index `achievements` already exists.');
    await search.applySettings('achievements', {
      searchableAttributes: ['title', 'summary'],
      filterableAttributes: ['industry'],
      sortableAttributes: ['price'],
      synonyms: { 脱硝: ['SCR脱硝'] },
    });
    expect(fake.calls()).toEqual(['POST /indexes', 'PATCH /indexes/achievements/settings']);
    expect(fake.last('POST', '/indexes').body).toEqual({ uid: 'achievements', primaryKey: 'id' });
    const settings = fake.last('PATCH', '/indexes/achievements/settings');
    expect(settings.headers.authorization).toBe('Bearer master-key');
    expect(settings.body).toEqual({
      searchableAttributes: ['title', 'summary'],
      filterableAttributes: ['industry', 'id'],
      sortableAttributes: ['price', 'id'],
      rankingRules: DEFAULT_RANKING_RULES,
      synonyms: { 脱硝: ['SCR脱硝'], SCR脱硝: ['脱硝'] },
      displayedAttributes: ['*'],
      stopWords: ['的'],
      dictionary: ['脱硝', '活性焦'],
    });
    // Every request waited for its task.
    expect(fake.requests.filter((r) => r.path.startsWith('/tasks/'))).toHaveLength(2);
  });

  it('keeps ranking rules given in the settings', async () => {
    await search.applySettings('a', { searchableAttributes: ['t'], filterableAttributes: [], sortableAttributes: [], rankingRules: ['words', 'sort'] });
    expect((fake.last('PATCH', '/indexes/a/settings').body as { rankingRules: string[] }).rankingRules).toEqual(['words', 'sort']);
  });

  it('upserts with id as primary key, waits, and fails loudly on a failed task', async () => {
    await search.upsert('achievements', [{ id: 'a1', version: 3, title: '活性焦脱硝' }]);
    const add = fake.last('POST', '/indexes/achievements/documents');
    expect(add.query.get('primaryKey')).toBe('id');
    expect(add.body).toEqual([{ id: 'a1', version: 3, title: '活性焦脱硝' }]);
    fake.failNextTask('invalid_document_id', 'Document identifier `a b` is invalid.');
    await expect(search.upsert('achievements', [{ id: 'a b', version: 1 }])).rejects.toThrow(/failed: Document identifier `a b` is invalid/);
  });

  it('deletes by id, clears, counts and pings', async () => {
    await search.delete('achievements', ['a1', 'a2']);
    expect(fake.last('POST', '/indexes/achievements/documents/delete-batch').body).toEqual(['a1', 'a2']);
    await search.delete('achievements', []);
    await search.clear('achievements');
    expect(fake.calls()).toEqual(['POST /indexes/achievements/documents/delete-batch', 'DELETE /indexes/achievements/documents', 'DELETE /indexes/achievements__tombstones/documents']);
    fake.on((r) => (r.path === '/indexes/achievements/stats' ? { status: 200, body: { numberOfDocuments: 42, isIndexing: false, fieldDistribution: {} } } : undefined));
    expect(await search.count('achievements')).toBe(42);
    expect(await search.count('missing')).toBe(0);
    await expect(search.ping()).resolves.toBe(true);
  });

  it('upserts only versions at least as new as the stored copy or its tombstone', async () => {
    fake.on((r) => (r.method === 'POST' && r.path === '/indexes/versions/documents/fetch' ? { status: 200, body: { results: [{ id: 'a1', version: 5 }], offset: 0, limit: 3, total: 1 } } : undefined));
    fake.on((r) => (r.method === 'POST' && r.path === '/indexes/versions__tombstones/documents/fetch' ? { status: 200, body: { results: [{ id: 'a2', version: 3 }], offset: 0, limit: 3, total: 1 } } : undefined));
    await search.upsert('versions', [{ id: 'a1', version: 4, title: 'late' }, { id: 'a2', version: 3, title: 'same as removed' }, { id: 'a3', version: 1, title: 'new' }]);
    const lookup = fake.last('POST', '/indexes/versions/documents/fetch').body as { filter: string; fields: string[] };
    expect(lookup).toMatchObject({ filter: 'id IN ["a1", "a2", "a3"]', fields: ['id', 'version'] });
    expect(fake.last('POST', '/indexes/versions/documents').body).toEqual([{ id: 'a2', version: 3, title: 'same as removed' }, { id: 'a3', version: 1, title: 'new' }]);
    // Nothing newer to write: no write at all.
    fake.requests.length = 0;
    await search.upsert('versions', [{ id: 'a1', version: 2 }]);
    expect(fake.calls()).toEqual(['POST /indexes/versions/documents/fetch', 'POST /indexes/versions__tombstones/documents/fetch']);
  });

  it('removes a version only over older copies and remembers it in the tombstone index; purges old tombstones', async () => {
    fake.on((r) => (r.method === 'POST' && r.path === '/indexes/removals/documents/fetch' ? { status: 200, body: { results: [{ id: 'a1', version: 2 }, { id: 'a2', version: 7 }], offset: 0, limit: 3, total: 2 } } : undefined));
    await search.delete('removals', ['a1', 'a2', 'a3'], new Map([['a1', 3], ['a2', 6], ['a3', 1]]));
    // a2 is stored at 7: a removal of 6 is late and changes nothing; a3 was never indexed but its removal is remembered.
    expect(fake.last('POST', '/indexes/removals/documents/delete-batch').body).toEqual(['a1', 'a3']);
    expect(fake.last('POST', '/indexes').body).toEqual({ uid: 'removals__tombstones', primaryKey: 'id' });
    expect(fake.last('PATCH', '/indexes/removals__tombstones/settings').body).toEqual({ filterableAttributes: ['id', 'deletedAt'] });
    const tombstones = fake.last('POST', '/indexes/removals__tombstones/documents').body as Array<{ id: string; version: number; deletedAt: number }>;
    expect(tombstones.map(({ id, version }) => ({ id, version }))).toEqual([{ id: 'a1', version: 3 }, { id: 'a3', version: 1 }]);
    expect(typeof tombstones[0].deletedAt).toBe('number');

    await search.purgeTombstones('removals', new Date(1_700_000_000_000));
    expect(fake.last('POST', '/indexes/removals__tombstones/documents/delete').body).toEqual({ filter: 'deletedAt < 1700000000000' });
  });

  it('sends the compiled query and maps hits, highlights, scores, total and facets back', async () => {
    fake.on((r) =>
      r.path === '/indexes/achievements/search'
        ? {
            status: 200,
            body: {
              hits: [
                {
                  id: 'a1',
                  version: 1,
                  title: '活性焦脱硫脱硝一体化技术',
                  tags: ['脱硝', '烟气'],
                  _formatted: { id: 'a1', version: '1', title: '活性焦脱硫<em>脱硝</em>一体化技术', tags: ['<em>脱硝</em>', '烟气'] },
                  _rankingScore: 0.93,
                },
              ],
              query: '脱硝',
              processingTimeMs: 3,
              limit: 5,
              offset: 10,
              estimatedTotalHits: 17,
              facetDistribution: { industry: { 'energy-saving-environmental': 17 } },
            },
          }
        : undefined,
    );
    const result = await search.search('achievements', {
      q: '脱硝',
      filter: { and: [{ field: 'industry', in: ['energy-saving-environmental'] }, { field: 'price', gte: 100, lte: 200 }] },
      facets: ['industry'],
      sort: ['price:desc'],
      offset: 10,
      limit: 5,
      highlight: ['title', 'tags'],
      matchingStrategy: 'all',
      showRankingScore: true,
    });
    expect(fake.last('POST', '/indexes/achievements/search').body).toEqual({
      q: '脱硝',
      offset: 10,
      limit: 5,
      matchingStrategy: 'all',
      filter: '(industry IN ["energy-saving-environmental"]) AND (price 100 TO 200)',
      facets: ['industry'],
      sort: ['price:desc'],
      attributesToHighlight: ['title', 'tags'],
      highlightPreTag: '<em>',
      highlightPostTag: '</em>',
      showRankingScore: true,
    });
    expect(result).toEqual({
      hits: [
        {
          document: { id: 'a1', version: 1, title: '活性焦脱硫脱硝一体化技术', tags: ['脱硝', '烟气'] },
          highlights: { title: '活性焦脱硫<em>脱硝</em>一体化技术', tags: ['<em>脱硝</em>', '烟气'] },
          rankingScore: 0.93,
        },
      ],
      total: 17,
      facets: { industry: { 'energy-saving-environmental': 17 } },
      processingTimeMs: 3,
    });
  });

  it('uses the defaults of the port for a bare query and returns nothing for an unknown index', async () => {
    fake.on((r) =>
      r.path === '/indexes/nowhere/search'
        ? { status: 404, body: { message: 'Index `nowhere` not found.', code: 'index_not_found', type: 'invalid_request', link: '' } }
        : undefined,
    );
    expect(await search.listVersions('nowhere', 0, 10)).toEqual([]);
    const result = await search.search('nowhere', {});
    expect(fake.last('POST', '/indexes/nowhere/search').body).toEqual({ q: '', offset: 0, limit: 20, matchingStrategy: 'last' });
    expect(result).toEqual({ hits: [], total: 0, facets: {}, processingTimeMs: 0 });
  });

  it('lists versions sorted by id on the server, and sorts client-side when the server cannot', async () => {
    fake.on((r) =>
      r.path === '/indexes/sorted/documents'
        ? { status: 200, body: { results: [{ id: 'a', version: 1 }, { id: 'b', version: 2 }], offset: 0, limit: 2, total: 9 } }
        : undefined,
    );
    expect(await search.listVersions('sorted', 4, 2)).toEqual([
      { id: 'a', version: 1 },
      { id: 'b', version: 2 },
    ]);
    const request = fake.last('GET', '/indexes/sorted/documents');
    expect(request.query.get('fields')).toBe('id,version');
    expect(request.query.get('sort')).toBe('id:asc');
    expect(request.query.get('offset')).toBe('4');
    expect(request.query.get('limit')).toBe('2');

    const legacy = new MeilisearchSearchIndex({ host });
    fake.on((r) => {
      if (r.path !== '/indexes/old/documents') return undefined;
      if (r.query.has('sort')) return { status: 400, body: { message: 'Unknown parameter `sort`', code: 'bad_request', type: 'invalid_request', link: '' } };
      const offset = Number(r.query.get('offset'));
      const all = Array.from({ length: 1500 }, (_, i) => ({ id: `d${String(1499 - i).padStart(4, '0')}`, version: i }));
      return { status: 200, body: { results: all.slice(offset, offset + Number(r.query.get('limit'))), offset, limit: 1000, total: 1500 } };
    });
    const page = await legacy.listVersions('old', 1, 3);
    expect(page).toEqual([
      { id: 'd0001', version: 1498 },
      { id: 'd0002', version: 1497 },
      { id: 'd0003', version: 1496 },
    ]);
    // Once told, it stops asking the server to sort.
    fake.requests.length = 0;
    await legacy.listVersions('old', 0, 1);
    expect(fake.requests.every((r) => !r.query.has('sort'))).toBe(true);
  });
});
