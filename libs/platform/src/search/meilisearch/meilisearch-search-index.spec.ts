import { ChineseTokenizer } from '../chinese-tokenizer';
import { engineSettings, withSearchFields } from '../search-fields';
import { IndexSettings, InvalidSearchQueryError } from '../search-index.port';
import { compileFilter, MATCH_NOTHING } from './meilisearch-filter';
import { DEFAULT_RANKING_RULES, MeilisearchSearchIndex, symmetricSynonyms } from './meilisearch-search-index';
import { documented, Json, RecordedMeilisearch, undocumented } from '../../../../../test/support/recorded-meilisearch';

// meilisearch ships as an ES module only, which jest's CommonJS runtime cannot load; Node's own require can (Node ≥ 20.19).
jest.mock('meilisearch', () => {
  const { createRequire } = process.getBuiltinModule('node:module');
  return createRequire(__filename)('meilisearch');
});

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

/**
 * The Meilisearch adapter against request/response pairs recorded from Meilisearch's own documentation examples and
 * its server's snapshot tests (test/support/recorded-meilisearch.ts): each call the adapter makes must be the pair the
 * test names, with only documented parameters of the documented types. With MEILI_HOST set,
 * test/search/search-index.contract.int-spec.ts runs the same adapter against a real server.
 */
