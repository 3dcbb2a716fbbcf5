import { JobName, OutboxService, SEARCH_INDEX, SearchDocument, SearchIndex, SearchIndexer, TransactionRunner } from '@techbridge/platform';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The outbox guarantees that a committed write reaches the index even if the process dies between
 * commit and indexing, and the reconciler repairs what drifted behind the product's back.
 * A throw-away table and projection stand in for a context's entity.
 */
describe('outbox relay and reconciler (e2e)', () => {
  let t: TestApp;
  let indexer: SearchIndexer;
  let engine: SearchIndex;
  let outbox: OutboxService;
  let txr: TransactionRunner;
  const INDEX = `notes_${Date.now()}`;

  /** When set, the next re-projection holds the state it read until the test lets it go: a delivery that is late. */
  let slowDelivery: { read: () => void; go: Promise<void> } | null = null;
  const noteDocs = async (ids: string[]) => {
    const rows: Array<{ id: string; body: string; version: number; visible: boolean }> = await t.db.dataSource.query(`SELECT id::text, body, version, visible FROM test_note WHERE id = ANY($1::uuid[])`, [ids]);
    const late = slowDelivery;
    if (late) {
      slowDelivery = null;
      late.read();
      await late.go;
    }
    return new Map<string, SearchDocument | null>(rows.map((r) => [r.id, r.visible ? { id: r.id, version: r.version, body: r.body } : null]));
  };
  const noteVersions = async (ids: string[]) =>
    new Map<string, number>((await t.db.dataSource.query(`SELECT id::text, version FROM test_note WHERE id = ANY($1::uuid[])`, [ids])).map((r: { id: string; version: number }) => [r.id, r.version]));
  /** Start a delivery that reads the current state now and writes it only when the returned function is called. */
  async function startLateDelivery(): Promise<{ finish: () => Promise<number> }> {
    let read!: () => void;
    const hasRead = new Promise<void>((r) => (read = r));
    let go!: () => void;
    slowDelivery = { read, go: new Promise<void>((r) => (go = r)) };
    const delivering = t.relay.drainOnce();
    await hasRead;
    return { finish: () => (go(), delivering) };
  }
  async function changeNote(id: string, change: { body?: string; visible?: boolean }): Promise<void> {
    await txr.run(async (m) => {
      await m.query(`UPDATE test_note SET body = coalesce($2, body), visible = coalesce($3, visible), version = version + 1 WHERE id = $1`, [id, change.body ?? null, change.visible ?? null]);
      await outbox.indexChanged(m, INDEX, id);
    });
  }

  async function writeNote(body: string): Promise<string> {
    return txr.run(async (m) => {
      const [{ id }] = await m.query(`INSERT INTO test_note (body) VALUES ($1) RETURNING id::text`, [body]);
      await outbox.indexChanged(m, INDEX, id);
      return id as string;
    });
  }

  const find = async (q: string) => (await engine.search(INDEX, { q })).hits.map((h) => h.document.id);

  beforeAll(async () => {
    t = await createTestApp();
    indexer = t.app.get(SearchIndexer);
    engine = t.app.get(SEARCH_INDEX);
    outbox = t.app.get(OutboxService);
    txr = t.app.get(TransactionRunner);
    await t.db.dataSource.query(`CREATE TABLE test_note (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text NOT NULL, version int NOT NULL DEFAULT 1, visible boolean NOT NULL DEFAULT true)`);
    indexer.register({
      index: INDEX,
      settings: () => ({ searchableAttributes: ['body'], filterableAttributes: [], sortableAttributes: [] }),
      load: noteDocs,
      versions: noteVersions,
      listIndexable: async () => (await t.db.dataSource.query(`SELECT id::text, version FROM test_note WHERE visible`)).map((r: { id: string; version: number }) => ({ id: r.id, version: Number(r.version) })),
    });
    await indexer.applySettings(INDEX);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a write committed while the relay is down reaches the index once the relay runs again', async () => {
    expect(t.relay.isRunning).toBe(false);
    const id = await writeNote('活性焦脱硫脱硝一体化技术');
    // Committed, promised in the outbox, not yet indexed: the state a crash right after commit leaves.
    const [{ pending }] = await t.db.dataSource.query(`SELECT count(*)::int AS pending FROM outbox_message WHERE processed_at IS NULL AND key = $1`, [id]);
    expect(pending).toBe(1);
    expect(await find('脱硝')).not.toContain(id);

    t.relay.start();
    // Waits until no message is pending (whichever relay pass delivers it), not for a time.
    await t.drain();
    await t.relay.stop();
    expect(await find('脱硝')).toContain(id);
    const [{ left }] = await t.db.dataSource.query(`SELECT count(*)::int AS left FROM outbox_message WHERE processed_at IS NULL`);
    expect(left).toBe(0);
  });

  it('an index failure during delivery keeps the message and a later pass delivers it', async () => {
    const id = await writeNote('烧结机头烟气氮氧化物超标治理');
    const spy = jest.spyOn(engine, 'upsert').mockRejectedValueOnce(new Error('search engine went away'));
    expect(await t.relay.drainOnce()).toBe(0);
    spy.mockRestore();
    const [row] = await t.db.dataSource.query(`SELECT attempts, last_error, processed_at FROM outbox_message WHERE key = $1`, [id]);
    expect(row).toMatchObject({ attempts: 1, last_error: 'search engine went away', processed_at: null });
    expect(await find('氮氧化物')).not.toContain(id);
    // The retry is scheduled with backoff; make it due now instead of waiting.
    await t.db.dataSource.query(`UPDATE outbox_message SET available_at = now() WHERE key = $1`, [id]);
    expect(await t.relay.drainOnce()).toBe(1);
    expect(await find('氮氧化物')).toContain(id);
  });

  it('a late delivery of an older version never overwrites a newer one, nor brings back a withdrawn document', async () => {
    const id = await writeNote('钠离子电池正极材料（第一版）');
    await t.relay.drainUntilEmpty();
    // Delivery A reads version 2, then stalls; delivery B carries version 3 and finishes first.
    await changeNote(id, { body: '钠离子电池正极材料（第二版）' });
    const a = await startLateDelivery();
    await changeNote(id, { body: '钠离子电池层状氧化物正极（第三版）' });
    expect(await t.relay.drainOnce()).toBe(1);
    expect(await find('层状氧化物')).toContain(id);
    expect(await a.finish()).toBe(1);
    expect(await find('层状氧化物')).toContain(id);
    expect(await find('第二版')).not.toContain(id);
    expect((await engine.listVersions(INDEX, 0, 1000)).find((v) => v.id === id)?.version).toBe(3);

    // Delivery C (a repeated message, as a replay would be) reads the published version 3; the note is withdrawn
    // (version 4) and that removal is delivered first.
    await txr.run((m) => outbox.indexChanged(m, INDEX, id));
    const c = await startLateDelivery();
    await changeNote(id, { visible: false });
    await t.relay.drainOnce();
    expect(await find('层状氧化物')).not.toContain(id);
    await c.finish();
    expect(await find('层状氧化物')).not.toContain(id);
    expect(await indexer.reconcile(INDEX)).toMatchObject({ missing: 0, stale: 0, orphaned: 0 });
  });

  it('the reconciler repairs missing, stale and orphaned documents', async () => {
    const kept = await writeNote('固废资源化利用');
    const hidden = await writeNote('盐碱地改良技术');
    await t.relay.drainUntilEmpty();
    // Behind the product's back: a document vanishes from the index, one row changes without an outbox message,
    // and one becomes invisible so its document is an orphan.
    await engine.delete(INDEX, [kept]);
    await t.db.dataSource.query(`UPDATE test_note SET body = '固废资源化与建材化利用', version = version + 1 WHERE id = $1`, [kept]);
    await t.db.dataSource.query(`UPDATE test_note SET visible = false WHERE id = $1`, [hidden]);
    expect(await find('固废')).not.toContain(kept);
    expect(await find('盐碱地')).toContain(hidden);

    const report = await indexer.reconcile(INDEX);
    expect(report.missing).toBe(1);
    expect(report.orphaned).toBe(1);
    expect(await find('建材化')).toContain(kept);
    expect(await find('盐碱地')).not.toContain(hidden);

    await t.db.dataSource.query(`UPDATE test_note SET body = '固废协同处置', version = version + 1 WHERE id = $1`, [kept]);
    const second = await indexer.reconcile(INDEX);
    expect(second).toMatchObject({ missing: 0, stale: 1, orphaned: 0 });
    expect(await find('协同处置')).toContain(kept);
    expect(await indexer.reconcile(INDEX)).toMatchObject({ missing: 0, stale: 0, orphaned: 0 });
  });

  it('job messages are enqueued after commit with their deterministic id, once', async () => {
    await txr.run((m) => outbox.enqueue(m, JobName.ReconcileSearchIndex, { index: INDEX }, { jobId: `reconcile:${INDEX}` }));
    await txr.run((m) => outbox.enqueue(m, JobName.ReconcileSearchIndex, { index: INDEX }, { jobId: `reconcile:${INDEX}` }));
    await t.relay.drainUntilEmpty();
    const q = t.jobs.queue(t.jobs.queueOf(JobName.ReconcileSearchIndex));
    const jobs = await q.getJobs(['waiting', 'active', 'completed', 'delayed', 'prioritized']);
    expect(jobs.filter((j) => j.data.index === INDEX)).toHaveLength(1);
  });
});
