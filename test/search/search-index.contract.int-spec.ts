import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@techbridge/testing';
import { ChineseTokenizer, createSearchIndex, engineSettings, IndexSettings, SearchDocument, SearchIndex, SearchResult, withSearchFields } from '@techbridge/platform/search';

/**
 * The SearchIndex contract, run against whichever engine the environment selects: Meilisearch when MEILI_HOST is
 * set, otherwise the embedded engine on a fresh PostgreSQL database.
 */

type Achievement = SearchDocument & {
  title: string;
  summary: string;
  industry: string;
  tags: string[];
  price: number;
  park?: string | null;
};

const SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'summary', 'tags'],
  filterableAttributes: ['industry', 'tags', 'price', 'park'],
  sortableAttributes: ['price'],
  synonyms: { 脱硝: ['SCR脱硝', '氮氧化物治理'] },
};

function fixtures(): Achievement[] {
  return [
    { id: 'a1', version: 1, title: '活性焦脱硫脱硝一体化技术', summary: '钢铁烧结机烟气多污染物协同净化', industry: 'energy-saving-environmental', tags: ['烟气', '大气污染治理'], price: 120, park: 'jingnan-east' },
    { id: 'a2', version: 1, title: '硝酸生产尾气回收装置', summary: '化工企业硝酸尾气吸收与资源回收', industry: 'energy-saving-environmental', tags: ['化工'], price: 80, park: null },
    { id: 'a3', version: 1, title: '市政污泥深度脱水设备', summary: '板框压滤机配合调理剂降低含水率', industry: 'energy-saving-environmental', tags: ['水处理'], price: 45 },
    { id: 'a4', version: 1, title: 'Graphene thermal film 石墨烯导热膜', summary: '高导热石墨烯薄膜的连续化制备工艺', industry: 'new-materials', tags: ['石墨烯', '导热'], price: 300, park: 'jingnan-west' },
    { id: 'a5', version: 1, title: '燃煤电厂催化剂再生技术', summary: '面向燃煤锅炉的氮氧化物治理方案', industry: 'energy-saving-environmental', tags: ['催化剂'], price: 200, park: 'jingnan-east' },
    { id: 'a6', version: 1, title: '退役动力电池梯次利用', summary: '动力电池健康状态检测与储能电站应用', industry: 'new-energy-vehicles', tags: ['动力电池', '储能'], price: 150, park: 'jingnan-west' },
    { id: 'a7', version: 1, title: '智慧农业物联网平台', summary: '大田作物墒情监测与水肥一体化控制', industry: 'modern-agriculture', tags: ['物联网', '智慧农业'], price: 60, park: 'jingnan-east' },
  ];
}

const ids = (result: SearchResult) => result.hits.map((h) => h.document.id);
const sortedIds = (result: SearchResult) => ids(result).sort();
const RUN = `${process.pid}_${Date.now().toString(36)}`;

