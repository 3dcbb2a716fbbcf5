import { ChineseTokenizer, SearchRebuilder } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * A thesaurus edit that brings new words changes how documents are cut: the edit's transaction asks the worker (through
 * the outbox) to rebuild the indexes, which fills a fresh copy with the new segmentation and swaps it in.
 * `npm run search:reindex` runs the same rebuild.
 */
describe('search index rebuilds (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let word: string;

  const physicalOf = async (index: string) =>
    (await t.db.dataSource.query(`SELECT coalesce((SELECT physical_name FROM search_index_alias WHERE index_name = $1), $1) AS p`, [index]))[0].p as string;
  const storedTerms = async (id: string) => {
    const [row] = await t.db.dataSource.query(`SELECT document->'searchTerms'->>'title' AS title FROM search_document WHERE index_name = $1 AND doc_id = $2 AND NOT deleted`, [await physicalOf('achievements'), id]);
    return (row?.title ?? '').split(' ') as string[];
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    // A compound the segmenter does not know yet (the first of these that is still unknown).
    const known = new Set(t.app.get(ChineseTokenizer).dictionaryWords());
    word = ['钒钛磁铁矿', '赤泥选铁', '锂云母提锂', '煤矸石陶粒'].find((w) => !known.has(w)) as string;
    expect(word).toBeDefined();
  });
  afterAll(() => t.close());

  it('a thesaurus word the segmenter did not know makes the worker rebuild and swap in an index cut with it', async () => {
    const a = await t.api.post('achievements', achievementBody({ title: `${word}综合利用技术`, summary: '选冶联合流程回收有价金属', keywords: ['综合利用'], industry: 'new-materials', field: 'advanced-metals' }), { token: uni.accessToken });
    expect(a.status).toBe(201);
    await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken });
    expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    await t.drain();
    const before = await physicalOf('achievements');
    expect(await storedTerms(a.body.id)).not.toContain(word);

    const entry = await t.api.post('thesaurus', { industry: 'new-materials', term: word, synonyms: [], narrower: [], symptoms: [] }, { token: admin.accessToken });
    expect(entry.status).toBe(201);
    await t.drain();

    // A new generation under another physical name, its documents cut with the new word.
    expect(await physicalOf('achievements')).not.toBe(before);
    expect(await storedTerms(a.body.id)).toContain(word);
    const search = await t.api.get('search/achievements', { query: { q: word } });
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id]);
    expect(search.body.items[0].highlights.title).toBe(`<em>${word}</em>综合利用技术`);
    // The old generation is gone from storage.
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM search_document WHERE index_name = $1`, [before]);
    expect(n).toBe(0);
  });

  it('rebuilds on demand (npm run search:reindex) with progress and finds everything it found before', async () => {
    const progress: number[] = [];
    const report = await t.app.get(SearchRebuilder).rebuild('achievements', (p) => progress.push(p.done));
    expect(report.documents).toBe(1);
    expect(progress).toEqual([1]);
    expect(report.repaired).toMatchObject({ missing: 0, stale: 0, orphaned: 0 });
    expect((await t.api.get('search/achievements', { query: { q: '综合利用' } })).body.total).toBe(1);
  });
});
