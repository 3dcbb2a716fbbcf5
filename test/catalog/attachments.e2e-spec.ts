import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createTestApp, Session, signInAdmin, signUpOrganisation, addMember, TestApp } from '../support/test-app';
import { achievementBody } from './fixtures';
import { multipartFile } from './multipart';

/** Small but real-looking files: the server only trusts their first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000a49444154789c6300010000050001', 'hex'),
  Buffer.from('0000000049454e44ae426082', 'hex'),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 7), Buffer.from([0xff, 0xd9])]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(28, 1)]);
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else out.push(path.join(d, e.name));
    }
  };
  await walk(dir);
  return out;
}

describe('catalog: achievement attachments (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let colleague: Session;
  let otherUni: Session;
  let draftId: string;

  const upload = (id: string, s: Session | null, name: string, type: string, content: Buffer, field = 'file') => {
    const mp = multipartFile(field, name, type, content);
    return t.api.post(`achievements/${id}/attachments`, mp.body, { token: s?.accessToken, headers: mp.headers });
  };
  const storageDir = (id: string) => path.join(t.config.STORAGE_DIR, 'achievements', id);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '附件测试大学', region: 'BJ' });
    colleague = await addMember(t.api, uni, ['member']);
    otherUni = await signUpOrganisation(t.api, 'university', { name: '别家测试大学', region: 'TJ' });
    const created = await t.api.post('achievements', achievementBody(), { token: uni.accessToken });
    expect(created.status).toBe(201);
    draftId = created.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the owner organisation uploads PDF and images; the type comes from the content, the name is kept in UTF-8; each write is audited', async () => {
    const pdf = await upload(draftId, uni, '中试检测报告（终版）.pdf', 'application/pdf', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ achievementId: draftId, filename: '中试检测报告（终版）.pdf', contentType: 'application/pdf', size: PDF.length, uploadedBy: uni.user.id });
    expect(pdf.body.downloadUrl).toBe(`/api/v1/achievements/${draftId}/attachments/${pdf.body.id}`);

    // A colleague of the owner may upload too; the client's label is ignored in favour of the magic bytes.
    const png = await upload(draftId, colleague, 'photo.pdf', 'application/pdf', PNG);
    expect(png.status).toBe(201);
    expect(png.body.contentType).toBe('image/png');
    expect((await upload(draftId, uni, 'x.bin', 'application/octet-stream', JPEG)).body.contentType).toBe('image/jpeg');
    expect((await upload(draftId, uni, 'y', 'image/png', WEBP)).body.contentType).toBe('image/webp');

    const list = await t.api.get(`achievements/${draftId}/attachments`, { token: uni.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.map((a: any) => a.contentType)).toEqual(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']);

    const audit = await t.db.dataSource.query(`SELECT action, changes FROM audit_entry WHERE entity_type = 'achievement' AND entity_id = $1 AND action = 'achievement.attachment.add'`, [draftId]);
    expect(audit).toHaveLength(4);
    expect(audit.map((r: any) => r.changes.attachmentId)).toContain(pdf.body.id);
    expect(await filesUnder(storageDir(draftId))).toHaveLength(4);
  });

  it('downloads stream the bytes with the content type and an RFC 6266 UTF-8 file name', async () => {
    const list = await t.api.get(`achievements/${draftId}/attachments`, { token: uni.accessToken });
    const pdf = list.body.find((a: any) => a.contentType === 'application/pdf');
    const res = await t.api.get(`achievements/${draftId}/attachments/${pdf.id}`, { token: uni.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(Number(res.headers['content-length'])).toBe(PDF.length);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('中试检测报告（终版）.pdf')}`);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"/);
    expect(Buffer.compare(res.raw, PDF)).toBe(0);
  });

  it('refuses other kinds of file by content (400 on field `file`), and stores nothing', async () => {
    const before = (await filesUnder(storageDir(draftId))).length;
    for (const [name, type, content] of [
      ['report.pdf', 'application/pdf', HTML],
      ['pic.png', 'image/png', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
      ['empty.pdf', 'application/pdf', Buffer.alloc(0)],
    ] as Array<[string, string, Buffer]>) {
      const res = await upload(draftId, uni, name, type, content);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'UNSUPPORTED_FILE' })]);
    }
    // Not multipart, or the part under another name.
    const json = await t.api.post(`achievements/${draftId}/attachments`, { file: 'x' }, { token: uni.accessToken });
    expect(json.status).toBe(400);
    expect(json.body.details[0].field).toBe('file');
    expect((await upload(draftId, uni, 'a.pdf', 'application/pdf', PDF, 'document')).status).toBe(400);
    expect((await filesUnder(storageDir(draftId))).length).toBe(before);
  });

  it('a file over 20 MB is 413, with no row and no partial file left', async () => {
    const rowsBefore = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM achievement_attachment WHERE achievement_id = $1`, [draftId]);
    const filesBefore = await filesUnder(storageDir(draftId));
    const big = Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    const res = await upload(draftId, uni, 'huge.pdf', 'application/pdf', big);
    expect(res.status).toBe(413);
    expect(res.body.details).toBeDefined();
    const rowsAfter = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM achievement_attachment WHERE achievement_id = $1`, [draftId]);
    expect(rowsAfter[0].n).toBe(rowsBefore[0].n);
    expect((await filesUnder(storageDir(draftId))).sort()).toEqual(filesBefore.sort());
    // Exactly 20 MB is allowed.
    const edge = await upload(draftId, uni, 'edge.pdf', 'application/pdf', Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(20 * 1024 * 1024 - 9, 0x20)]));
    expect(edge.status).toBe(201);
    expect(edge.body.size).toBe(20 * 1024 * 1024);
    expect((await t.api.delete(`achievements/${draftId}/attachments/${edge.body.id}`, { token: uni.accessToken })).status).toBe(204);
  });

  it('visibility follows the achievement: draft → owner and platform staff only; submitted → reviewers; published → everyone', async () => {
    const list = await t.api.get(`achievements/${draftId}/attachments`, { token: uni.accessToken });
    const pdfId = list.body[0].id;
    const paths = [`achievements/${draftId}/attachments`, `achievements/${draftId}/attachments/${pdfId}`];

    for (const p of paths) {
      expect((await t.api.get(p)).status).toBe(404);
      expect((await t.api.get(p, { token: otherUni.accessToken })).status).toBe(404);
      expect((await t.api.get(p, { token: admin.accessToken })).status).toBe(200);
    }
    // Others may not upload or delete (404, not 403: they cannot see it).
    expect((await upload(draftId, otherUni, 'a.pdf', 'application/pdf', PDF)).status).toBe(404);
    expect((await t.api.delete(`achievements/${draftId}/attachments/${pdfId}`, { token: otherUni.accessToken })).status).toBe(404);
    expect((await upload(draftId, null, 'a.pdf', 'application/pdf', PDF)).status).toBe(401);

    expect((await t.api.post(`achievements/${draftId}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    // Under review the content is frozen: no new files (409 with the state), but reviewers read them.
    const frozen = await upload(draftId, uni, 'late.pdf', 'application/pdf', PDF);
    expect(frozen.status).toBe(409);
    expect(frozen.body.currentState).toBe('submitted');
    expect((await t.api.delete(`achievements/${draftId}/attachments/${pdfId}`, { token: uni.accessToken })).status).toBe(409);
    expect((await t.api.get(paths[1], { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.get(paths[0], { token: otherUni.accessToken })).status).toBe(404);

    expect((await t.api.post(`achievements/${draftId}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    const anon = await t.api.get(paths[0]);
    expect(anon.status).toBe(200);
    expect(anon.body).toHaveLength(4);
    const dl = await t.api.get(paths[1], { token: otherUni.accessToken });
    expect(dl.status).toBe(200);
    expect(Buffer.compare(dl.raw, PDF)).toBe(0);
    expect((await t.api.get(`achievements/${draftId}/attachments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('the owner deletes an attachment: row, file and an audit entry; others cannot', async () => {
    const list = await t.api.get(`achievements/${draftId}/attachments`);
    const png = list.body.find((a: any) => a.contentType === 'image/png');
    const filesBefore = await filesUnder(storageDir(draftId));

    expect((await t.api.delete(`achievements/${draftId}/attachments/${png.id}`, { token: otherUni.accessToken })).status).toBe(404);
    const del = await t.api.delete(`achievements/${draftId}/attachments/${png.id}`, { token: uni.accessToken });
    expect(del.status).toBe(204);
    expect((await t.api.get(`achievements/${draftId}/attachments/${png.id}`)).status).toBe(404);
    expect((await t.api.delete(`achievements/${draftId}/attachments/${png.id}`, { token: uni.accessToken })).status).toBe(404);
    expect((await t.api.get(`achievements/${draftId}/attachments`)).body).toHaveLength(3);
    expect(await filesUnder(storageDir(draftId))).toHaveLength(filesBefore.length - 1);
    const audit = await t.db.dataSource.query(`SELECT actor_user_id, changes FROM audit_entry WHERE entity_id = $1 AND action = 'achievement.attachment.remove' AND changes->>'attachmentId' = $2`, [draftId, png.id]);
    expect(audit).toEqual([{ actor_user_id: uni.user.id, changes: { attachmentId: png.id, filename: 'photo.pdf' } }]);
  });
});
