import { addMember, createTestApp, randomCreditCode, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { createDemand, dateIn, demandBody } from './demand-helpers';

const SECRET = '绝密配方参数QX7';

describe('demands: visibility across detail, list, search and export (e2e)', () => {
  let t: TestApp;
  let owner: Session;
  let otherEnterprise: Session;
  let broker: Session;
  let admin: Session;
  const ids: Record<'public' | 'members' | 'brokers', string> = { public: '', members: '', brokers: '' };
  let draftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUpOrganisation(t.api, 'enterprise', { parkCode: 'sjz-hitech' });
    otherEnterprise = await signUpOrganisation(t.api, 'enterprise');
    const institution = await signUpOrganisation(t.api, 'transfer-institution');
    await verifyOrganisation(t.api, institution.organisation.id);
    broker = await addMember(t.api, institution, ['broker']);
    admin = await signInAdmin(t.api);
    for (const visibility of ['public', 'members', 'brokers'] as const) {
      const d = await createDemand(t.api, owner, {
        title: `焦化废水深度处理难题-${visibility}`,
        description: `焦化废水COD长期偏高，生化段出水不稳定。${SECRET}，需要高级氧化与膜处理组合工艺。`,
        keywords: ['焦化废水', visibility],
        industry: 'energy-saving-environmental',
        field: 'water-treatment',
        cooperationModes: ['joint-development'],
        budget: 1_000_000,
        visibility,
      });
      ids[visibility] = d.id;
    }
    draftId = (await createDemand(t.api, owner, { title: '尚未发布的草稿需求', visibility: 'public' }, false)).id;
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });

  const viewers = () =>
    [
      ['anonymous', undefined, { public: true, members: false, brokers: false }],
      ['member of another enterprise', otherEnterprise.accessToken, { public: true, members: true, brokers: false }],
      ['broker', broker.accessToken, { public: true, members: true, brokers: true }],
      ['the owner enterprise', owner.accessToken, { public: true, members: true, brokers: true }],
      ['platform staff', admin.accessToken, { public: true, members: true, brokers: true }],
    ] as Array<[string, string | undefined, Record<'public' | 'members' | 'brokers', boolean>]>;

  function expectView(item: any, readable: boolean): void {
    if (readable) {
      expect(item.redacted).toBe(false);
      expect(item.description).toContain(SECRET);
    } else {
      // Only title, industry, field and park (plus id, visibility and the flag) are shown; the secret never leaks.
      expect(item.redacted).toBe(true);
      expect(Object.keys(item).sort()).toEqual(['field', 'id', 'industry', 'park', 'redacted', 'title', 'visibility']);
      expect(JSON.stringify(item)).not.toContain(SECRET);
    }
  }

  it('detail: each viewer reads exactly what the visibility level allows', async () => {
    for (const [name, token, can] of viewers()) {
      for (const level of ['public', 'members', 'brokers'] as const) {
        const res = await t.api.get(`demands/${ids[level]}`, { token });
        expect({ name, level, status: res.status }).toEqual({ name, level, status: 200 });
        expectView(res.body, can[level]);
        expect(res.body.park).toBe('sjz-hitech');
        expect(res.body.field).toBe('water-treatment');
      }
    }
  });

  it('detail: contact details only for signed-in readers; drafts are 404 to everyone but the enterprise and staff', async () => {
    const anon = await t.api.get(`demands/${ids.public}`);
    expect(anon.body.contact).toBeNull();
    const member = await t.api.get(`demands/${ids.public}`, { token: otherEnterprise.accessToken });
    expect(member.body.contact).toEqual(expect.objectContaining({ name: '王工' }));
    expect((await t.api.get(`demands/${draftId}`)).status).toBe(404);
    expect((await t.api.get(`demands/${draftId}`, { token: otherEnterprise.accessToken })).status).toBe(404);
    expect((await t.api.get(`demands/${draftId}`, { token: owner.accessToken })).status).toBe(200);
    expect((await t.api.get(`demands/${draftId}`, { token: admin.accessToken })).status).toBe(200);
  });

  it('list: redacts per item, hides drafts of others, and supports the owner view', async () => {
    for (const [name, token, can] of viewers()) {
      const res = await t.api.get('demands', { token, query: { enterpriseId: owner.organisation.id } });
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      const byId = new Map(res.body.items.map((i: any) => [i.id, i]));
      for (const level of ['public', 'members', 'brokers'] as const) expectView(byId.get(ids[level]), can[level]);
      const seesDraft = token === owner.accessToken || token === admin.accessToken;
      expect({ name, draft: byId.has(draftId) }).toEqual({ name, draft: seesDraft });
      expect(res.body.total).toBe(seesDraft ? 4 : 3);
    }
    const mine = await t.api.get('demands', { token: owner.accessToken, query: { mine: true, status: 'draft' } });
    expect(mine.body.items.map((i: any) => i.id)).toEqual([draftId]);
  });

  it('list: filters on hidden attributes never select demands the viewer cannot read', async () => {
    const anon = await t.api.get('demands', { query: { enterpriseId: owner.organisation.id, cooperationMode: 'joint-development' } });
    expect(anon.body.items.map((i: any) => i.id)).toEqual([ids.public]);
    const brokerView = await t.api.get('demands', { token: broker.accessToken, query: { enterpriseId: owner.organisation.id, budgetMin: 500000 } });
    expect(brokerView.body.total).toBe(3);
  });

  it('search: readable demands match on every field, others only on their title and come back redacted', async () => {
    for (const [name, token, can] of viewers()) {
      const byTitle = await t.api.get('search/demands', { token, query: { q: '焦化废水' } });
      expect({ name, status: byTitle.status }).toEqual({ name, status: 200 });
      expect({ name, total: byTitle.body.total }).toEqual({ name, total: 3 });
      const byId = new Map(byTitle.body.items.map((i: any) => [i.id, i]));
      for (const level of ['public', 'members', 'brokers'] as const) expectView(byId.get(ids[level]), can[level]);

      // The secret is only in descriptions: a viewer must not learn which unreadable demands contain it.
      const bySecret = await t.api.get('search/demands', { token, query: { q: SECRET } });
      const found = new Set(bySecret.body.items.map((i: any) => i.id));
      for (const level of ['public', 'members', 'brokers'] as const) {
        expect({ name, level, found: found.has(ids[level]) }).toEqual({ name, level, found: can[level] });
      }
      for (const item of bySecret.body.items) expect(item.redacted).toBe(false);
    }
  });

  it('search: facets count only what the viewer may see in each facet', async () => {
    const anon = await t.api.get('search/demands', { query: { q: '焦化废水' } });
    expect(anon.body.facets.industry['energy-saving-environmental']).toBe(3);
    expect(anon.body.facets.park['sjz-hitech']).toBe(3);
    // Cooperation modes are hidden from redacted viewers: only the public demand counts.
    expect(anon.body.facets.cooperationMode['joint-development']).toBe(1);
    const filtered = await t.api.get('search/demands', { query: { q: '焦化废水', cooperationMode: 'joint-development' } });
    expect(filtered.body.items.map((i: any) => i.id)).toEqual([ids.public]);
    const brokerFacets = await t.api.get('search/demands', { token: broker.accessToken, query: { q: '焦化废水' } });
    expect(brokerFacets.body.facets.cooperationMode['joint-development']).toBe(3);
    const paged = await t.api.get('search/demands', { query: { q: '焦化废水', page: 2, pageSize: 2 } });
    expect(paged.body.total).toBe(3);
    expect(paged.body.items).toHaveLength(1);
  });

  it('export: CSV redacted per viewer exactly as the list', async () => {
    for (const [name, token, can] of viewers()) {
      const res = await t.api.get('demands/export', { token, query: { format: 'csv', enterpriseId: owner.organisation.id } });
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      expect(String(res.headers['content-type'])).toMatch(/text\/csv/);
      const lines = String(res.body).replace(/^\uFEFF/, '').trim().split(/\r\n/);
      expect(lines[0].split(',')).toEqual(expect.arrayContaining(['id', 'title', 'description', 'redacted']));
      for (const level of ['public', 'members', 'brokers'] as const) {
        const line = lines.find((l) => l.startsWith(ids[level]))!;
        expect({ name, level, secret: line.includes(SECRET) }).toEqual({ name, level, secret: can[level] });
      }
    }
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ minTrl: 0 }, 'minTrl'],
      [{ deadline: '2020-01-01' }, 'deadline'],
      [{ budget: -1 }, 'budget'],
      [{ enterprise: { creditCode: '91130100MA0000000A' } }, 'enterprise.creditCode'],
      [{ field: 'photovoltaics' }, 'field'],
      [{ cooperationModes: ['barter'] }, 'cooperationModes'],
    ];
    for (const [patch, field] of cases) {
      const res = await t.api.post('demands', demandBody(patch), { token: owner.accessToken });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // A valid code that is not the enterprise's own is refused too.
    const foreign = await t.api.post('demands', demandBody({ enterprise: { creditCode: randomCreditCode() } }), { token: owner.accessToken });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details[0].field).toBe('enterprise.creditCode');
    const university = await signUpOrganisation(t.api, 'university');
    expect((await t.api.post('demands', demandBody(), { token: university.accessToken })).status).toBe(403);
    expect((await t.api.post('demands', demandBody())).status).toBe(401);
  });

  it('lifecycle: illegal steps are 409 with the current state; other enterprises get 404', async () => {
    const d = await createDemand(t.api, owner, { deadline: dateIn(t.clock.now(), 30) }, false);
    const solve = await t.api.post(`demands/${d.id}/solve`, {}, { token: owner.accessToken });
    expect(solve.status).toBe(409);
    expect(solve.body.currentState).toBe('draft');
    expect((await t.api.post(`demands/${d.id}/publish`, {}, { token: otherEnterprise.accessToken })).status).toBe(404);
    expect((await t.api.post(`demands/${d.id}/publish`, {}, { token: owner.accessToken })).status).toBe(200);
    const again = await t.api.post(`demands/${d.id}/publish`, {}, { token: owner.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('published');
    const closed = await t.api.post(`demands/${d.id}/close`, { reason: '已自行解决' }, { token: owner.accessToken });
    expect(closed.body.status).toBe('closed');
    const edit = await t.api.patch(`demands/${d.id}`, { title: '改个标题' }, { token: owner.accessToken });
    expect(edit.status).toBe(409);
    expect(edit.body.currentState).toBe('closed');
    expect((await t.api.post(`demands/${d.id}/reopen`, {}, { token: owner.accessToken })).body.status).toBe('draft');
  });

  it('keeps the index in step: published demands are in it, closed ones leave it', async () => {
    const d = await createDemand(t.api, owner, { title: '锂电池极片涂布厚度不均匀', industry: 'new-energy-vehicles', field: 'power-batteries' });
    await t.deliver();
    expect((await t.api.get('search/demands', { query: { q: '极片涂布' } })).body.items.map((i: any) => i.id)).toEqual([d.id]);
    await t.api.post(`demands/${d.id}/close`, { reason: '需求取消' }, { token: owner.accessToken });
    await t.deliver();
    expect((await t.api.get('search/demands', { query: { q: '极片涂布' } })).body.total).toBe(0);
    const lookup = await t.api.get('demands', { query: { source: 'manual', status: 'closed', enterpriseId: owner.organisation.id } });
    expect(lookup.body.items.map((i: any) => i.id)).toContain(d.id);
  });
});
