import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@techbridge/testing';
import { ChineseTokenizer, EmbeddedSearchIndex, engineSettings, IndexSettings, SearchResult, withSearchFields } from '@techbridge/platform/search';
import { EmbeddedStore } from '@techbridge/platform/search/embedded/embedded-store';
import { InvertedIndex } from '@techbridge/platform/search/embedded/inverted-index';

/**
 * The embedded engine keeps an in-memory copy of each index per process. What a request must never do is rebuild
 * that copy: new synonyms (a thesaurus edit) apply in place, and a rebuilt generation swapped in by another process
 * (the worker's rebuild) is loaded in the background while the old copy keeps answering.
 */
describe('embedded engine: settings and new generations without a rebuild in the request path', () => {
  let db: TestDatabase;
  let other: DataSource;
  let worker: EmbeddedSearchIndex;
  let api: EmbeddedSearchIndex;
  const tokenizer = new ChineseTokenizer();
  const INDEX = 'items';
  const searchable = ['title'];
  const settings = (synonyms: Record<string, string[]> = {}): IndexSettings =>
    engineSettings({ searchableAttributes: searchable, filterableAttributes: [], sortableAttributes: [], synonyms }, tokenizer);
  const doc = (id: string, title: string) => withSearchFields({ id, version: 1, title }, searchable, tokenizer);
  const ids = (r: SearchResult) => r.hits.map((h) => h.document.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    other = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await other.initialize();
    // Two processes in effect: each instance has its own connections and its own in-memory copies.
    worker = new EmbeddedSearchIndex(db.dataSource, tokenizer);
    api = new EmbeddedSearchIndex(other, tokenizer);
    await worker.applySettings(INDEX, settings());
    await worker.upsert(INDEX, [doc('i1', '宽温域磷酸铁锂电池电解液'), doc('i2', '测试工具箱')]);
    expect(ids(await api.search(INDEX, { q: '锂电池' }))).toEqual(['i1']);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await other?.destroy();
    await db?.drop();
  });

  it('applies new synonyms at once and re-indexes nothing', async () => {
    const reindexed = jest.spyOn(InvertedIndex.prototype, 'upsert');
    await worker.applySettings(INDEX, settings({ 锂电池: ['储能电芯'] }));
    expect(ids(await api.search(INDEX, { q: '储能电芯' }))).toEqual(['i1']);
    expect(reindexed).not.toHaveBeenCalled();
    reindexed.mockRestore();
  });

  it('answers from the old generation while the swapped-in one loads in the background, then serves the new one', async () => {
    // The worker's rebuild: a new generation filled aside, swapped in, the old one dropped.
    const next = `${INDEX}__rebuild_test`;
    await worker.applySettings(next, settings({ 锂电池: ['储能电芯'] }));
    await worker.upsert(next, [doc('i1', '宽温域磷酸铁锂电池电解液（第二代）'), doc('n1', '固态锂电池隔膜')]);
    await worker.swapIndexes(INDEX, next);
    await worker.deleteIndex(next);
    // The worker swapped: it serves the new generation at once.
    expect(ids(await worker.search(INDEX, { q: '隔膜' }))).toEqual(['n1']);

    // Hold the api's load of the new generation until its first search has been answered.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Resolved when the background load reaches the held read: it starts after the search answered and, on a busy
    // machine, gets there only some queries later, so the test waits for that event rather than checking at once.
    let entered: () => void = () => undefined;
    const loading = new Promise<void>((resolve) => (entered = resolve));
    const read = EmbeddedStore.prototype.changes;
    const held = jest.spyOn(EmbeddedStore.prototype, 'changes').mockImplementation(async function (this: EmbeddedStore, ...args) {
      entered();
      await gate;
      return read.apply(this, args);
    });
    try {
      const first = await api.search(INDEX, { q: '锂电池' });
      // Answered from the old copy (n1 is not in it), with documents read from the generation now in place.
      expect(ids(first)).toEqual(['i1']);
      expect(first.hits[0].document.title).toBe('宽温域磷酸铁锂电池电解液（第二代）');
      await loading;
    } finally {
      // Never leave the load held: a failure here must not hang the tests after it.
      release();
    }
    await api.preload(INDEX);
    held.mockRestore();
    expect(ids(await api.search(INDEX, { q: '隔膜' }))).toEqual(['n1']);
    expect(ids(await api.search(INDEX, { q: '工具' }))).toEqual([]);
    expect(await api.count(INDEX)).toBe(2);
  });

  it('recreates a rebuild name that was swapped and dropped, as Meilisearch recreates a deleted index', async () => {
    const next = `${INDEX}__rebuild_test`;
    expect(await worker.count(next)).toBe(0);
    expect((await worker.search(next, {})).total).toBe(0);
    await worker.upsert(next, [doc('x1', '氢燃料电池')]);
    expect(ids(await api.search(next, { q: '燃料电池' }))).toEqual(['x1']);
    expect(ids(await api.search(INDEX, { q: '燃料电池' }))).toEqual([]);
    await worker.deleteIndex(next);
  });
});
