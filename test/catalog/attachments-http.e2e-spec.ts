import { createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';
import { achievementBody } from './fixtures';

/** Over a real socket (not inject): a refused upload answers without waiting for the rest of the body, and the server stays healthy. */
describe('catalog: attachment uploads over HTTP (e2e)', () => {
  let t: TestApp;
  let uni: Session;
  let base: string;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp();
    uni = await signUpOrganisation(t.api, 'university', { name: '真实上传测试大学', region: 'BJ' });
    id = (await t.api.post('achievements', achievementBody(), { token: uni.accessToken })).body.id;
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
  });
  afterAll(async () => {
    await t.close();
  });

  const send = async (name: string, content: Buffer, type = 'application/pdf') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), name);
    const res = await fetch(`${base}/api/v1/achievements/${id}/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${uni.accessToken}` }, signal: AbortSignal.timeout(120_000) });
    return { status: res.status, body: (await res.json()) as any };
  };

  // Before 'connection: close' on refusals, the next request on the kept-alive socket hung behind the unread body.
  it('uploads, refuses by content and by size, and keeps serving on the same keep-alive client', async () => {
    const ok = await send('检测报告.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(ok.status).toBe(201);
    expect(ok.body.filename).toBe('检测报告.pdf');
    const html = await send('x.pdf', Buffer.from('<html></html>'));
    expect(html.status).toBe(400);
    const big = await send('big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)])).catch((err: Error) => ({ status: -1, body: { error: err.message } }));
    expect(big.status).toBe(413);
    const again = await send('again.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'));
    expect(again.status).toBe(201);
    const list = await fetch(`${base}/api/v1/achievements/${id}/attachments`, { headers: { authorization: `Bearer ${uni.accessToken}` }, signal: AbortSignal.timeout(120_000) });
    expect(((await list.json()) as any[]).map((a: any) => a.filename)).toEqual(['检测报告.pdf', 'again.pdf']);
  });
});
