import { SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { createDemand } from '../demand/demand-helpers';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/** Matching both ways through the index, its hard constraints and reasons, the worker on publish, the broker pipeline, the thesaurus. */
describe('matching (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session; // Beijing university, owner of the achievements
  let ent: Session; // enterprise in a Hebei park
  let ent2: Session; // another enterprise, with a brokers-only demand
  let outsider: Session; // an enterprise concerned by nothing here
  let brokerOrg: Session;
  let broker: Session;
  let broker2: Session;
  const ids: Record<string, string> = {};

  async function publishAchievement(overrides: Record<string, unknown>): Promise<string> {
    const a = await t.api.post('achievements', achievementBody(overrides), { token: uni.accessToken });
    expect(a.status).toBe(201);
    expect((await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    return a.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ', name: '北京某工业大学' });
    ent = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', parkCode: 'renqiu-edz' });
    ent2 = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
    outsider = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
    brokerOrg = await signUpOrganisation(t.api, 'transfer-institution', { region: 'HE' });
    await verifyOrganisation(t.api, brokerOrg.organisation.id);
    broker = await addMember(t.api, brokerOrg, ['broker']);
    broker2 = await addMember(t.api, brokerOrg, ['broker']);

    // Techniques in the universities' words; none says 超标 or 烧结机头.
    ids.fit = await publishAchievement({
      title: '活性焦一体化脱硫脱硝技术', summary: '采用活性焦移动床吸附，在同一塔内协同脱除二氧化硫、氮氧化物和二噁英，适用于钢铁烧结烟气，出口浓度满足超低排放。',
      keywords: ['活性焦', '脱硫脱硝', '烧结烟气'], industry: 'energy-saving-environmental', field: 'air-pollution', trl: 8, askingPrice: 2_000_000, transferModes: ['license'],
    });
    ids.tooEarly = await publishAchievement({
      title: '锰铈复合低温脱硝催化剂', summary: '锰铈复合氧化物催化剂在120℃即可实现氨选择性催化还原脱硝，目前完成实验室活性评价。',
      keywords: ['低温SCR', '脱硝催化剂'], industry: 'energy-saving-environmental', field: 'air-pollution', trl: 4, trlEvidence: null, trlAssessedBy: 'self',
    });
    ids.withdrawn = await publishAchievement({
      title: '烧结烟气中低温SCR脱硝催化剂', summary: '钒钨钛基中低温选择性催化还原脱硝催化剂，180-280℃活性窗口，脱硝效率大于85%。',
      keywords: ['SCR', '脱硝'], industry: 'energy-saving-environmental', field: 'air-pollution', trl: 7,
    });
    expect((await t.api.post(`achievements/${ids.withdrawn}/withdraw`, {}, { token: uni.accessToken })).status).toBe(200);
    const draft = await t.api.post('achievements', achievementBody({
      title: 'SNCR-SCR联合脱硝工艺', summary: '炉内选择性非催化还原与尾部催化还原耦合脱硝，适用于工业窑炉烟气。', keywords: ['SNCR', '脱硝'],
      industry: 'energy-saving-environmental', field: 'air-pollution', trl: 8,
    }), { token: uni.accessToken });
    ids.draft = draft.body.id;
    ids.unrelated = await publishAchievement({
      title: '奶牛隐性乳房炎快速诊断试剂盒', summary: '基于体细胞计数原理的牛奶快速检测试剂，现场10分钟判定隐性乳房炎。', keywords: ['乳房炎'],
      industry: 'modern-agriculture', field: 'animal-husbandry', trl: 8,
    });

    const d = await createDemand(t.api, ent, {
      title: '烧结机头烟气氮氧化物经常超标', description: '我公司两台烧结机，机头烟气氮氧化物经常超标，环保检查压力大。现有设施只能脱硫，想找稳定达标的办法。',
      keywords: ['烧结机', '环保'], minTrl: 6, budget: 3_000_000, cooperationModes: ['license'], park: 'renqiu-edz', visibility: 'public',
    });
    ids.demand = d.id;
    const hidden = await createDemand(t.api, ent2, {
      title: '烧结烟气氮氧化物超标治理', description: '机密：二号烧结机改造计划，氮氧化物经常超标，预算已批。', keywords: ['烧结烟气'], minTrl: null, park: 'hengshui-hitech',
      visibility: 'brokers', budget: null,
    });
    ids.hiddenDemand = hidden.id;
    await t.drain();
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('finds the technique for a symptom, never below minTrl, never unpublished or withdrawn, with reasons that add up to the score', async () => {
    const res = await t.api.get(`demands/${ids.demand}/matches`, { token: ent.accessToken, query: { limit: 10 } });
    expect(res.status).toBe(200);
    const got = res.body.items.map((i: any) => i.achievement.id);
    expect(got[0]).toBe(ids.fit);
    for (const excluded of [ids.tooEarly, ids.withdrawn, ids.draft, ids.unrelated]) expect(got).not.toContain(excluded);
    for (const item of res.body.items) {
      expect(item.achievement.status).toBe('published');
      expect(item.achievement.trl).toBeGreaterThanOrEqual(6);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
      const codes = item.reasons.map((r: any) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(item.score).toBe(Math.max(0, Math.min(100, Math.round([...item.reasons, ...item.concerns].reduce((s: number, r: any) => s + r.points, 0)))));
      for (const r of [...item.reasons, ...item.concerns]) expect(r).toEqual({ code: expect.any(String), zh: expect.any(String), en: expect.any(String), points: expect.any(Number) });
      // Concerns never inside the reasons: reasons add points, concerns take them off (or weigh nothing yet).
      for (const r of item.reasons) expect(r.points).toBeGreaterThan(0);
      for (const c of item.concerns) expect(c.points).toBeLessThanOrEqual(0);
      expect(item.reasons.map((r: any) => r.code)).not.toEqual(expect.arrayContaining(['price-above-budget']));
      // Version 2: the weights fitted on the development set's tuning part, shipped with the code and activated at start.
      expect(item.computedWith).toEqual({ weightsVersion: 2, thesaurusVersion: expect.any(String) });
    }
    const top = res.body.items[0];
    const byCode = Object.fromEntries(top.reasons.map((r: any) => [r.code, r]));
    expect(byCode['trl-meets-required'].en).toBe('TRL 8 exceeds the required 6');
    expect(byCode['same-field'].zh).toContain('大气污染治理');
    expect(byCode['region-flow'].en).toContain('Beijing achievement into the Hebei park');
    expect(byCode['price-within-budget']).toBeDefined();
    // The demand says 氮氧化物 (no thesaurus phrase maps its wording any more); the reason names the shared words.
    expect(byCode['text-relevance'].zh).toContain('氮氧化物');
    expect(top.achievement.contact).toBeNull();
  });

  it('the achievement side returns only demands the viewer may read, and 404s a demand the viewer may not read', async () => {
    const asUni = await t.api.get(`achievements/${ids.fit}/matches`, { token: uni.accessToken });
    expect(asUni.status).toBe(200);
    const uniIds = asUni.body.items.map((i: any) => i.demand.id);
    expect(uniIds).toContain(ids.demand);
    expect(uniIds).not.toContain(ids.hiddenDemand);
    expect(JSON.stringify(asUni.body)).not.toContain('机密');

    const asBroker = await t.api.get(`achievements/${ids.fit}/matches`, { token: broker.accessToken });
    const hidden = asBroker.body.items.find((i: any) => i.demand.id === ids.hiddenDemand);
    expect(hidden.demand.description).toContain('机密');

    const anonymous = await t.api.get(`achievements/${ids.fit}/matches`);
    expect(anonymous.body.items.map((i: any) => i.demand.id)).not.toContain(ids.hiddenDemand);

    expect((await t.api.get(`demands/${ids.hiddenDemand}/matches`, { token: uni.accessToken })).status).toBe(404);
    expect((await t.api.get(`demands/${ids.hiddenDemand}/matches`, { token: broker.accessToken })).status).toBe(200);
    // A demand's minTrl also binds the achievement direction.
    const early = await t.api.get(`achievements/${ids.tooEarly}/matches`, { token: broker.accessToken });
    expect(early.body.items.map((i: any) => i.demand.id)).not.toContain(ids.demand);
    expect((await t.api.get(`achievements/${ids.withdrawn}/matches`, { token: ent.accessToken })).status).toBe(404);
  });

  it('the worker stores the top matches on publish, idempotently, and notifies both parties', async () => {
    const stored = await t.db.dataSource.query(`SELECT demand_id, achievement_id, status FROM match WHERE demand_id = $1`, [ids.demand]);
    expect(stored.map((r: any) => r.achievement_id)).toContain(ids.fit);
    expect(stored.map((r: any) => r.achievement_id)).not.toContain(ids.tooEarly);

    const entNotes = await t.api.get('notifications', { token: ent.accessToken });
    expect(entNotes.body.items.some((n: any) => n.kind === 'match.suggested' && n.link?.startsWith('/matches/'))).toBe(true);
    const uniNotes = await t.api.get('notifications', { token: uni.accessToken });
    const forUni = uniNotes.body.items.filter((n: any) => n.kind === 'match.suggested');
    expect(forUni.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(forUni)).not.toContain('机密');

    // Re-running the job changes nothing: unique (demand, achievement), dedupe keys on notifications.
    const before = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'match.suggested'`))[0].n;
    await t.jobs.enqueue('matching.compute-demand-matches' as any, { demandId: ids.demand });
    await t.drain();
    const after = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'match.suggested'`))[0].n;
    expect(after).toBe(before);
    expect((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM match WHERE demand_id = $1`, [ids.demand]))[0].n).toBe(stored.length);
  });

  it('the achievement job stores the demands it solves (all visibilities: parties see them redacted) and skips an unpublished one', async () => {
    await t.jobs.enqueue('matching.compute-achievement-matches' as any, { achievementId: ids.fit });
    await t.jobs.enqueue('matching.compute-achievement-matches' as any, { achievementId: ids.withdrawn });
    await t.drain();
    const rows = await t.db.dataSource.query(`SELECT demand_id, achievement_id FROM match WHERE achievement_id = ANY($1::uuid[])`, [[ids.fit, ids.withdrawn]]);
    const forFit = rows.filter((r: any) => r.achievement_id === ids.fit).map((r: any) => r.demand_id);
    expect(forFit).toEqual(expect.arrayContaining([ids.demand, ids.hiddenDemand]));
    expect(rows.some((r: any) => r.achievement_id === ids.withdrawn)).toBe(false);
    const ent2Notes = await t.api.get('notifications', { token: ent2.accessToken });
    expect(ent2Notes.body.items.some((n: any) => n.kind === 'match.suggested')).toBe(true);
  });

  it('parties see the matches that concern them, redacted where they may not read the demand; others get 404', async () => {
    const mine = await t.api.get('matches', { token: ent.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThanOrEqual(1);
    expect(mine.body.items.every((m: any) => m.demand.id === ids.demand)).toBe(true);

    const owner = await t.api.get('matches', { token: uni.accessToken, query: { demandId: ids.hiddenDemand } });
    expect(owner.body.total).toBeGreaterThanOrEqual(1);
    const m = owner.body.items[0];
    expect(m.demand).toEqual({ id: ids.hiddenDemand, redacted: true, visibility: 'brokers', title: expect.any(String), industry: expect.any(String), field: expect.anything(), park: expect.anything() });
    expect(JSON.stringify(m)).not.toContain('机密');
    expect(m.reasons.find((r: any) => r.code === 'text-relevance').zh).toBe('内容相关');

    expect((await t.api.get('matches', { token: outsider.accessToken })).body.total).toBe(0);
    expect((await t.api.get(`matches/${m.id}`, { token: outsider.accessToken })).status).toBe(404);
    expect((await t.api.get(`matches/${m.id}`, { token: ent.accessToken })).status).toBe(404);
  });

  it('the broker pipeline: take, legal steps, 409 with currentState on illegal ones, notes and a timestamped introduction', async () => {
    const [row] = await t.db.dataSource.query(`SELECT id FROM match WHERE demand_id = $1 AND achievement_id = $2`, [ids.demand, ids.fit]);
    const id = row.id;
    const step = (who: Session, action: string, extra: Record<string, unknown> = {}) => t.api.post(`matches/${id}/transitions`, { action, ...extra }, { token: who.accessToken });

    const untaken = await step(broker, 'contact');
    expect(untaken.status).toBe(409);
    expect(untaken.body.currentState).toBe('suggested');
    expect((await t.api.post(`matches/${id}/take`, {}, { token: ent.accessToken })).status).toBe(403);
    const taken = await t.api.post(`matches/${id}/take`, { note: '先电话联系' }, { token: broker.accessToken });
    expect(taken.status).toBe(200);
    expect(taken.body.brokerUserId).toBe(broker.user.id);
    expect((await t.api.post(`matches/${id}/take`, {}, { token: broker2.accessToken })).status).toBe(403);

    const skip = await step(broker, 'sign');
    expect(skip.status).toBe(409);
    expect(skip.body.currentState).toBe('suggested');
    expect((await step(broker, 'contact')).body.status).toBe('contacted');
    expect((await step(broker2, 'negotiate')).status).toBe(403);
    const intro = await t.api.post(`matches/${id}/introductions`, { channel: 'meeting', occurredAt: '2026-11-20T02:00:00.000Z', note: '园区对接会上介绍' }, { token: broker.accessToken });
    expect(intro.status).toBe(201);
    expect(intro.body).toMatchObject({ kind: 'introduction', actorUserId: broker.user.id, introducedOrgIds: [ent.organisation.id, uni.organisation.id], occurredAt: '2026-11-20T02:00:00.000Z' });
    expect((await t.api.post(`matches/${id}/notes`, { body: '企业关心运行成本' }, { token: broker.accessToken })).status).toBe(201);
    expect((await step(broker, 'negotiate')).body.status).toBe('negotiating');
    const noReason = await step(broker, 'close');
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('closeReason');
    expect((await step(broker, 'close', { closeReason: 'cheap' })).status).toBe(400);
    expect((await step(broker, 'sign')).body.status).toBe('signed');
    const late = await step(broker, 'close', { closeReason: 'price' });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('signed');

    const brokerView = await t.api.get(`matches/${id}/events`, { token: broker.accessToken });
    expect(brokerView.body.map((e: any) => e.kind).sort()).toEqual(['introduction', 'note', 'taken', 'transition', 'transition', 'transition'].sort());
    const entView = await t.api.get(`matches/${id}/events`, { token: ent.accessToken });
    expect(entView.status).toBe(200);
    expect(entView.body.some((e: any) => e.kind === 'note')).toBe(false);
    expect(entView.body.some((e: any) => e.kind === 'introduction')).toBe(true);
    expect((await t.api.get(`matches/${id}/events`, { token: outsider.accessToken })).status).toBe(404);
  });

  it('a broker can curate a pair into the pipeline, closed with a reason code; hard constraints still apply', async () => {
    const below = await t.api.post('matches', { demandId: ids.demand, achievementId: ids.tooEarly }, { token: broker.accessToken });
    expect(below.status).toBe(409);
    const curated = await t.api.post('matches', { demandId: ids.hiddenDemand, achievementId: ids.unrelated }, { token: broker.accessToken });
    expect(curated.status).toBe(201);
    expect(curated.body.origin).toBe('broker');
    const closed = await t.api.post(`matches/${curated.body.id}/transitions`, { action: 'close', closeReason: 'ip-unclear' }, { token: broker.accessToken });
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'ip-unclear' });
  });

  it('the thesaurus is administered through the API and changes matching at once', async () => {
    const cable = await publishAchievement({
      title: '无卤阻燃聚烯烃护套料', summary: '采用磷氮协效无卤阻燃体系，氧指数大于32，低烟无毒，适用于线缆护套挤出。', keywords: ['无卤阻燃', '护套料'],
      industry: 'new-materials', field: 'polymers', trl: 8,
    });
    const d = await createDemand(t.api, ent, {
      title: '电缆外皮遇火容易着火', description: '我们生产的电缆外皮遇火容易着火，客户投诉，想换一种材料。', keywords: ['电缆'], industry: 'new-materials', field: 'polymers', minTrl: 6,
      park: 'renqiu-edz', visibility: 'public',
    });
    // The achievement reaches the index through the outbox: without this the "after" search may run before it is there.
    await t.drain();
    const before = await t.api.get(`demands/${d.id}/matches`, { token: ent.accessToken });
    expect(before.body.items.map((i: any) => i.achievement.id)).not.toContain(cable);

    const entry = { industry: 'new-materials', term: '无卤阻燃', synonyms: ['阻燃材料'], narrower: ['磷氮协效'], symptoms: ['遇火 着火', '电缆 着火'] };
    expect((await t.api.post('thesaurus', entry, { token: ent.accessToken })).status).toBe(403);
    const bad = await t.api.post('thesaurus', { ...entry, industry: 'alchemy' }, { token: admin.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((x: any) => x.field)).toContain('industry');
    const created = await t.api.post('thesaurus', entry, { token: admin.accessToken });
    expect(created.status).toBe(201);
    expect((await t.api.post('thesaurus', entry, { token: admin.accessToken })).status).toBe(409);

    const after = await t.api.get(`demands/${d.id}/matches`, { token: ent.accessToken });
    const hit = after.body.items.find((i: any) => i.achievement.id === cable);
    expect(hit).toBeDefined();
    expect(hit.reasons.find((r: any) => r.code === 'text-relevance').zh).toContain('无卤阻燃');
    // The index's synonyms follow: a symptom search finds the technique.
    const engine = t.app.get<SearchIndex>(SEARCH_INDEX);
    const bySymptom = await engine.search('achievements', { q: '电缆着火 ', matchingStrategy: 'all' });
    expect(bySymptom.hits.map((h) => h.document.id)).toContain(cable);

    const list = await t.api.get('thesaurus', { token: admin.accessToken, query: { industry: 'new-materials', q: '阻燃' } });
    expect(list.body.items.map((e: any) => e.term)).toContain('无卤阻燃');
    expect((await t.api.put(`thesaurus/${created.body.id}`, { ...entry, symptoms: [] }, { token: admin.accessToken })).body.version).toBe(2);
    expect((await t.api.delete(`thesaurus/${created.body.id}`, { token: admin.accessToken })).status).toBe(204);
    expect((await engine.search('achievements', { q: '电缆着火 ', matchingStrategy: 'all' })).hits.map((h) => h.document.id)).not.toContain(cable);
    expect((await t.api.get(`thesaurus/${created.body.id}`, { token: admin.accessToken })).status).toBe(404);

    // Each edit asked for the stored matches to be scored again: once the queues drain, every stored row carries the
    // thesaurus version the live matches are computed with now.
    await t.drain();
    const current = (await t.api.get(`demands/${ids.demand}/matches`, { token: ent.accessToken })).body.items[0].computedWith;
    const versions = await t.db.dataSource.query(`SELECT DISTINCT thesaurus_version, weights_version FROM match`);
    expect(versions).toEqual([{ thesaurus_version: current.thesaurusVersion, weights_version: current.weightsVersion }]);
  });
});
