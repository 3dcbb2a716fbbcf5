import { createTestDatabase, TestDatabase } from '@techbridge/testing';
import { ChineseTokenizer, EmbeddedSearchIndex, MeilisearchSearchIndex, SearchDocument, SearchIndex, SearchIndexer } from '@techbridge/platform';
import { RecordedMeilisearch } from '../support/recorded-meilisearch';

// meilisearch ships as an ES module only, which jest's CommonJS runtime cannot load; Node's own require can (Node ≥ 20.19).
jest.mock('meilisearch', () => {
  const { createRequire } = process.getBuiltinModule('node:module');
  return createRequire(__filename)('meilisearch');
});

/**
 * One segmentation for both engines: the indexer turns a projection's documents and settings into what the engines
 * receive, so Meilisearch (recorded pairs) and the embedded engine (PostgreSQL) get the same search fields and the same
 * settings, from one function.
 */
describe('search fields and settings are the same for both engines', () => {
  let db: TestDatabase;
  const replay = new RecordedMeilisearch();
  const tokenizer = new ChineseTokenizer();
  const rows: SearchDocument[] = [
    { id: 'p1', version: 2, title: '宽温域磷酸铁锂电池电解液', keywords: ['电解液', 'LiFePO4'], summary: '零下四十度仍可放电', industry: 'new-energy-vehicles' },
    { id: 'p2', version: 1, title: '烧结烟气SCR脱硝催化剂及工艺', keywords: ['脱硝'], summary: '钒钛系催化剂，低温活性好', industry: 'energy-saving-environmental' },
  ];
  const indexerOn = (engine: SearchIndex) => {
    const indexer = new SearchIndexer(engine, tokenizer);
    indexer.register({
      index: 'parity',
      settings: () => ({ searchableAttributes: ['title', 'keywords', 'summary'], filterableAttributes: ['industry'], sortableAttributes: [], synonyms: { 脱硝: ['SCR脱硝'] } }),
      load: async (ids) => new Map(rows.filter((r) => ids.includes(r.id)).map((r) => [r.id, r])),
      listIndexable: async () => rows.map((r) => ({ id: r.id, version: r.version })),
    });
    return indexer;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await replay.stop();
    await db?.drop();
  });

  it('writes identical documents and settings to Meilisearch and to the embedded engine', async () => {
    const host = await replay.start();
    const meili = indexerOn(new MeilisearchSearchIndex({ host, tokenizer, taskTimeoutMs: 5000 }));
    const embedded = indexerOn(new EmbeddedSearchIndex(db.dataSource, tokenizer));

    replay.expect('createIndex', 'getTaskSucceeded', 'updateSettings', 'getTaskSucceeded');
    await meili.applySettings('parity');
    replay.expect({ pair: 'getDocumentsPost', response: { results: [], offset: 0, limit: 2, total: 0 } }, 'fetchIndexNotFound', 'addDocuments', 'getTaskSucceeded');
    await meili.reproject('parity', ['p1', 'p2']);
    replay.done();
    const sentToMeilisearch = replay.body('addDocuments') as SearchDocument[];

    await embedded.applySettings('parity');
    await embedded.reproject('parity', ['p1', 'p2']);
    const stored: Array<{ document: SearchDocument }> = await db.dataSource.query(`SELECT document FROM search_document WHERE index_name = 'parity' ORDER BY doc_id`);
    const [{ settings }] = await db.dataSource.query(`SELECT settings FROM search_index_settings WHERE index_name = 'parity'`);

    expect(stored.map((r) => r.document)).toEqual(sentToMeilisearch);
    expect(sentToMeilisearch[0].searchTerms).toEqual({ title: tokenizer.segment('宽温域磷酸铁锂电池电解液'), keywords: [tokenizer.segment('电解液'), 'lifepo4'], summary: tokenizer.segment('零下四十度仍可放电') });
    expect((sentToMeilisearch[0].searchTerms as { title: string }).title.split(' ')).toContain('锂电池');
    // The same settings reach both: search fields, the Chinese locale, synonyms in query words.
    expect(settings).toEqual(await meili.engineSettingsOf('parity'));
    expect(settings).toMatchObject({
      searchableAttributes: ['searchTerms.title', 'searchTerms.keywords', 'searchTerms.summary'],
      localizedAttributes: [{ attributePatterns: ['searchTerms.*'], locales: ['cmn'] }],
      synonyms: { 脱硝: ['scr 脱硝'] },
    });
  });
});
