import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { ImportService } from '@techbridge/catalog';
import { Actor, JobName, OrgType, QueueName, Role } from '@techbridge/platform';
import { AchievementImportKind } from '../../libs/catalog/src/import/achievement-import.kind';
import { createTestApp, Session, signInAdmin, TestApp } from '../support/test-app';
import { multipartFile } from './multipart';

const line = (externalId: string) =>
  JSON.stringify({
    externalId, source: 'crash-test', title: `固体氧化物燃料电池电堆技术${externalId}`, summary: '平板式固体氧化物燃料电池电堆，功率5kW，发电效率大于55%，可用于分布式热电联供。',
    keywords: ['燃料电池'], industry: 'new-energy', field: 'hydrogen', trl: 6, owner: { name: '崩溃测试大学', type: 'university', region: 'BJ' },
  });

/** Imports under crashes: the row exists before the file does, an upload cut short is failed with a reason, binary files fail saying why. */
describe('catalog: imports that crash or cannot be read (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let actor: Actor;
  let imports: ImportService;

  const row = async (id: string) => (await t.db.dataSource.query(`SELECT status, failure_reason, file_key FROM import_job WHERE id = $1`, [id]))[0];
  const stored = (key: string) => path.join(t.config.STORAGE_DIR, key);
  /** The upload's row and its partial file, once the service has got that far with the bytes written so far. */
  async function receiving(filename: string): Promise<{ id: string; partial: string }> {
    for (let i = 0; i < 2000; i++) {
      const [r] = await t.db.dataSource.query(`SELECT id, file_key FROM import_job WHERE filename = $1`, [filename]);
      if (r && (await fs.stat(`${stored(r.file_key)}.part`).catch(() => null))?.size) return { id: r.id, partial: `${stored(r.file_key)}.part` };
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`no upload under way for ${filename}`);
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    actor = { userId: admin.user.id, orgId: admin.organisation.id, orgType: OrgType.Platform, roles: [Role.PlatformAdmin] };
    imports = t.app.get(ImportService);
  });
  afterAll(async () => {
    await t.close();
  });

  it('an upload the api never finishes receiving (it died) has its row from the start; the sweep fails it and removes the partial file', async () => {
    const body = new PassThrough();
    const started = imports.start(actor, 'achievements', { stream: body, format: 'ndjson', filename: 'half.jsonl' }, { publish: true });
    body.write(`${line('half-1')}\n`);
    // The row is there while bytes arrive, as is the partial file.
    const { id, partial } = await receiving('half.jsonl');
    expect(await row(id)).toMatchObject({ status: 'uploading', failure_reason: null });

    // Nothing more arrives (the receiving process is gone): once silent long enough, the sweep ends it.
    const sweepNow = async () => {
      await t.jobs.enqueue(JobName.SweepAbandonedUploads, {}, { jobId: `sweep-${Date.now()}` });
      await t.drain();
    };
    await sweepNow();
    expect((await row(id)).status).toBe('uploading'); // not silent long enough yet
    const longAgo = new Date(Date.now() - 6 * 60_000);
    await t.db.dataSource.query(`UPDATE import_job SET updated_at = $2 WHERE id = $1`, [id, longAgo]);
    await fs.utimes(partial, longAgo, longAgo);
    await sweepNow();
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toMatch(/Upload interrupted/);
    await expect(fs.access(partial)).rejects.toThrow();
    const seen = await t.api.get(`imports/${id}`, { token: admin.accessToken });
    expect(seen.body).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('上传中断') });

    // Should the lost upload still complete after all, it is refused rather than imported behind the failed row.
    body.end(`${line('half-2')}\n`);
    await expect(started).rejects.toMatchObject({ code: 'UPLOAD_ABANDONED' });
    expect((await row(id)).status).toBe('failed');
    await expect(fs.access(stored(failed.file_key))).rejects.toThrow();
  });

  it('a run killed mid-file resumes after its last committed batch: nothing counted twice, no batch stored twice', async () => {
    const kind = t.app.get(AchievementImportKind);
    const upsert = kind.upsertBatch.bind(kind);
    const batches: number[] = [];
    let killed = false;
    // The run dies as its second batch is about to be stored (the first one committed with the progress).
    const spy = jest.spyOn(kind, 'upsertBatch').mockImplementation(async (m, items, ctx) => {
      if (batches.length === 1 && !killed) {
        killed = true;
        throw new Error('worker killed');
      }
      batches.push(items[0].line);
      return upsert(m, items, ctx);
    });
    try {
      const lines = Array.from({ length: 1200 }, (_, i) => (i === 9 || i === 899 ? '{"externalId": "broken"' : line(`resume-${i}`)));
      const res = await t.api.post('imports/achievements', lines.join('\n') + '\n', { token: admin.accessToken, headers: { 'content-type': 'application/x-ndjson' } });
      expect(res.status).toBe(202);
      await t.drain();
      const job = (await t.api.get(`imports/${res.body.id}`, { token: admin.accessToken })).body;
      expect(killed).toBe(true);
      expect(job).toMatchObject({ status: 'done', total: 1200, processed: 1200, created: 1198, updated: 0, failed: 2 });
      expect(job.errors.map((e: { line: number }) => e.line)).toEqual([10, 900]);
      // Batches of 500 by first line (lines 10 and 900 are broken): 1–501 once, then the resumed run from 502 on; never the first again.
      expect(batches).toEqual([1, 502, 1003]);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM achievement WHERE external_id LIKE 'resume-%'`);
      expect(n).toBe(1198);
    } finally {
      spy.mockRestore();
    }
  });

  it('an upload the client breaks off is failed at once with the reason', async () => {
    const body = new PassThrough();
    const started = imports.start(actor, 'achievements', { stream: body, format: 'ndjson', filename: 'broken.jsonl' });
    body.write(`${line('broken-1')}\n`);
    await receiving('broken.jsonl');
    body.destroy(new Error('client closed the connection'));
    await expect(started).rejects.toThrow('client closed the connection');
    const [r] = await t.db.dataSource.query(`SELECT status, failure_reason FROM import_job WHERE filename = 'broken.jsonl'`);
    expect(r.status).toBe('failed');
    expect(r.failure_reason).toContain('client closed the connection');
  });

  it.each([
    ['binary.jsonl', 'application/x-ndjson', randomBytes(20_000), /binary data \(a NUL byte\) at byte \d+/],
    ['binary.csv', 'text/csv', Buffer.concat([Buffer.from('externalId,title\n'), randomBytes(20_000)]), /not (UTF-8 )?text/],
    ['gbk.csv', 'text/csv', Buffer.from('c0a8d2bbb8f6b3c9b9fb2cb2e2cad40a', 'hex'), /not UTF-8 text/],
    ['binary.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', randomBytes(20_000), /not a readable XLSX workbook \(.+\)/],
  ])('an import of %s ends failed after one attempt, with a reason that says why', async (name, type, content, reason) => {
    const up = multipartFile('file', name, type, content);
    const res = await t.api.post('imports/achievements', up.body, { token: admin.accessToken, headers: up.headers });
    expect(res.status).toBe(202);
    await t.drain();
    const job = (await t.api.get(`imports/${res.body.id}`, { token: admin.accessToken })).body;
    expect(job).toMatchObject({ status: 'failed', created: 0 });
    expect(job.failureReason).toMatch(reason);
    // No retry can mend an unreadable file: one attempt, not three.
    const attempt = await t.jobs.queue(QueueName.Imports).getJob(`import_${res.body.id}`);
    expect(attempt!.attemptsMade).toBe(1);
  });
});
