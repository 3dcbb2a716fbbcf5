import { randomUUID } from 'node:crypto';
import { JobName, OutboxService, SEARCH_INDEX, SearchDocument, SearchIndex, SearchIndexer, TransactionRunner } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * An outbox message that keeps failing ends in a dead state administrators see (health, list) and can send again;
 * delivered messages are pruned on a schedule; no transaction stays open while the target is called.
 */
describe('outbox: dead letters, retry, pruning (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let outbox: OutboxService;
  let txr: TransactionRunner;
  const INDEX = `dead_letters_${Date.now()}`;
  /** Ids whose projection fails, as a search engine refusing a document would. */
  const refused = new Set<string>();
  /** When set, a delivery of these documents waits for the test to let it go. */
  let gate: { reached: () => void; release: Promise<void> } | null = null;

  /**
   * A note and its outbox message. `refuse` marks the id refused before the row commits: the relay loop polls
   * every 50 ms and could otherwise deliver the message between the commit and the test's marking it.
   */
  async function writeNote(body: string, refuse = false): Promise<string> {
    const id = randomUUID();
    if (refuse) refused.add(id);
    return txr.run(async (m) => {
      await m.query(`INSERT INTO test_note (id, body) VALUES ($1, $2)`, [id, body]);
      await outbox.indexChanged(m, INDEX, id);
      return id;
    });
  }
  const rowOf = async (key: string) =>
    (await t.db.dataSource.query(`SELECT id::text, attempts, last_error, processed_at, dead_at, locked_until FROM outbox_message WHERE key = $1`, [key]))[0];

  beforeAll(async () => {
    t = await createTestApp({ worker: true, env: { OUTBOX_MAX_ATTEMPTS: '3' } });
    admin = await signInAdmin(t.api);
    outbox = t.app.get(OutboxService);
    txr = t.app.get(TransactionRunner);
    await t.db.dataSource.query(`CREATE TABLE test_note (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text NOT NULL, version int NOT NULL DEFAULT 1)`);
    const indexer = t.app.get(SearchIndexer);
    indexer.register({
      index: INDEX,
      settings: () => ({ searchableAttributes: ['body'], filterableAttributes: [], sortableAttributes: [] }),
      load: async (ids) => {
        if (ids.some((id) => refused.has(id))) throw new Error('document refused by the search engine');
        if (gate) {
          gate.reached();
          await gate.release;
        }
        const rows: Array<{ id: string; body: string; version: number }> = await t.db.dataSource.query(`SELECT id::text, body, version FROM test_note WHERE id = ANY($1::uuid[])`, [ids]);
        return new Map<string, SearchDocument>(rows.map((r) => [r.id, { id: r.id, version: r.version, body: r.body }]));
      },
      listIndexable: async () => [],
    });
    await indexer.applySettings(INDEX);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a message failing OUTBOX_MAX_ATTEMPTS times goes dead: counted in health, listed for administrators, retried on request', async () => {
    const id = await writeNote('会失败的消息', true);
    // drain() runs each retry at once instead of waiting out the backoff, and stops at the dead state.
    await t.drain();
    const dead = await rowOf(id);
    expect(dead).toMatchObject({ attempts: 3, last_error: 'document refused by the search engine', processed_at: null });
    expect(dead.dead_at).not.toBeNull();

    const health = await t.api.get('health');
    expect(health.body).toMatchObject({ outboxDead: 1, outboxBacklog: 0 });

    const list = await t.api.get('outbox/dead-letters', { token: admin.accessToken });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items[0]).toMatchObject({ id: dead.id, kind: 'index', target: INDEX, key: id, attempts: 3, lastError: 'document refused by the search engine' });

    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.get('outbox/dead-letters', { token: stranger.accessToken })).status).toBe(403);
    expect((await t.api.post(`outbox/dead-letters/${dead.id}/retry`, {}, { token: stranger.accessToken })).status).toBe(403);
    expect((await t.api.get('outbox/dead-letters')).status).toBe(401);
    const badId = await t.api.post('outbox/dead-letters/abc/retry', {}, { token: admin.accessToken });
    expect(badId.status).toBe(400);
    expect(badId.body.details.map((d: { field: string }) => d.field)).toContain('id');
    expect((await t.api.post('outbox/dead-letters/999999999/retry', {}, { token: admin.accessToken })).status).toBe(404);

    // The cause is fixed; the administrator sends it again and it is delivered.
    refused.delete(id);
    const retried = await t.api.post(`outbox/dead-letters/${dead.id}/retry`, {}, { token: admin.accessToken });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ retried: [dead.id] });
    await t.drain();
    const delivered = await rowOf(id);
    expect(delivered.processed_at).not.toBeNull();
    expect(delivered.dead_at).toBeNull();
    expect((await t.api.get('health')).body.outboxDead).toBe(0);
    // A delivered message is not dead: retrying it again is a 404, not a second delivery.
    expect((await t.api.post(`outbox/dead-letters/${dead.id}/retry`, {}, { token: admin.accessToken })).status).toBe(404);
  });

  it('retry-all revives every dead message', async () => {
    const a = await writeNote('批量重试一', true);
    const b = await writeNote('批量重试二', true);
    await t.drain();
    expect((await t.api.get('outbox/dead-letters', { token: admin.accessToken })).body.total).toBe(2);
    refused.clear();
    const res = await t.api.post('outbox/dead-letters/retry', {}, { token: admin.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.retried).toHaveLength(2);
    await t.drain();
    expect((await rowOf(a)).processed_at).not.toBeNull();
    expect((await rowOf(b)).processed_at).not.toBeNull();
    expect((await t.api.get('outbox/dead-letters', { token: admin.accessToken })).body.total).toBe(0);
  });

  it('no transaction is open and no row lock held while the target is being called; the row is leased instead', async () => {
    await t.relay.stop(); // this test drives the relay by hand
    try {
      const id = await writeNote('投递中的消息');
      let reached!: () => void;
      const atTarget = new Promise<void>((r) => (reached = r));
      let release!: () => void;
      gate = { reached, release: new Promise<void>((r) => (release = r)) };
      const delivering = t.relay.drainOnce();
      await atTarget;
      const row = await rowOf(id);
      expect(row.locked_until).not.toBeNull();
      const open = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
      expect(open[0].n).toBe(0);
      // Another session can lock the row at once: nothing holds it.
      await t.db.dataSource.transaction(async (m) => {
        expect(await m.query(`SELECT id FROM outbox_message WHERE id = $1 FOR UPDATE NOWAIT`, [row.id])).toHaveLength(1);
      });
      // A second relay does not take a leased row.
      expect(await t.relay.drainOnce()).toBe(0);
      gate = null;
      release();
      expect(await delivering).toBe(1);
      expect(await rowOf(id)).toMatchObject({ attempts: 1, locked_until: null });
    } finally {
      gate = null;
      t.relay.start();
    }
  });

  it('the prune job deletes messages delivered longer ago than OUTBOX_RETENTION_DAYS, and nothing else', async () => {
    await t.drain();
    const insert = (key: string, processed: string | null, dead: string | null) =>
      t.db.dataSource.query(
        `INSERT INTO outbox_message (kind, target, key, processed_at, dead_at, available_at) VALUES ('index', 'nowhere', $1, now() - $2::interval, now() - $3::interval, now() + interval '1 day')`,
        [key, processed, dead],
      );
    await insert('prune:old', '8 days', null);
    await insert('prune:older', '30 days', null);
    await insert('prune:recent', '6 days', null);
    await insert('prune:dead', null, '40 days');
    await t.jobs.enqueue(JobName.PruneOutbox, {});
    await t.drain();
    const left = (await t.db.dataSource.query(`SELECT key FROM outbox_message WHERE key LIKE 'prune:%' ORDER BY key`)).map((r: { key: string }) => r.key);
    expect(left).toEqual(['prune:dead', 'prune:recent']);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE processed_at < now() - interval '7 days'`);
    expect(n).toBe(0);
  });

  it('the tombstone purge job forgets search removals older than a day and keeps recent ones', async () => {
    const engine = t.app.get<SearchIndex>(SEARCH_INDEX);
    await engine.delete(INDEX, ['gone-old', 'gone-new'], new Map([['gone-old', 3], ['gone-new', 3]]));
    await t.db.dataSource.query(`UPDATE search_document SET deleted_at = now() - interval '2 days' WHERE index_name = $1 AND doc_id = 'gone-old'`, [INDEX]);
    await t.jobs.enqueue(JobName.PurgeSearchTombstones, {});
    await t.drain();
    const left = await t.db.dataSource.query(`SELECT doc_id, version FROM search_document WHERE index_name = $1 AND deleted AND doc_id LIKE 'gone-%'`, [INDEX]);
    expect(left).toEqual([{ doc_id: 'gone-new', version: '3' }]);
  });
});