describe(`SearchIndex contract (${process.env.MEILI_HOST ? 'meilisearch' : 'embedded'})`, () => {
  let db: TestDatabase;
  let tokenizer: ChineseTokenizer;
  let search: SearchIndex;
  const index = `contract_${RUN}`;
  const make = (dataSource: DataSource) =>
    createSearchIndex({ meiliHost: process.env.MEILI_HOST, meiliApiKey: process.env.MEILI_API_KEY, dataSource, tokenizer });

  beforeAll(async () => {
    db = await createTestDatabase();
    tokenizer = new ChineseTokenizer();
    search = make(db.dataSource);
    await search.applySettings(index, SETTINGS);
  });

  afterAll(async () => {
    await search?.clear(index);
    await db?.drop();
  });

  beforeEach(async () => {
    await search.clear(index);
    await search.upsert(index, fixtures());
  });

  it('reports its engine and is alive', async () => {
    expect(search.engine).toBe(process.env.MEILI_HOST ? 'meilisearch' : 'embedded');
    await expect(search.ping()).resolves.toBe(true);
  });

  it('finds a document right after upsert', async () => {
    await search.upsert(index, [{ id: 'n1', version: 1, title: '秸秆综合利用生物质颗粒燃料', summary: '农业废弃物', industry: 'modern-agriculture', tags: [], price: 10 }]);
    const result = await search.search(index, { q: '秸秆' });
    expect(ids(result)).toEqual(['n1']);
    expect(result.total).toBe(1);
    expect(result.hits[0].document).toMatchObject({ id: 'n1', version: 1, title: '秸秆综合利用生物质颗粒燃料' });
  });

  it('matches a Chinese word inside a longer phrase by words, not by characters', async () => {
    const result = await search.search(index, { q: '脱硝' });
    expect(ids(result)).toContain('a1');
    // a2 has 硝酸 and a3 has 脱水: sharing a character with 脱硝 is not a match.
    expect(ids(result)).not.toContain('a2');
    expect(ids(result)).not.toContain('a3');
    expect(ids(await search.search(index, { q: '活性焦' }))).toEqual(['a1']);
    expect(ids(await search.search(index, { q: '脱水' }))).toEqual(['a3']);
  });

  it('applies synonyms both ways, multi-word ones included', async () => {
    // a5 says 氮氧化物治理 and never 脱硝; a1 says 脱硝 and never 氮氧化物治理.
    expect(sortedIds(await search.search(index, { q: '脱硝' }))).toEqual(['a1', 'a5']);
    expect(sortedIds(await search.search(index, { q: '氮氧化物治理' }))).toEqual(['a1', 'a5']);
    expect(ids(await search.search(index, { q: 'SCR脱硝', matchingStrategy: 'all' }))).toEqual(expect.arrayContaining(['a1', 'a5']));
  });

  it('matches Latin words by prefix on the last word and with one typo', async () => {
    expect(ids(await search.search(index, { q: 'graphene' }))).toEqual(['a4']);
    expect(ids(await search.search(index, { q: 'graphen' }))).toEqual(['a4']);
    expect(ids(await search.search(index, { q: 'grapheme' }))).toEqual(['a4']);
    expect(ids(await search.search(index, { q: 'GRAPHENE' }))).toEqual(['a4']);
    // Two substitutions in an 8-letter word are beyond the one typo allowed.
    expect(ids(await search.search(index, { q: 'graphite' }))).toEqual([]);
  });

  it('ranks by words matched with "last" (the earlier word first) and requires them all with "all"', async () => {
    // No document has both words: with "last" the one matching the first word leads.
    expect(ids(await search.search(index, { q: '石墨烯 储能' }))[0]).toBe('a4');
    expect(ids(await search.search(index, { q: '储能 石墨烯' }))[0]).toBe('a6');
    expect(ids(await search.search(index, { q: '石墨烯 储能', matchingStrategy: 'all' }))).toEqual([]);
    const both = await search.search(index, { q: '动力电池 储能', matchingStrategy: 'all' });
    expect(ids(both)).toEqual(['a6']);
  });

  it('filters with eq, in, range, array elements, and/or/not, exists and null', async () => {
    const run = async (filter: Parameters<SearchIndex['search']>[1]['filter']) =>
      sortedIds(await search.search(index, { filter, limit: 100 }));
    expect(await run({ field: 'industry', eq: 'new-materials' })).toEqual(['a4']);
    expect(await run({ field: 'industry', in: ['new-materials', 'modern-agriculture'] })).toEqual(['a4', 'a7']);
    expect(await run({ field: 'price', gte: 100, lte: 200 })).toEqual(['a1', 'a5', 'a6']);
    expect(await run({ field: 'price', gt: 100, lt: 200 })).toEqual(['a1', 'a6']);
    expect(await run({ field: 'tags', eq: '储能' })).toEqual(['a6']);
    expect(await run({ field: 'tags', in: ['化工', '水处理'] })).toEqual(['a2', 'a3']);
    expect(await run({ and: [{ field: 'industry', eq: 'energy-saving-environmental' }, { field: 'price', lt: 100 }] })).toEqual(['a2', 'a3']);
    expect(await run({ or: [{ field: 'industry', eq: 'new-materials' }, { field: 'price', lte: 50 }] })).toEqual(['a3', 'a4']);
    expect(await run({ not: { field: 'industry', eq: 'energy-saving-environmental' } })).toEqual(['a4', 'a6', 'a7']);
    expect(
      await run({
        and: [
          { or: [{ field: 'park', eq: 'jingnan-east' }, { field: 'tags', eq: '石墨烯' }] },
          { not: { field: 'price', gte: 150 } },
        ],
      }),
    ).toEqual(['a1', 'a7']);
    expect(await run({ field: 'park', exists: false })).toEqual(['a3']);
    expect(await run({ field: 'park', isNull: true })).toEqual(['a2']);
    // Filter and text together.
    expect(ids(await search.search(index, { q: '脱硝', filter: { field: 'price', gte: 150 } }))).toEqual(['a5']);
  });

  it('counts facets over every document matching the query and filter', async () => {
    const result = await search.search(index, {
      filter: { field: 'price', gte: 100 },
      facets: ['industry', 'tags'],
      limit: 1,
    });
    expect(result.total).toBe(4);
    expect(result.hits).toHaveLength(1);
    expect(result.facets.industry).toEqual({ 'energy-saving-environmental': 2, 'new-materials': 1, 'new-energy-vehicles': 1 });
    expect(result.facets.tags).toEqual({ 烟气: 1, 大气污染治理: 1, 石墨烯: 1, 导热: 1, 催化剂: 1, 动力电池: 1, 储能: 1 });
    const withQuery = await search.search(index, { q: '脱硝', facets: ['industry'] });
    expect(withQuery.facets.industry).toEqual({ 'energy-saving-environmental': 2 });
  });

  it('sorts by a numeric attribute both ways, with and without a query', async () => {
    expect(ids(await search.search(index, { sort: ['price:asc'], limit: 100 }))).toEqual(['a3', 'a7', 'a2', 'a1', 'a6', 'a5', 'a4']);
    expect(ids(await search.search(index, { sort: ['price:desc'], limit: 3 }))).toEqual(['a4', 'a5', 'a6']);
    expect(ids(await search.search(index, { q: '脱硝', sort: ['price:desc'] }))).toEqual(['a5', 'a1']);
    expect(ids(await search.search(index, { q: '脱硝', sort: ['price:asc'] }))).toEqual(['a1', 'a5']);
  });

  it('pages with offset and limit and reports the total', async () => {
    const first = await search.search(index, { sort: ['price:asc'], offset: 0, limit: 3 });
    const second = await search.search(index, { sort: ['price:asc'], offset: 3, limit: 3 });
    const last = await search.search(index, { sort: ['price:asc'], offset: 6, limit: 3 });
    expect(ids(first)).toEqual(['a3', 'a7', 'a2']);
    expect(ids(second)).toEqual(['a1', 'a6', 'a5']);
    expect(ids(last)).toEqual(['a4']);
    for (const page of [first, second, last]) expect(page.total).toBe(7);
    expect((await search.search(index, { offset: 10, limit: 5 })).hits).toEqual([]);
  });

  it('highlights matched words with <em> and leaves other attributes alone', async () => {
    const result = await search.search(index, { q: '脱硝', highlight: ['title', 'tags'], filter: { field: 'industry', eq: 'energy-saving-environmental' } });
    const a1 = result.hits.find((h) => h.document.id === 'a1');
    expect(a1?.highlights.title).toBe('活性焦脱硫<em>脱硝</em>一体化技术');
    expect(a1?.highlights.tags).toEqual(['烟气', '大气污染治理']);
    expect(a1?.highlights.summary).toBeUndefined();
    expect(a1?.document.title).toBe('活性焦脱硫脱硝一体化技术');
    const latin = await search.search(index, { q: 'graphen', highlight: ['title'] });
    expect(latin.hits[0].highlights.title).toMatch(/<em>Graphen/);
  });

  it('gives ranking scores in [0,1], best first, and ranks the title match above a summary match', async () => {
    await search.upsert(index, [
      { id: 'r1', version: 1, title: '储能变流器', summary: '电网侧调峰', industry: 'new-energy', tags: [], price: 1 },
      { id: 'r2', version: 1, title: '光伏逆变器', summary: '可配合储能系统运行', industry: 'new-energy', tags: [], price: 1 },
    ]);
    const result = await search.search(index, { q: '储能', showRankingScore: true, filter: { field: 'industry', eq: 'new-energy' } });
    expect(ids(result)).toEqual(['r1', 'r2']);
    const scores = result.hits.map((h) => h.rankingScore as number);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]);
    expect((await search.search(index, { q: '储能' })).hits[0].rankingScore).toBeUndefined();
  });

  it('deletes documents and ignores unknown ids', async () => {
    await search.delete(index, ['a1', 'does-not-exist']);
    expect(ids(await search.search(index, { q: '活性焦' }))).toEqual([]);
    expect(await search.count(index)).toBe(6);
    expect((await search.search(index, {})).total).toBe(6);
  });

  it('replaces a document upserted again under the same id', async () => {
    await search.upsert(index, [{ ...fixtures()[2], version: 2, title: '工业废水零排放成套装备' }]);
    expect(ids(await search.search(index, { q: '脱水' }))).toEqual([]);
    expect(ids(await search.search(index, { q: '零排放' }))).toEqual(['a3']);
    expect((await search.search(index, {})).total).toBe(7);
    expect(await search.count(index)).toBe(7);
    expect((await search.listVersions(index, 0, 100)).find((v) => v.id === 'a3')?.version).toBe(2);
  });

  it('lists every id with its version, ordered by id, page by page', async () => {
    await search.upsert(index, [{ ...fixtures()[4], version: 5 }]);
    const all = await search.listVersions(index, 0, 100);
    expect(all).toEqual([
      { id: 'a1', version: 1 },
      { id: 'a2', version: 1 },
      { id: 'a3', version: 1 },
      { id: 'a4', version: 1 },
      { id: 'a5', version: 5 },
      { id: 'a6', version: 1 },
      { id: 'a7', version: 1 },
    ]);
    expect((await search.listVersions(index, 2, 3)).map((v) => v.id)).toEqual(['a3', 'a4', 'a5']);
    expect(await search.listVersions(index, 7, 3)).toEqual([]);
    // By key, where the engine pages that way (the embedded one must: PostgreSQL walks what an offset skips).
    if (search.engine === 'embedded') expect(search.listVersionsAfter).toBeDefined();
    if (search.listVersionsAfter) {
      expect(await search.listVersionsAfter(index, null, 3)).toEqual(all.slice(0, 3));
      expect(await search.listVersionsAfter(index, 'a3', 3)).toEqual(all.slice(3, 6));
      expect(await search.listVersionsAfter(index, 'a7', 3)).toEqual([]);
    }
  });

  it('counts and clears, keeping the settings', async () => {
    expect(await search.count(index)).toBe(7);
    await search.clear(index);
    expect(await search.count(index)).toBe(0);
    expect((await search.search(index, { q: '脱硝' })).total).toBe(0);
    expect(await search.listVersions(index, 0, 10)).toEqual([]);
    await search.upsert(index, fixtures().slice(0, 2));
    // Filterable attributes and synonyms survived the clear.
    expect(ids(await search.search(index, { filter: { field: 'industry', eq: 'energy-saving-environmental' }, sort: ['price:asc'] }))).toEqual(['a2', 'a1']);
    expect(ids(await search.search(index, { q: '氮氧化物治理' }))).toEqual(['a1']);
  });

  it('applies only newer versions: a late older copy is ignored, a versioned removal fences older copies until purged', async () => {
    const doc = (id: string, version: number, title: string): Achievement => ({ id, version, title, summary: '', industry: 'new-energy', tags: [], price: 1 });
    const titles = async (q: string) => (await search.search(index, { q })).hits.map((h) => `${h.document.id}@${h.document.version}`);
    await search.upsert(index, [doc('ord-1', 2, '钙钛矿叠层电池第二版')]);
    // A delivery of version 1 that was delayed arrives after version 2.
    await search.upsert(index, [doc('ord-1', 1, '钙钛矿叠层电池第一版')]);
    expect(await titles('钙钛矿')).toEqual(['ord-1@2']);
    expect((await search.listVersions(index, 0, 100)).find((v) => v.id === 'ord-1')?.version).toBe(2);
    // The document is withdrawn at version 3; the late copy of version 2 cannot bring it back, version 4 can.
    await search.delete(index, ['ord-1'], new Map([['ord-1', 3]]));
    await search.upsert(index, [doc('ord-1', 2, '钙钛矿叠层电池第二版')]);
    expect(await titles('钙钛矿')).toEqual([]);
    await search.upsert(index, [doc('ord-1', 4, '钙钛矿叠层电池重新发布')]);
    expect(await titles('钙钛矿')).toEqual(['ord-1@4']);
    // A late removal of an older version leaves the newer copy alone.
    await search.delete(index, ['ord-1'], new Map([['ord-1', 3]]));
    expect(await titles('钙钛矿')).toEqual(['ord-1@4']);
    // A removal is remembered even for a document the index never held (its publication is still on its way).
    await search.delete(index, ['ord-2'], new Map([['ord-2', 5]]));
    await search.upsert(index, [doc('ord-2', 4, '固态电解质膜')]);
    expect(await titles('电解质')).toEqual([]);
    // Purged tombstones fence nothing any more (hence they are kept a day, far longer than any delivery takes).
    expect(await search.purgeTombstones(index, new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    await search.upsert(index, [doc('ord-2', 4, '固态电解质膜')]);
    expect(await titles('电解质')).toEqual(['ord-2@4']);
  });

  it('a second instance that missed a purged tombstone does not keep showing the removed document', async () => {
    const other = new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } });
    await other.initialize();
    try {
      const reader = make(other);
      expect(ids(await reader.search(index, { q: '石墨烯' }))).toEqual(['a4']);
      // Removed and the tombstone purged before the reader looked again.
      await search.delete(index, ['a4'], new Map([['a4', 2]]));
      await search.purgeTombstones(index, new Date(Date.now() + 60_000));
      expect(ids(await reader.search(index, { q: '石墨烯' }))).toEqual([]);
      expect((await reader.search(index, {})).total).toBe(6);
    } finally {
      await other.destroy();
    }
  });

  it('is seen by a second instance with its own connection (another process in effect), updates and deletes included', async () => {
    const other = new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } });
    await other.initialize();
    try {
      const reader = make(other);
      // The reader loads the index first, then must catch up with each later write.
      expect((await reader.search(index, {})).total).toBe(7);
      await search.upsert(index, [{ id: 'x1', version: 1, title: '氢燃料电池重卡示范运营', summary: '加氢站配套', industry: 'new-energy-vehicles', tags: [], price: 500 }]);
      expect(ids(await reader.search(index, { q: '燃料电池' }))).toEqual(['x1']);
      await search.upsert(index, [{ id: 'x1', version: 2, title: '氢能叉车换电方案', summary: '园区物流', industry: 'new-energy-vehicles', tags: [], price: 500 }]);
      expect(ids(await reader.search(index, { q: '燃料电池' }))).toEqual([]);
      expect(ids(await reader.search(index, { q: '叉车' }))).toEqual(['x1']);
      await search.delete(index, ['x1', 'a4']);
      expect(ids(await reader.search(index, { q: '叉车' }))).toEqual([]);
      expect(ids(await reader.search(index, { q: 'graphene' }))).toEqual([]);
      expect((await reader.search(index, {})).total).toBe(6);
      // Settings written by one process reach the other too.
      await reader.applySettings(index, { ...SETTINGS, synonyms: { ...SETTINGS.synonyms, 墒情: ['土壤湿度'] } });
      expect(ids(await search.search(index, { q: '土壤湿度' }))).toEqual(['a7']);
      await search.applySettings(index, SETTINGS);
    } finally {
      await other.destroy();
    }
  });
});

