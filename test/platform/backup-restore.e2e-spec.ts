import { BackupManifest, backup, restore, RestoreRefused, SearchRebuilder, tableFigures, verifyBackup } from '@techbridge/platform';
import { TEST_PG_SERVER, TestDatabase, withAdminClient } from '@techbridge/testing';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** An existing database (the restored one) in the shape the test harness takes. */
async function existingDatabase(name: string): Promise<TestDatabase> {
  const url = `${TEST_PG_SERVER}/${name}`;
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 2 } });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function figuresOf(url: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await tableFigures(c);
  } finally {
    await c.end();
  }
}

/**
 * A populated platform is backed up (pg_dump custom format, attachments, manifest with checksums), restored into a new
 * database and storage folder, served again: same rows and contents in every table, same attachment bytes, the search
 * index rebuilt from PostgreSQL answers the same query with the same achievements.
 */
describe('backup and restore: the round trip (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let work: string;
  let manifest: BackupManifest;
  let backupDir: string;
  const published: string[] = [];
  let attachmentId: string;
  // tb_test_<pid>_…: a jest run starting beside this one sees the owner alive and leaves the database alone.
  const restoredName = `tb_test_${process.pid}_restore_${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-backup-'));
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '备份测试大学' });
    for (const [title, field] of [['钙钛矿光伏组件封装技术', 'photovoltaics'], ['柔性光伏薄膜电池', 'photovoltaics'], ['质子交换膜电解水制氢', 'hydrogen']]) {
      const a = await t.api.post('achievements', achievementBody({ title, field, keywords: [title.slice(0, 4)] }), { token: uni.accessToken });
      await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken });
      expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken })).body.status).toBe('published');
      published.push(a.body.id);
    }
    const mp = multipartFile('file', '中试检测报告.pdf', 'application/pdf', PDF);
    const up = await t.api.post(`achievements/${published[0]}/attachments`, mp.body, { token: uni.accessToken, headers: mp.headers });
    expect(up.status).toBe(201);
    attachmentId = up.body.id;
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
    // Dropped by the restored app's close(); this covers a failure before it.
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`));
    await fs.rm(work, { recursive: true, force: true });
  });

  it('backs up the database and every attachment with a manifest of checksums', async () => {
    ({ dir: backupDir, manifest } = await backup({ databaseUrl: t.db.url, storageDir: t.config.STORAGE_DIR, outDir: work }));
    expect(manifest.database.bytes).toBeGreaterThan(0);
    expect(manifest.database.tables.achievement.rows).toBe(3);
    expect(manifest.database.tables.app_user.rows).toBeGreaterThanOrEqual(2);
    expect(manifest.lastMigration).toMatch(/\d{13}$/);
    expect(manifest.storage).toHaveLength(1);
    expect(manifest.storage[0].bytes).toBe(PDF.length);
    // The figures are those of the database as it stands (nothing written since).
    expect(await figuresOf(t.db.url)).toEqual(manifest.database.tables);
  });

  it('restores into a new database and storage folder: every table and attachment as backed up', async () => {
    const storage = path.join(work, 'restored-storage');
    const report = await restore({ from: backupDir, databaseUrl: `${TEST_PG_SERVER}/${restoredName}`, storageDir: storage });
    expect(report.tables).toBe(Object.keys(manifest.database.tables).length);
    expect(report.files).toBe(1);
    // Checked independently of restore()'s own comparison.
    expect(await figuresOf(`${TEST_PG_SERVER}/${restoredName}`)).toEqual(manifest.database.tables);
    // Into a database that has tables: refused, nothing touched.
    await expect(restore({ from: backupDir, databaseUrl: `${TEST_PG_SERVER}/${restoredName}`, storageDir: path.join(work, 'other') })).rejects.toThrow(RestoreRefused);
  });

  it('the restored platform serves: search rebuilt from PostgreSQL finds the same achievements, the attachment downloads byte for byte', async () => {
    const before = await t.api.get('search/achievements', { query: { q: '光伏' } });
    expect(before.status).toBe(200);
    const restored = await createTestApp({ database: await existingDatabase(restoredName), env: { STORAGE_DIR: path.join(work, 'restored-storage') } });
    try {
      const report = await restored.app.get(SearchRebuilder).rebuild('achievements');
      expect(report).toBeDefined();
      const after = await restored.api.get('search/achievements', { query: { q: '光伏' } });
      expect(after.status).toBe(200);
      const ids = (r: typeof before) => r.body.items.map((i: { id: string }) => i.id).sort();
      expect(ids(after)).toEqual(ids(before));
      expect(ids(after)).toEqual(expect.arrayContaining([published[0], published[1]]));
      // The same account signs in on the restored platform; the attachment is the same file.
      const again = await restored.api.post('auth/sign-in', { email: uni.user.email, password: 'Passw0rd-Strong' });
      expect(again.status).toBe(200);
      const file = await restored.api.get(`achievements/${published[0]}/attachments/${attachmentId}`, { token: again.body.accessToken });
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.raw, PDF)).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it('a damaged backup is refused before anything is restored', async () => {
    const file = path.join(backupDir, manifest.storage[0].path);
    await fs.appendFile(file, 'x');
    await expect(verifyBackup(backupDir)).rejects.toThrow(/damaged: storage\/.* \(checksum differs\)/);
  });
});
