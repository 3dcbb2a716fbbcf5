import { multipartFile } from '../catalog/multipart';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('policies and news (content): administrators publish, everyone reads and searches', () => {
  let t: TestApp;
  let admin: Session;
  let enterprise: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    enterprise = await signUpOrganisation(t.api, 'enterprise');
  });
  afterAll(() => t?.close());

  const policyBody = {
    kind: 'policy',
    title: '京南示范区促进科技成果转化若干措施',
    source: '京南示范区管委会 京南管〔2026〕12号',
    bodyHtml: '<h2>第一条 技术合同奖补</h2><p>对登记的<strong>技术合同</strong>按成交额给予奖补。<script>alert(1)</script></p><p onclick="x()">中试熟化平台建设给予支持。</p>',
  };

  it('a draft is the administrators’ alone; published it is public, searchable and listed by kind; archived it stays, marked repealed (已废止) with the date', async () => {
    // Only platform administrators write.
    expect((await t.api.post('content', policyBody, { token: enterprise.accessToken })).status).toBe(403);
    const created = await t.api.post('content', policyBody, { token: admin.accessToken });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', kind: 'policy', publishedAt: null, allowedActions: ['publish'] });
    // Sanitised on the way in; the summary defaults to the words of the body.
    expect(created.body.bodyHtml).toContain('<h2>第一条 技术合同奖补</h2>');
    expect(created.body.bodyHtml).not.toMatch(/script|onclick/);
    expect(created.body.summary).toContain('对登记的技术合同按成交额给予奖补');

    // A draft is invisible to everyone else (404, not 403) and absent from the public list.
    expect((await t.api.get(`content/${id}`)).status).toBe(404);
    expect((await t.api.get(`content/${id}`, { token: enterprise.accessToken })).status).toBe(404);
    expect((await t.api.get('content', { query: { kind: 'policy' } })).body.items.map((a: { id: string }) => a.id)).not.toContain(id);

    const attached = multipartFile('file', '若干措施（全文）.pdf', 'application/octet-stream', PDF);
    const file = await t.api.post(`content/${id}/attachments`, attached.body, { token: admin.accessToken, headers: attached.headers });
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ filename: '若干措施（全文）.pdf', contentType: 'application/pdf', size: PDF.length });
    const notPdf = multipartFile('file', 'x.pdf', 'application/pdf', Buffer.from('<html>'));
    const refused = await t.api.post(`content/${id}/attachments`, notPdf.body, { token: admin.accessToken, headers: notPdf.headers });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].field).toBe('file');

    const published = await t.api.post(`content/${id}/transitions`, { action: 'publish' }, { token: admin.accessToken });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', allowedActions: ['archive'] });
    expect(published.body.publishedAt).not.toBeNull();
    // Publishing twice is an illegal step, with the current state.
    const again = await t.api.post(`content/${id}/transitions`, { action: 'publish' }, { token: admin.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('published');
    await t.drain();

    const read = await t.api.get(`content/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ title: policyBody.title, allowedActions: [], attachments: [{ filename: '若干措施（全文）.pdf' }] });
    const download = await t.api.get(`content/${id}/attachments/${file.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.raw.equals(PDF)).toBe(true);

    // Search by words of the body (not only the title), with the kind filter.
    const found = await t.api.get('content', { query: { q: '中试熟化' } });
    expect(found.status).toBe(200);
    expect(found.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await t.api.get('content', { query: { q: '中试熟化', kind: 'announcement' } })).body.items).toHaveLength(0);
    expect((await t.api.get('content', { query: { kind: 'policy' } })).body.items[0].id).toBe(id);

    // An interpretation (线上解读) names its policy, which lists it.
    const notPolicy = await t.api.post('content', { kind: 'interpretation', title: '解读', bodyHtml: '<p>x</p>', policyId: enterprise.organisation.id }, { token: admin.accessToken });
    expect(notPolicy.status).toBe(400);
    expect(notPolicy.body.details[0].field).toBe('policyId');
    const interpretation = await t.api.post('content', { kind: 'interpretation', title: '一图读懂：技术合同奖补怎么申请', bodyHtml: '<p>登记后自动计算奖补。</p>', policyId: id }, { token: admin.accessToken });
    expect(interpretation.status).toBe(201);
    await t.api.post(`content/${interpretation.body.id}/transitions`, { action: 'publish' }, { token: admin.accessToken });
    expect((await t.api.get(`content/${id}`)).body.interpretations.map((a: { id: string }) => a.id)).toEqual([interpretation.body.id]);

    // Edited while published: the index follows.
    expect((await t.api.patch(`content/${id}`, { bodyHtml: '<p>新增概念验证中心补助。</p>' }, { token: admin.accessToken })).status).toBe(200);
    await t.drain();
    expect((await t.api.get('content', { query: { q: '概念验证' } })).body.items.map((a: { id: string }) => a.id)).toContain(id);

    const archived = await t.api.post(`content/${id}/transitions`, { action: 'archive' }, { token: admin.accessToken });
    expect(archived.body.status).toBe('archived');
    expect((await t.api.patch(`content/${id}`, { title: '改标题' }, { token: admin.accessToken })).status).toBe(409);
    expect(archived.body.repealedAt).toBe(t.clock.now().toISOString());
    await t.drain();
    // A repealed policy stays readable, listed and searchable, marked with the date it was repealed.
    const repealed = await t.api.get(`content/${id}`);
    expect(repealed.status).toBe(200);
    expect(repealed.body).toMatchObject({ status: 'archived', repealedAt: archived.body.repealedAt });
    const listedRepealed = (await t.api.get('content', { query: { kind: 'policy' } })).body.items.find((a: { id: string }) => a.id === id);
    expect(listedRepealed).toMatchObject({ status: 'archived', repealedAt: archived.body.repealedAt });
    expect((await t.api.get('content', { query: { q: '概念验证' } })).body.items).toEqual([expect.objectContaining({ id, repealedAt: archived.body.repealedAt })]);
    // Restored to a draft it leaves the site again, and is no longer marked.
    const restored = await t.api.post(`content/${id}/transitions`, { action: 'restore' }, { token: admin.accessToken });
    expect(restored.body).toMatchObject({ status: 'draft', repealedAt: null });
    await t.drain();
    expect((await t.api.get(`content/${id}`)).status).toBe(404);
    expect((await t.api.get('content', { query: { q: '概念验证' } })).body.items).toHaveLength(0);
    await t.api.post(`content/${id}/transitions`, { action: 'publish' }, { token: admin.accessToken });
    await t.api.post(`content/${id}/transitions`, { action: 'archive' }, { token: admin.accessToken });
    expect((await t.api.get('content/manage', { token: admin.accessToken, query: { status: 'archived' } })).body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await t.api.get('content/manage', { token: enterprise.accessToken })).status).toBe(403);

    // Every step is in the audit log with its label.
    const audit = await t.api.get('audit-log', { token: admin.accessToken, query: { entityId: id } });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['content.create', 'content.publish', 'content.archive', 'content.attachment.add']));
  });

  it('an archived announcement leaves the site: only policy texts stay marked repealed', async () => {
    const created = await t.api.post('content', { kind: 'announcement', title: '关于举办成果路演的通知', bodyHtml: '<p>欢迎报名参加秋季路演。</p>' }, { token: admin.accessToken });
    const id = created.body.id as string;
    await t.api.post(`content/${id}/transitions`, { action: 'publish' }, { token: admin.accessToken });
    await t.drain();
    expect((await t.api.get('content', { query: { q: '秋季路演' } })).body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    const archived = await t.api.post(`content/${id}/transitions`, { action: 'archive' }, { token: admin.accessToken });
    expect(archived.body).toMatchObject({ status: 'archived', repealedAt: null });
    await t.drain();
    expect((await t.api.get(`content/${id}`)).status).toBe(404);
    expect((await t.api.get('content', { query: { kind: 'announcement' } })).body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await t.api.get('content', { query: { q: '秋季路演' } })).body.items).toHaveLength(0);
  });

  it('refuses bad input field by field', async () => {
    const res = await t.api.post('content', { kind: 'rumour', title: 'x', bodyHtml: '' }, { token: admin.accessToken });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'title', 'bodyHtml']));
    expect((await t.api.get('content', { query: { kind: 'rumour' } })).status).toBe(400);
  });
});