describe(`SearchIndex contract with search fields, as the indexer writes them (${process.env.MEILI_HOST ? 'meilisearch' : 'embedded'})`, () => {
  let db: TestDatabase;
  let search: SearchIndex;
  const tokenizer = new ChineseTokenizer();
  const index = `segmented_${RUN}`;
  const next = `segmented_next_${RUN}`;
  const searchable = ['title', 'keywords', 'summary'];
  // One segmentation for both engines: the settings and documents the SearchIndexer hands to any engine.
  const settings = engineSettings(
    { searchableAttributes: searchable, filterableAttributes: ['industry'], sortableAttributes: [], synonyms: { 脱硝: ['氮氧化物治理'] } },
    tokenizer,
  );
  const doc = (id: string, title: string, keywords: string[], summary: string) => withSearchFields({ id, version: 1, title, keywords, summary, industry: 'x' }, searchable, tokenizer);
  const documents = () => [
    doc('s1', '宽温域磷酸铁锂电池电解液', ['电解液', '低温放电'], '零下四十度仍可放电的电解液配方'),
    doc('s2', '测试工具箱', ['检测'], '现场检测用便携工具'),
    doc('s3', '燃煤锅炉低氮燃烧改造', ['氮氧化物治理'], '分级燃烧降低排放'),
    doc('s4', '钠离子电池正极材料', ['储能'], '层状氧化物正极'),
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
    search = createSearchIndex({ meiliHost: process.env.MEILI_HOST, meiliApiKey: process.env.MEILI_API_KEY, dataSource: db.dataSource, tokenizer });
    await search.applySettings(index, settings);
    await search.upsert(index, documents());
  });

  afterAll(async () => {
    await search?.deleteIndex(index);
    await search?.deleteIndex(next);
    await db?.drop();
  });

  it('finds a sub-word of a long compound, across the cut of jieba too', async () => {
    expect(ids(await search.search(index, { q: '锂电池' }))).toEqual(['s1']);
    expect(ids(await search.search(index, { q: '工具' }))).toEqual(['s2']);
    // The whole compound still finds itself, and a word sharing only characters does not.
    expect(ids(await search.search(index, { q: '磷酸铁锂电池电解液', matchingStrategy: 'all' }))).toEqual(['s1']);
  });

  it('applies segmented synonyms and highlights on the display fields, never returning the search fields', async () => {
    expect(sortedIds(await search.search(index, { q: '脱硝' }))).toEqual(['s3']);
    const result = await search.search(index, { q: '锂电池 电解液', highlight: ['title', 'keywords'] });
    const hit = result.hits.find((h) => h.document.id === 's1');
    // Touching marks merge, so tags never nest or stutter.
    expect(hit?.highlights.title).toBe('宽温域磷酸铁<em>锂电池电解液</em>');
    expect(hit?.highlights.keywords).toEqual(['<em>电解液</em>', '低温放电']);
    expect(hit?.document).not.toHaveProperty('searchTerms');
    expect(hit?.document).toMatchObject({ title: '宽温域磷酸铁锂电池电解液' });
  });

  it('swaps a rebuilt index in and drops the old one', async () => {
    await search.applySettings(next, settings);
    await search.upsert(next, [doc('n1', '固态锂电池隔膜', ['隔膜'], '陶瓷涂覆')]);
    await search.swapIndexes(index, next);
    expect(ids(await search.search(index, { q: '锂电池' }))).toEqual(['n1']);
    expect(await search.count(index)).toBe(1);
    // The other name now holds the old documents until it is deleted.
    expect(ids(await search.search(next, { q: '工具' }))).toEqual(['s2']);
    await search.deleteIndex(next);
    expect(await search.count(next)).toBe(0);
    expect(ids(await search.search(index, { q: '隔膜' }))).toEqual(['n1']);
    await search.deleteIndex(next);
  });
});