describe('MeilisearchSearchIndex against recorded Meilisearch pairs', () => {
  const replay = new RecordedMeilisearch();
  const tokenizer = new ChineseTokenizer();
  let search: MeilisearchSearchIndex;
  let host: string;
  // An achievements-like index as the SearchIndexer hands it to an engine: search fields, Chinese pinned.
  const settings: IndexSettings = engineSettings(
    {
      searchableAttributes: ['title', 'keywords', 'summary'],
      filterableAttributes: ['industry', 'trl'],
      sortableAttributes: ['publishedAt'],
      synonyms: { 脱硝: ['SCR脱硝', '氮氧化物治理'] },
    },
    tokenizer,
  );

  beforeAll(async () => {
    host = await replay.start();
    search = new MeilisearchSearchIndex({ host, apiKey: 'master-key', tokenizer, taskTimeoutMs: 5000 });
  });
  afterAll(() => replay.stop());

  it('applies settings: creates the index ("already exists" tolerated), sends documented settings with localizedAttributes, waits for both tasks', async () => {
    replay.expect('createIndex', 'getTaskFailedIndexAlreadyExists', 'updateSettings', 'getTaskSucceeded');
    await search.applySettings('achievements', settings);
    replay.done();
    expect(undocumented(replay.body('createIndex'), documented('createIndex').parameters)).toEqual([]);
    expect(replay.body('createIndex')).toEqual({ uid: 'achievements', primaryKey: 'id' });
    const patch = replay.request('updateSettings');
    expect(patch.path).toBe('/indexes/achievements/settings');
    expect(patch.headers.authorization).toBe('Bearer master-key');
    const body = patch.body as Record<string, Json>;
    const schema = documented('settings') as unknown as { parameters: Record<string, string>; typoTolerance: Record<string, string>; minWordSizeForTypos: Record<string, string>; localizedAttribute: Record<string, string> };
    expect(undocumented(body, schema.parameters)).toEqual([]);
    expect(undocumented(body.typoTolerance, schema.typoTolerance)).toEqual([]);
    expect(undocumented((body.typoTolerance as Record<string, Json>).minWordSizeForTypos, schema.minWordSizeForTypos)).toEqual([]);
    for (const rule of body.localizedAttributes as Json[]) expect(undocumented(rule, schema.localizedAttribute)).toEqual([]);
    // The Chinese locale pinned on the search fields, which are what is searched, in the projection's order.
    expect(body.localizedAttributes).toEqual([{ attributePatterns: ['searchTerms.*'], locales: ['cmn'] }]);
    expect(body.searchableAttributes).toEqual(['searchTerms.title', 'searchTerms.keywords', 'searchTerms.summary']);
    expect(body.filterableAttributes).toEqual(['industry', 'trl', 'id']);
    expect(body.rankingRules).toEqual(DEFAULT_RANKING_RULES);
    // Synonyms in the words a segmented query sends, both ways.
    expect(body.synonyms).toMatchObject({ 脱硝: expect.arrayContaining(['scr 脱硝', '氮氧化物 治理']), '氮氧化物 治理': expect.arrayContaining(['脱硝']) });
    // Domain words kept whole, no typo on long Chinese words, the shared stop words.
    expect(body.dictionary).toEqual(expect.arrayContaining(['脱硝', '活性焦', '磷酸铁锂']));
    const longWords = (body.dictionary as string[]).filter((w) => /^\p{Script=Han}+$/u.test(w) && Array.from(w).length >= 5);
    expect(longWords.length).toBeGreaterThan(0);
    expect((body.typoTolerance as { disableOnWords: string[] }).disableOnWords).toEqual(longWords);
    expect(body.stopWords).toEqual(expect.arrayContaining(['的', 'the']));
  });

  it('stops with the engine\'s reason when a settings task fails', async () => {
    replay.expect('createIndex', 'getTaskSucceeded', 'updateSettings', 'getTaskFailedIndexNotFound');
    await expect(search.applySettings('achievements', settings)).rejects.toThrow(/failed: Index `movie` not found/);
    replay.done();
  });

  it('writes documents with their search fields under id as primary key, and waits', async () => {
    const document = withSearchFields({ id: 'a1', version: 3, title: '宽温域磷酸铁锂电池电解液', keywords: ['电解液'], summary: '低温放电' }, ['title', 'keywords', 'summary'], tokenizer);
    // No stored copy and no tombstone index yet: nothing fences the write (the first response is the recorded shape, empty).
    replay.expect({ pair: 'getDocumentsPost', response: { results: [], offset: 0, limit: 1, total: 0 } }, 'fetchIndexNotFound', 'addDocuments', 'getTaskSucceeded');
    await search.upsert('achievements', [document]);
    replay.done();
    const lookup = replay.request('getDocumentsPost');
    expect(lookup.path).toBe('/indexes/achievements/documents/fetch');
    expect(undocumented(lookup.body, documented('getDocumentsPost').parameters)).toEqual([]);
    expect(lookup.body).toMatchObject({ filter: 'id IN ["a1"]', fields: ['id', 'version'] });
    expect(replay.request('fetchIndexNotFound').path).toBe('/indexes/achievements__tombstones/documents/fetch');
    const add = replay.request('addDocuments');
    expect(Object.fromEntries(add.query)).toEqual({ primaryKey: 'id' });
    expect(undocumented(Object.fromEntries(add.query), documented('addDocuments').parameters)).toEqual([]);
    expect(add.body).toEqual([document]);
    expect((add.body as Array<{ searchTerms: { title: string } }>)[0].searchTerms.title.split(' ')).toContain('锂电池');
  });

  it('fails a write loudly when its task fails (the outbox then retries)', async () => {
    replay.expect({ pair: 'getDocumentsPost', response: { results: [], offset: 0, limit: 1, total: 0 } }, 'fetchIndexNotFound', 'addDocuments', 'getTaskFailedIndexNotFound');
    await expect(search.upsert('achievements', [{ id: 'a1', version: 1 }])).rejects.toThrow(/documentAdditionOrUpdate|indexDeletion|failed/);
    replay.done();
  });

  // Responses below keep the recorded shapes (get documents with POST) and carry this test's ids and versions.
  const stored = (...docs: Array<{ id: string; version: number }>) => ({ results: docs, offset: 0, limit: docs.length, total: docs.length });

  it('upserts only versions at least as new as the stored copy or its tombstone', async () => {
    replay.expect({ pair: 'getDocumentsPost', response: stored({ id: 'a1', version: 5 }) }, { pair: 'getDocumentsPost', response: stored({ id: 'a2', version: 3 }) }, 'addDocuments', 'getTaskSucceeded');
    await search.upsert('versions', [{ id: 'a1', version: 4, title: 'late' }, { id: 'a2', version: 3, title: 'same as removed' }, { id: 'a3', version: 1, title: 'new' }]);
    replay.done();
    expect(replay.received[0].body).toMatchObject({ filter: 'id IN ["a1", "a2", "a3"]', fields: ['id', 'version'] });
    expect(replay.received[1].path).toBe('/indexes/versions__tombstones/documents/fetch');
    expect(replay.body('addDocuments')).toEqual([{ id: 'a2', version: 3, title: 'same as removed' }, { id: 'a3', version: 1, title: 'new' }]);
    // Nothing newer to write: no write at all.
    replay.expect({ pair: 'getDocumentsPost', response: stored({ id: 'a1', version: 5 }) }, 'fetchIndexNotFound');
    await search.upsert('versions', [{ id: 'a1', version: 2 }]);
    replay.done();
  });

  it('removes a version only over older copies, remembers it in the tombstone index, and purges old tombstones by filter', async () => {
    replay.expect(
      { pair: 'getDocumentsPost', response: stored({ id: 'a1', version: 2 }, { id: 'a2', version: 7 }) },
      'fetchIndexNotFound',
      'deleteDocumentsByBatch', 'getTaskSucceeded',
      'createIndex', 'getTaskSucceeded',
      'updateTombstoneSettings', 'getTaskSucceeded',
      'addDocuments', 'getTaskSucceeded',
    );
    await search.delete('removals', ['a1', 'a2', 'a3'], new Map([['a1', 3], ['a2', 6], ['a3', 1]]));
    replay.done();
    // a2 is stored at 7: a removal of 6 is late and changes nothing; a3 was never indexed but its removal is remembered.
    expect(replay.body('deleteDocumentsByBatch')).toEqual(['a1', 'a3']);
    expect(replay.body('createIndex')).toEqual({ uid: 'removals__tombstones', primaryKey: 'id' });
    expect(replay.body('updateTombstoneSettings')).toEqual({ filterableAttributes: ['id', 'deletedAt'] });
    const tombstones = replay.body('addDocuments') as Array<{ id: string; version: number; deletedAt: number }>;
    expect(tombstones.map(({ id, version }) => ({ id, version }))).toEqual([{ id: 'a1', version: 3 }, { id: 'a3', version: 1 }]);
    expect(typeof tombstones[0].deletedAt).toBe('number');

    replay.expect('deleteDocumentsByFilter', 'getTaskSucceeded');
    await search.purgeTombstones('removals', new Date(1_700_000_000_000));
    replay.done();
    expect(replay.request('deleteDocumentsByFilter').path).toBe('/indexes/removals__tombstones/documents/delete');
    expect(replay.body('deleteDocumentsByFilter')).toEqual({ filter: 'deletedAt < 1700000000000' });
    expect(undocumented(replay.body('deleteDocumentsByFilter'), documented('deleteDocumentsByFilter').parameters)).toEqual([]);
  });

  it('deletes by id, clears, counts, lists versions and pings through the documented routes', async () => {
    replay.expect('deleteDocumentsByBatch', 'getTaskSucceeded', 'deleteAllDocuments', 'getTaskSucceeded', 'deleteAllDocuments', 'getTaskFailedIndexNotFound', 'getIndexStats', 'getDocuments', 'health');
    await search.delete('achievements', ['a1', 'a2']);
    await search.delete('achievements', []);
    await search.clear('achievements');
    expect(await search.count('achievements')).toBe(19654);
    const page = await search.listVersions('achievements', 4, 2);
    await expect(search.ping()).resolves.toBe(true);
    replay.done();
    expect(replay.body('deleteDocumentsByBatch')).toEqual(['a1', 'a2']);
    const list = replay.request('getDocuments');
    expect(Object.fromEntries(list.query)).toEqual({ fields: 'id,version', sort: 'id:asc', offset: '4', limit: '2' });
    // The recorded documents have no version: ids come through as strings.
    expect(page.map((v) => v.id)).toEqual(['364', '13851']);
  });

  it('swaps two indexes with the documented body and deletes an index, tolerating one already gone', async () => {
    replay.expect('swapIndexes', 'getTaskSucceeded', 'deleteIndex', 'getTaskSucceeded', 'deleteIndex', 'getTaskFailedIndexNotFound');
    await search.swapIndexes('achievements', 'achievements__rebuild_x');
    await search.deleteIndex('achievements__rebuild_x');
    replay.done();
    const swap = replay.body('swapIndexes') as Json[];
    expect(swap).toEqual([{ indexes: ['achievements', 'achievements__rebuild_x'] }]);
    for (const entry of swap) expect(undocumented(entry, documented('swapIndexes').parameters)).toEqual([]);
    expect(replay.received.filter((r) => r.pair === 'deleteIndex').map((r) => r.path)).toEqual(['/indexes/achievements__rebuild_x', '/indexes/achievements__rebuild_x__tombstones']);
  });

  it('sends a documented search with the query segmented and locales pinned, and maps hits, total and time back', async () => {
    replay.expect('search');
    const result = await search.search('achievements', {
      q: '宽温域磷酸铁锂电池 American Ninja',
      filter: { and: [{ field: 'industry', in: ['new-energy'] }, { field: 'trl', gte: 4, lte: 9 }] },
      sort: ['publishedAt:desc'],
      offset: 10,
      limit: 5,
      matchingStrategy: 'all',
    });
    replay.done();
    const body = replay.body('search') as Record<string, Json>;
    const schema = documented('search') as unknown as { parameters: Record<string, string>; matchingStrategy: string[] };
    expect(undocumented(body, schema.parameters)).toEqual([]);
    expect(schema.matchingStrategy).toContain(body.matchingStrategy);
    expect(body).toEqual({
      q: tokenizer.queryTerms('宽温域磷酸铁锂电池 American Ninja').join(' '),
      offset: 10,
      limit: 5,
      matchingStrategy: 'all',
      locales: ['cmn'],
      filter: '(industry IN ["new-energy"]) AND (trl 4 TO 9)',
      sort: ['publishedAt:desc'],
    });
    expect(body.q).toBe('宽 温 域 磷酸铁锂 电池 american ninja');
    expect(result.total).toBe(976);
    expect(result.processingTimeMs).toBe(35);
    expect(result.hits.map((h) => h.document.id)).toEqual([2770, 190859]);
    expect(result.hits[0].highlights).toEqual({});
  });

  it('reads facets, ranking scores and Meilisearch\'s own highlights from the recorded responses', async () => {
    replay.expect('searchFacets', 'searchRankingScore', 'searchHighlight');
    const facets = await search.search('movies', { q: 'Batman', facets: ['genres'] });
    const scored = await search.search('movies', { q: 'dragon', showRankingScore: true });
    const highlighted = await search.search('movies', { q: 'winter feast', highlight: ['overview'] });
    replay.done();
    expect(facets.facets.genres).toEqual({ action: 273, animation: 118, adventure: 132, fantasy: 67, comedy: 475, mystery: 70, thriller: 217 });
    expect(facets.total).toBe(1684);
    expect(scored.hits.map((h) => h.rankingScore)).toEqual([0.92, 0.91]);
    expect(replay.body('searchRankingScore')).toMatchObject({ showRankingScore: true, locales: ['cmn'] });
    // An index without search fields: Meilisearch's own marks are kept.
    expect(highlighted.hits[0].highlights.overview).toMatch(/^The <em>Winter Feast<\/em> is Po's/);
    expect(highlighted.hits[0].document).not.toHaveProperty('_formatted');
    const request = replay.body('searchHighlight') as Record<string, Json>;
    expect(request.attributesToHighlight).toEqual(['overview', 'searchTerms.overview']);
    expect(undocumented(request, documented('search').parameters)).toEqual([]);
  });

  it('marks on the display field the terms Meilisearch matched in its search field (response derived from the recorded shape)', async () => {
    const document = withSearchFields({ id: 'a9', version: 1, title: '宽温域磷酸铁锂电池电解液', keywords: ['电解液', '低温'] }, ['title', 'keywords'], tokenizer) as {
      id: string; version: number; title: string; keywords: string[]; searchTerms: { title: string; keywords: string[] };
    };
    // The recorded highlight response's shape, carrying this document: Meilisearch marks the whole term in the search field.
    const formatted = {
      ...document,
      searchTerms: { title: document.searchTerms.title.replace('锂电池', '<em>锂电池</em>'), keywords: document.searchTerms.keywords.map((k) => k.replace('电解液', '<em>电解液</em>')) },
    };
    replay.expect({ pair: 'searchHighlight', response: { hits: [{ ...document, _formatted: formatted }], offset: 0, limit: 20, estimatedTotalHits: 1, processingTimeMs: 1, query: '锂电池 电解液' } });
    const result = await search.search('achievements', { q: '锂电池 电解液', highlight: ['title', 'keywords'] });
    replay.done();
    expect(result.hits[0].document).toEqual({ id: 'a9', version: 1, title: '宽温域磷酸铁锂电池电解液', keywords: ['电解液', '低温'] });
    expect(result.hits[0].highlights).toEqual({ title: '宽温域磷酸铁<em>锂电池</em>电解液', keywords: ['<em>电解液</em>', '低温'] });
  });

  it('turns invalid_search_* errors into the port\'s invalid-query error naming the parameter, and a missing index into no hits', async () => {
    replay.expect('searchInvalidFilter', 'searchInvalidFacets', 'searchInvalidSort', 'indexNotFound', 'searchLocales');
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const filter = await failure(search.search('achievements', { filter: { field: 'many', eq: 'Glass' } }));
    const facets = await failure(search.search('achievements', { facets: ['doggo'] }));
    const sort = await failure(search.search('achievements', { sort: ['doggo:asc'] }));
    expect(filter).toBeInstanceOf(InvalidSearchQueryError);
    expect(filter).toMatchObject({ field: 'filter', message: expect.stringContaining('Attribute `many` is not filterable') });
    expect(facets).toMatchObject({ field: 'facets', message: expect.stringContaining('`doggo` is not filterable') });
    expect(sort).toMatchObject({ field: 'sort' });
    expect(await search.search('nowhere', {})).toEqual({ hits: [], total: 0, facets: {}, processingTimeMs: 0 });
    // The recorded locales example: the documented parameter, an array of ISO 639-3 codes.
    const located = await search.search('movies', { q: 'QUERY TEXT IN JAPANESE' });
    replay.done();
    expect(replay.body('searchLocales')).toMatchObject({ locales: ['cmn'] });
    expect(located.hits[0].document).toEqual({ id: 0, title: 'DOCUMENT NAME', overview_jp: 'OVERVIEW TEXT IN JAPANESE' });
  });

  it('reports an unreachable server as not alive instead of hanging', async () => {
    const closed = new MeilisearchSearchIndex({ host: 'http://127.0.0.1:9', tokenizer, requestTimeoutMs: 2000 });
    await expect(closed.ping()).resolves.toBe(false);
    await expect(closed.upsert('achievements', [{ id: 'a1', version: 1 }])).rejects.toThrow();
  });
});