// The full corpus (third-party, not in the repo) where it is present; otherwise the 40-record excerpt shipped in fixtures.
const FULL_CSL = join(__dirname, '..', '..', '..', 'shared', 'corpora', 'csl-2000.jsonl');
const CSL_PATH = existsSync(FULL_CSL) ? FULL_CSL : join(__dirname, '..', 'fixtures', 'search', 'csl-excerpt-40.jsonl');
describe(`SearchIndex relevance on CSL abstracts (${process.env.MEILI_HOST ? 'meilisearch' : 'embedded'})`, () => {
  interface CslRecord {
    id: string;
    title: string;
    abstract: string;
    keywords: string[];
    discipline: string;
  }

  it('puts a paper in the top 10 for its own keywords in at least 95% of queries (up to 200)', async () => {
    const db = await createTestDatabase();
    try {
      const search = createSearchIndex({
        meiliHost: process.env.MEILI_HOST,
        meiliApiKey: process.env.MEILI_API_KEY,
        dataSource: db.dataSource,
        tokenizer: new ChineseTokenizer(),
      });
      const index = `csl_${RUN}`;
      const records: CslRecord[] = readFileSync(CSL_PATH, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as CslRecord);
      // Keywords are not indexed: the query is made of them, so finding them in their own field would prove nothing.
      await search.applySettings(index, { searchableAttributes: ['title', 'abstract'], filterableAttributes: ['discipline'], sortableAttributes: [] });
      await search.upsert(index, records.map((r) => ({ id: r.id, version: 1, title: r.title, abstract: r.abstract, discipline: r.discipline })));
      expect(await search.count(index)).toBe(records.length);
      const queried = records.slice(0, 200);
      let found = 0;
      const misses: string[] = [];
      for (const record of queried) {
        const result = await search.search(index, { q: record.keywords.join(' '), limit: 10 });
        if (result.hits.some((h) => h.document.id === record.id)) found++;
        else misses.push(`${record.id}: ${record.keywords.join(' ')}`);
      }
      console.log(`[search contract] CSL known-item (${records.length} records): ${found}/${queried.length} in top 10${misses.length ? `; misses:\n${misses.join('\n')}` : ''}`);
      expect(found / queried.length).toBeGreaterThanOrEqual(0.95);
      await search.clear(index);
    } finally {
      await db.drop();
    }
  });
});
