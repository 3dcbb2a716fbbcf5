import ExcelJS from 'exceljs';
import { MovableClock } from '@techbridge/platform';
import { computeInnovationIndex } from '../../libs/monitoring/src/rules/innovation-index';
import { achievementBody } from '../catalog/fixtures';
import { createDemand, proposalBody } from '../demand/demand-helpers';
import { Api, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { contractTruth, seedContracts } from './monitoring-fixtures';

const A = 'sjz-hitech';
const B = 'bd-hitech';
const C = 'guan-hitech';
const Q3 = { from: '2026-06-30T16:00:00Z', to: '2026-09-30T16:00:00Z' };

async function publishAchievement(api: Api, owner: Session, admin: Session, overrides: Record<string, unknown>): Promise<string> {
  const created = await api.post('achievements', achievementBody(overrides), { token: owner.accessToken });
  if (created.status !== 201) throw new Error(`create achievement: ${created.status} ${JSON.stringify(created.body)}`);
  expect((await api.post(`achievements/${created.body.id}/submit`, {}, { token: owner.accessToken })).status).toBe(200);
  expect((await api.post(`achievements/${created.body.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
  return created.body.id;
}

describe('monitoring (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let parkA: Session;
  let parkB: Session;
  let parkC: Session;
  let enterprise: Session;
  let seller: Session;
  const achievements: Record<string, string[]> = { [A]: [], zone: [] };
  const demands: Record<string, string[]> = { [A]: [], [B]: [] };
  let awardedProposal = '';
  const line = (r: any, park: string | null, indicator: string, breakdown = '') => r.lines.find((l: any) => l.park === park && l.indicator === indicator && l.breakdown === breakdown);

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-10-15T02:00:00Z') });
    admin = await signInAdmin(t.api);
    parkA = await signUpOrganisation(t.api, 'park-administration', { parkCode: A });
    parkB = await signUpOrganisation(t.api, 'park-administration', { parkCode: B });
    parkC = await signUpOrganisation(t.api, 'park-administration', { parkCode: C });
    for (const p of [parkA, parkB, parkC]) await verifyOrganisation(t.api, p.organisation.id);
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: A });
    seller = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    // Achievements and demands published in 2026Q3 through their own contexts' APIs, one of each kind in Q4.
    t.clock.set('2026-08-10T02:00:00Z');
    const uniInA = await signUpOrganisation(t.api, 'university', { parkCode: A });
    achievements[A].push(await publishAchievement(t.api, uniInA, admin, { industry: 'new-energy', field: 'photovoltaics', trl: 6 }));
    achievements[A].push(await publishAchievement(t.api, uniInA, admin, { industry: 'new-energy', field: 'photovoltaics', trl: 4, title: '钠离子电池正极材料' }));
    achievements.zone.push(await publishAchievement(t.api, seller, admin, { industry: 'new-energy', field: 'photovoltaics', trl: 7, title: '光伏组件回收技术' }));
    demands[A].push((await createDemand(t.api, enterprise, { park: A })).id);
    demands[B].push((await createDemand(t.api, enterprise, { park: B, minTrl: 4 })).id);
    // A proposal for the park-A demand, awarded in the quarter.
    const proposal = await t.api.post(`demands/${demands[A][0]}/proposals`, proposalBody(), { token: uniInA.accessToken });
    expect(proposal.status).toBe(201);
    expect((await t.api.post(`proposals/${proposal.body.id}/award`, {}, { token: enterprise.accessToken })).status).toBe(200);
    awardedProposal = proposal.body.id;
    t.clock.set('2026-10-15T02:00:00Z');
    await publishAchievement(t.api, uniInA, admin, { title: '第四季度发布的成果' });
    await createDemand(t.api, enterprise, { park: A, title: '第四季度发布的需求' });
    const s = { orgId: seller.organisation.id, userId: seller.user.id };
    await seedContracts(t.db.dataSource, s, [
      // 2026Q3
      { park: A, type: 'development-commissioned', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: '1000000.00', technologyAmount: '800000.00', registeredAt: '2026-07-10T03:00:00Z', brokerUserId: seller.user.id, transferInstitutionId: seller.organisation.id },
      { park: A, type: 'consulting', sellerRegion: 'HE', buyerRegion: 'HE', contractAmount: '200000.50', technologyAmount: '200000.50', registeredAt: '2026-08-01T03:00:00Z', brokerUserId: seller.user.id },
      // 23:59:59 on 30 September, Beijing time: still Q3.
      { park: A, type: 'consulting', sellerRegion: 'HE', buyerRegion: 'HE', contractAmount: '10.00', technologyAmount: '10.00', registeredAt: '2026-09-30T15:59:59Z' },
      // Midnight 1 October, Beijing time: Q4, not in the Q3 figures.
      { park: A, type: 'consulting', sellerRegion: 'HE', buyerRegion: 'HE', contractAmount: '77.00', technologyAmount: '77.00', registeredAt: '2026-09-30T16:00:00Z' },
      { park: A, type: 'consulting', sellerRegion: 'HE', buyerRegion: 'HE', contractAmount: '99999.00', technologyAmount: '99999.00', registeredAt: null },
      { park: B, type: 'transfer-patent', sellerRegion: 'TJ', buyerRegion: 'HE', contractAmount: '3000000.00', technologyAmount: '3000000.00', registeredAt: '2026-07-20T03:00:00Z' },
      { park: null, type: 'service', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: '500000.00', technologyAmount: '400000.00', registeredAt: '2026-08-20T03:00:00Z' },
      // 2026Q2 and 2025Q3, for quarter-on-quarter and year-on-year change
      { park: A, type: 'consulting', sellerRegion: 'HE', buyerRegion: 'HE', contractAmount: '400000.00', technologyAmount: '400000.00', registeredAt: '2026-05-05T03:00:00Z' },
      { park: A, type: 'consulting', sellerRegion: 'HE', buyerRegion: 'HE', contractAmount: '250000.00', technologyAmount: '250000.00', registeredAt: '2025-08-08T03:00:00Z' },
      { park: B, type: 'transfer-patent', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: '5000000.00', technologyAmount: '5000000.00', registeredAt: '2025-09-01T03:00:00Z' },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes the indicator catalogue with entered and computed indicators', async () => {
    const res = await t.api.get('monitoring/indicators');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.map((i: any) => [i.code, i]));
    expect(byCode['technology-amount']).toMatchObject({ unit: 'yuan', source: 'computed', direction: 'higher', available: true });
    expect(byCode['high-tech-enterprises']).toMatchObject({ unit: 'count', source: 'entered', dimension: 'innovation-entities' });
    expect(byCode['rd-spending-share'].unit).toBe('percent');
    expect(byCode['events-held'].available).toBe(true);
    expect(byCode['matches-signed'].available).toBe(true);
    expect(byCode['proposals-awarded'].available).toBe(true);
    expect(byCode['rewards-accrued'].available).toBe(true);
  });

  it('opens quarters (platform admins only) and refuses bad quarters', async () => {
    for (const q of ['2025Q3', '2026Q2', '2026Q3']) expect((await t.api.post('monitoring/quarters', { quarter: q }, { token: admin.accessToken })).status).toBe(201);
    const again = await t.api.post('monitoring/quarters', { quarter: '2026Q3' }, { token: admin.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('open');
    const future = await t.api.post('monitoring/quarters', { quarter: '2027Q1' }, { token: admin.accessToken });
    expect(future.status).toBe(400);
    expect(future.body.details[0].field).toBe('quarter');
    const malformed = await t.api.post('monitoring/quarters', { quarter: '2026-Q3' }, { token: admin.accessToken });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('quarter');
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q1' }, { token: parkA.accessToken })).status).toBe(403);
  });

  it('refuses bad entries with field-level 4xx and writes nothing', async () => {
    const put = (token: string, quarter: string, park: string, entries: unknown[]) => t.api.put(`monitoring/quarters/${quarter}/parks/${park}/entries`, { entries }, { token });
    const notOpen = await put(parkA.accessToken, '2026Q1', A, [{ indicator: 'incubators', value: 3 }]);
    expect(notOpen.status).toBe(400);
    expect(notOpen.body.details[0]).toMatchObject({ field: 'quarter', code: 'QUARTER_NOT_OPEN' });
    const bad = await put(parkA.accessToken, '2026Q3', A, [
      { indicator: 'high-tech-enterprises', value: -5 },
      { indicator: 'rd-spending-share', value: 120 },
      { indicator: 'technology-amount', value: 1000 },
      { indicator: 'incubators', value: 2.5 },
      { indicator: 'no-such-indicator', value: 1 },
    ]);
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries(bad.body.details.map((d: any) => [d.field, d.code]));
    expect(fields).toEqual({
      'entries[0].value': 'min', 'entries[1].value': 'max', 'entries[2].indicator': 'INDICATOR_NOT_ENTERED', 'entries[3].value': 'isInt', 'entries[4].indicator': 'UNKNOWN_INDICATOR',
    });
    const notNumber = await put(parkA.accessToken, '2026Q3', A, [{ indicator: 'incubators', value: 'three' }]);
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.details[0].field).toBe('entries[0].value');
    // Another park's administrator, or an enterprise, does not see the park's entry form at all.
    expect((await put(parkB.accessToken, '2026Q3', A, [{ indicator: 'incubators', value: 3 }])).status).toBe(404);
    expect((await put(enterprise.accessToken, '2026Q3', A, [{ indicator: 'incubators', value: 3 }])).status).toBe(404);
    expect((await put(parkA.accessToken, '2026Q3', 'atlantis', [{ indicator: 'incubators', value: 3 }])).status).toBe(404);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM monitoring_entry`);
    expect(n).toBe(0);
  });

  it('park entries are reviewed by platform staff; publishing waits for review, then freezes computed figures equal to the records', async () => {
    // Earlier quarters first, so Q3 has a previous quarter and a same quarter last year.
    for (const q of ['2025Q3', '2026Q2']) expect((await t.api.post(`monitoring/quarters/${q}/publish`, {}, { token: admin.accessToken })).status).toBe(200);

    const a = await t.api.put(`monitoring/quarters/2026Q3/parks/${A}/entries`, { entries: [
      { indicator: 'high-tech-enterprises', value: 120 }, { indicator: 'rd-spending-share', value: 2.5 }, { indicator: 'incubators', value: 3 },
    ] }, { token: parkA.accessToken });
    expect(a.status).toBe(200);
    expect(a.body.map((e: any) => e.status)).toEqual(['submitted', 'submitted', 'submitted']);
    const b = await t.api.put(`monitoring/quarters/2026Q3/parks/${B}/entries`, { entries: [{ indicator: 'high-tech-enterprises', value: 80 }] }, { token: parkB.accessToken });
    expect(b.status).toBe(200);
    // A park sees only its own entries.
    const mine = await t.api.get('monitoring/quarters/2026Q3/entries', { token: parkB.accessToken });
    expect(mine.body.map((e: any) => e.park)).toEqual([B]);
    expect((await t.api.get('monitoring/quarters/2026Q3/entries', { token: parkB.accessToken, query: { park: A } })).status).toBe(404);

    expect((await t.api.post(`monitoring/entries/${b.body[0].id}/approve`, {}, { token: parkB.accessToken })).status).toBe(403);
    const early = await t.api.post('monitoring/quarters/2026Q3/publish', {}, { token: admin.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.details).toHaveLength(4);

    for (const e of a.body) expect((await t.api.post(`monitoring/entries/${e.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    const again = await t.api.post(`monitoring/entries/${a.body[0].id}/approve`, {}, { token: admin.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('approved');
    const returned = await t.api.post(`monitoring/entries/${b.body[0].id}/return`, { reason: '与认定名单不符' }, { token: admin.accessToken });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '与认定名单不符' });
    const fixed = await t.api.put(`monitoring/quarters/2026Q3/parks/${B}/entries`, { entries: [{ indicator: 'high-tech-enterprises', value: 85 }] }, { token: parkB.accessToken });
    expect(fixed.body[0]).toMatchObject({ id: b.body[0].id, status: 'submitted', value: 85, returnReason: null });
    expect((await t.api.post(`monitoring/entries/${b.body[0].id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);

    // Staff preview what publishing would freeze: nothing is stored.
    const preview = await t.api.get('monitoring/quarters/2026Q3/preview', { token: admin.accessToken, query: { park: A } });
    expect(preview.status).toBe(200);
    expect(line(preview.body, A, 'contract-amount')).toMatchObject({ value: 1200010.5, revision: 0, figureId: '' });
    expect(line(preview.body, A, 'high-tech-enterprises').value).toBe(120);
    expect(line(preview.body, B, 'contract-amount')).toBeUndefined();
    expect((await t.api.get('monitoring/quarters/2026Q3/preview', { token: parkA.accessToken })).status).toBe(403);
    expect((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM monitoring_figure WHERE quarter_code = '2026Q3'`))[0].n).toBe(0);
    const published = await t.api.post('monitoring/quarters/2026Q3/publish', {}, { token: admin.accessToken });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const twice = await t.api.post('monitoring/quarters/2026Q3/publish', {}, { token: admin.accessToken });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('published');
    expect((await t.api.get('monitoring/quarters/2026Q3/preview', { token: admin.accessToken })).body.currentState).toBe('published');
    const late = await t.api.put(`monitoring/quarters/2026Q3/parks/${A}/entries`, { entries: [{ indicator: 'incubators', value: 4 }] }, { token: parkA.accessToken });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('published');

    // Computed figures equal the records, park by park and for the zone.
    const report = await t.api.get('monitoring/reports/2026Q3', { token: parkA.accessToken });
    expect(report.status).toBe(200);
    const truth = await contractTruth(t.db.dataSource, Q3.from, Q3.to);
    expect(truth.find((x) => x.park === A)!.n).toBe(3);
    for (const row of truth.filter((x) => x.park)) {
      expect(line(report.body, row.park, 'contracts-registered').value).toBe(row.n);
      expect(line(report.body, row.park, 'contract-amount').value).toBe(row.amount);
      expect(line(report.body, row.park, 'technology-amount').value).toBe(row.tech);
      expect(line(report.body, row.park, 'absorbed-bj-tj-amount').value).toBe(row.absorbed);
      const drill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: admin.accessToken, query: { indicator: 'contract-amount', park: row.park! } });
      expect(drill.body.figure.records.map((r: any) => r.id).sort()).toEqual(row.ids);
    }
    const sum = (f: (x: (typeof truth)[number]) => number) => Math.round(truth.reduce((acc, x) => acc + f(x), 0) * 100) / 100;
    expect(line(report.body, null, 'contracts-registered').value).toBe(sum((x) => x.n));
    expect(line(report.body, null, 'contract-amount').value).toBe(sum((x) => x.amount));
    expect(line(report.body, null, 'absorbed-bj-tj-share').value).toBeCloseTo((sum((x) => x.absorbed) / sum((x) => x.amount)) * 100, 3);
    expect(line(report.body, C, 'contracts-registered').value).toBe(0);
    expect(line(report.body, A, 'contracts-registered', 'type:consulting').value).toBe(2);
    expect(line(report.body, null, 'contract-amount', 'direction:absorbed-bj-tj').value).toBe(4500000);
    expect(line(report.body, A, 'active-brokers').value).toBe(1);
    // Achievements (by the owner's park) and demands (by their park) published in the quarter, with the records behind them.
    expect(line(report.body, A, 'achievements-published').value).toBe(2);
    expect(line(report.body, null, 'achievements-published').value).toBe(3);
    expect(line(report.body, A, 'achievements-published', 'trl:4').value).toBe(1);
    expect(line(report.body, null, 'achievements-published', 'industry:new-energy').value).toBe(3);
    const achDrill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: admin.accessToken, query: { indicator: 'achievements-published', park: A } });
    expect(achDrill.body.figure.records.map((r: any) => r.id).sort()).toEqual([...achievements[A]].sort());
    expect(line(report.body, A, 'demands-posted').value).toBe(1);
    expect(line(report.body, B, 'demands-posted', 'trl:4').value).toBe(1);
    expect(line(report.body, null, 'demands-posted').value).toBe(2);
    const demDrill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: admin.accessToken, query: { indicator: 'demands-posted', park: B } });
    expect(demDrill.body.figure.records).toEqual([{ type: 'demand', id: demands[B][0] }]);
    expect(line(report.body, null, 'events-held').value).toBe(0);
    expect(line(report.body, null, 'matches-signed').value).toBe(0);
    expect(line(report.body, A, 'proposals-awarded').value).toBe(1);
    const propDrill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: admin.accessToken, query: { indicator: 'proposals-awarded' } });
    expect(propDrill.body.figure.records).toEqual([{ type: 'proposal', id: awardedProposal }]);
    // No reward ledger was computed for 2026 in this suite: nothing accrued (monitoring-rewards covers the ledger).
    expect(line(report.body, null, 'rewards-accrued')).toMatchObject({ value: 0, source: 'computed' });
    // Entered figures are the approved entries; the zone adds counts and averages shares.
    expect(line(report.body, A, 'high-tech-enterprises').value).toBe(120);
    expect(line(report.body, null, 'high-tech-enterprises').value).toBe(205);
    expect(line(report.body, C, 'high-tech-enterprises').value).toBeNull();
    const entryDrill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: parkB.accessToken, query: { indicator: 'high-tech-enterprises', park: B } });
    expect(entryDrill.body.entry).toMatchObject({ value: 85, status: 'approved' });

    // Quarter-on-quarter and year-on-year.
    const aAmount = line(report.body, A, 'contract-amount');
    expect(aAmount.qoq).toEqual({ previous: 400000, delta: 800010.5, percent: 200 });
    expect(aAmount.yoy.previous).toBe(250000);
    expect(line(report.body, B, 'contract-amount').yoy).toEqual({ previous: 5000000, delta: -2000000, percent: -40 });

    const onePark = await t.api.get('monitoring/reports/2026Q3', { token: parkA.accessToken, query: { park: B } });
    expect(new Set(onePark.body.lines.map((l: any) => l.park))).toEqual(new Set([B, null]));
    expect((await t.api.get('monitoring/reports/2026Q3', { token: enterprise.accessToken })).status).toBe(403);
    expect((await t.api.get('monitoring/reports/2026Q4', { token: admin.accessToken })).status).toBe(404);
    expect((await t.api.get('monitoring/reports/2026Q9', { token: admin.accessToken })).status).toBe(400);
    expect((await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken, query: { park: 'atlantis' } })).status).toBe(400);
  });

  it('a published quarter changes only through a correction that keeps the history', async () => {
    const res = await t.api.post('monitoring/quarters/2026Q3/corrections', { park: A, indicator: 'high-tech-enterprises', value: 125, reason: '补报5家' }, { token: admin.accessToken });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ oldValue: 120, newValue: 125 });
    const report = await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken });
    expect(report.body.revision).toBe(1);
    expect(line(report.body, A, 'high-tech-enterprises')).toMatchObject({ value: 125, revision: 2, source: 'correction' });
    expect(line(report.body, null, 'high-tech-enterprises').value).toBe(210);
    const drill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: admin.accessToken, query: { indicator: 'high-tech-enterprises', park: A } });
    expect(drill.body.history.map((h: any) => [h.value, h.revision, h.supersededAt === null])).toEqual([[120, 1, false], [125, 2, true]]);
    expect(drill.body.entry.value).toBe(120);
    const log = await t.api.get('monitoring/quarters/2026Q3/corrections', { token: parkA.accessToken });
    expect(log.body).toHaveLength(1);
    expect(log.body[0].reason).toBe('补报5家');

    const badValue = await t.api.post('monitoring/quarters/2026Q3/corrections', { park: A, indicator: 'rd-spending-share', value: 101, reason: 'x' }, { token: admin.accessToken });
    expect(badValue.status).toBe(400);
    expect(badValue.body.details[0].field).toBe('value');
    expect((await t.api.post('monitoring/quarters/2026Q3/corrections', { park: A, indicator: 'incubators', value: 4, reason: 'x' }, { token: parkA.accessToken })).status).toBe(403);
    await t.api.post('monitoring/quarters', { quarter: '2026Q1' }, { token: admin.accessToken });
    const onOpen = await t.api.post('monitoring/quarters/2026Q1/corrections', { park: A, indicator: 'incubators', value: 4, reason: 'x' }, { token: admin.accessToken });
    expect(onOpen.status).toBe(409);
    expect(onOpen.body.currentState).toBe('open');
  });

  it('exports the report as XLSX (opens with exceljs, one row per line) and as CSV', async () => {
    const json = await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken, query: { park: A } });
    const xlsx = await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken, query: { park: A, format: 'xlsx' } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const ws = wb.getWorksheet('2026Q3')!;
    expect(ws.rowCount).toBe(json.body.lines.length + 1);
    const rows = ws.getSheetValues().slice(2) as any[][];
    const amount = rows.find((r) => r[1] === A && r[3] === 'contract-amount' && (r[6] ?? '') === '');
    expect(amount![7]).toBe(1200010.5);
    expect(amount![8]).toBe(400000);

    const csv = await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken, query: { format: 'csv' } });
    expect(csv.status).toBe(200);
    const text = csv.raw.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split('\r\n')).toHaveLength((await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken })).body.lines.length + 1);
    expect(text).toContain(`${A},石家庄国家高新区,contract-amount`);
  });

  it('the innovation index is reproducible from its stored inputs, moves with a weight, and ranks move with the figures', async () => {
    expect((await t.api.post('monitoring/innovation-index/2024/compute', {}, { token: admin.accessToken })).status).toBe(409);
    expect((await t.api.get('monitoring/innovation-index/2026')).status).toBe(404);
    const y2025 = await t.api.post('monitoring/innovation-index/2025/compute', {}, { token: admin.accessToken });
    expect(y2025.status).toBe(200);
    const first = await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken });
    expect(first.status).toBe(200);
    expect(first.body.parks).toHaveLength(11);
    expect(first.body.quarters).toEqual(['2026Q2', '2026Q3']);
    const byPark = (body: any) => Object.fromEntries(body.parks.map((p: any) => [p.park, p]));
    const p1 = byPark(first.body);
    // A: 4 contracts over the year (Q2 + Q3) feed its annual figure, with the figures behind it.
    expect(p1[A].inputs['contracts-registered'].value).toBe(4);
    expect(p1[A].inputs['contracts-registered'].figureIds).toHaveLength(2);
    expect(p1[A].inputs['high-tech-enterprises'].value).toBe(125);
    // Every input drills down to the published figures behind it, and those to their records.
    const [q2Figure, q3Figure] = await Promise.all(p1[A].inputs['contracts-registered'].figureIds.map((id: string) => t.api.get(`monitoring/figures/${id}`, { token: parkB.accessToken })));
    expect([q2Figure.body.figure.quarter, q3Figure.body.figure.quarter].sort()).toEqual(['2026Q2', '2026Q3']);
    expect(q3Figure.body.figure.records).toHaveLength(3);
    expect((await t.api.get('monitoring/figures/99999999', { token: admin.accessToken })).status).toBe(404);
    expect((await t.api.get('monitoring/figures/abc', { token: admin.accessToken })).status).toBe(404);
    expect(p1[A].rank).toBe(1);
    expect(p1[B].previousRank).toBe(1);
    expect(p1[B].rankChange).toBe(-1);
    expect(Object.keys(p1[A].dimensions).sort()).toEqual(['innovation-entities', 'innovation-input', 'services', 'supply-demand', 'transaction']);

    // Reproducible: the server replays it, and so does the pure module from the published inputs and weights.
    expect((await t.api.get('monitoring/innovation-index/2026/verify')).body.reproducible).toBe(true);
    const [run] = await t.db.dataSource.query(`SELECT inputs, results FROM monitoring_index_run WHERE year = 2026`);
    const { sources: _s, ...inputs } = run.inputs;
    expect(computeInnovationIndex(inputs, { dimensions: first.body.weights.dimensions, indicators: first.body.weights.indicators })).toEqual(run.results);

    // A weight change is a new version and moves the index.
    const w = await t.api.get('monitoring/innovation-index/weights');
    const heavier = await t.api.put('monitoring/innovation-index/weights', { dimensions: w.body.dimensions, indicators: { ...w.body.indicators, 'technology-amount': 10 }, note: 'stress technology amount' }, { token: admin.accessToken });
    expect(heavier.status).toBe(200);
    expect(heavier.body.version).toBe(w.body.version + 1);
    const second = await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken });
    expect(second.body.weightsVersion).toBe(heavier.body.version);
    const p2 = byPark(second.body);
    expect(p2[B].score).toBeGreaterThan(p1[B].score);
    expect(p2[A].score).not.toBe(p1[A].score);
    expect((await t.api.get('monitoring/innovation-index/2026/verify')).body).toMatchObject({ reproducible: true, weightsVersion: heavier.body.version });
    const badWeights = await t.api.put('monitoring/innovation-index/weights', { dimensions: { transaction: -1 }, indicators: {} }, { token: admin.accessToken });
    expect(badWeights.status).toBe(400);
    expect(badWeights.body.details[0].field).toBe('dimensions.transaction');
    expect((await t.api.put('monitoring/innovation-index/weights', w.body, { token: parkA.accessToken })).status).toBe(403);

    // Park C reported nothing; when its (corrected) figures rise, its rank rises.
    // It is listed without a rank (not level with the others on everybody's zeros), after the ranked parks.
    expect(p2[C]).toMatchObject({ hasData: false, rank: null, rankChange: null });
    const ranked = second.body.parks.filter((p: any) => p.hasData);
    expect(ranked.length).toBeGreaterThan(0);
    expect(second.body.parks.slice(0, ranked.length)).toEqual(ranked);
    expect(ranked.map((p: any) => p.rank)).toEqual([...ranked.map((p: any) => p.rank)].sort((a: number, b: number) => a - b));
    expect((await t.api.get('monitoring/innovation-index')).body).toEqual({ years: [2026, 2025] });
    await t.api.put(`monitoring/quarters/2026Q1/parks/${C}/entries`, { entries: [{ indicator: 'high-tech-enterprises', value: 500 }, { indicator: 'tech-smes', value: 4000 }] }, { token: parkC.accessToken });
    const entries = await t.api.get('monitoring/quarters/2026Q1/entries', { token: admin.accessToken });
    for (const e of entries.body) await t.api.post(`monitoring/entries/${e.id}/approve`, {}, { token: admin.accessToken });
    expect((await t.api.post('monitoring/quarters/2026Q1/publish', {}, { token: admin.accessToken })).status).toBe(200);
    await t.api.post('monitoring/quarters/2026Q3/corrections', { park: C, indicator: 'technology-amount', value: 9000000, reason: '漏报合同' }, { token: admin.accessToken });
    const third = await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken });
    const p3 = byPark(third.body);
    expect(p3[C].hasData).toBe(true);
    expect(p3[C].rank).toBeGreaterThanOrEqual(1);
    expect(p3[C].inputs['technology-amount'].value).toBe(9000000);

    const xlsx = await t.api.get('monitoring/innovation-index/2026', { query: { format: 'xlsx' } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const ws = wb.getWorksheet('2026 index')!;
    expect(ws.rowCount).toBe(12);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(2).getCell(2).value).toBe(third.body.parks[0].park);
  });

  it('reports progress towards the plan targets from published figures', async () => {
    const res = await t.api.get('monitoring/targets');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.map((x: any) => [x.code, x]));
    const [{ total, absorbed }] = await t.db.dataSource.query(
      `SELECT sum(contract_amount)::float8 AS total, sum(contract_amount) FILTER (WHERE buyer_region = 'HE' AND seller_region IN ('BJ','TJ'))::float8 AS absorbed
         FROM technology_contract WHERE status = 'registered' AND registered_at >= '2025-06-30T16:00:00Z' AND registered_at < '2025-09-30T16:00:00Z'
            OR status = 'registered' AND registered_at >= '2025-12-31T16:00:00Z' AND registered_at < '2026-09-30T16:00:00Z'`,
    );
    expect(byCode['contract-total']).toMatchObject({ target: 10_000_000_000, unit: 'yuan', quarters: ['2025Q3', '2026Q1', '2026Q2', '2026Q3'] });
    expect(byCode['contract-total'].actual).toBeCloseTo(total, 2);
    expect(byCode['contract-total'].progress).toBeCloseTo((total / 1e10) * 100, 2);
    expect(byCode['absorbed-share'].actual).toBeCloseTo((absorbed / total) * 100, 3);
    expect(byCode['absorbed-share'].achieved).toBe(true);
    // Stocks take the latest published quarter: Q3 (A 125 + B 85), not Q1.
    expect(byCode['high-tech-enterprises']).toMatchObject({ actual: 210, target: 1000, progress: 21, quarters: ['2026Q3'], achieved: false });
    expect(byCode['large-roadshows']).toMatchObject({ actual: 0, progress: 0, achieved: false, quarters: ['2026Q1', '2026Q2', '2026Q3'] });
  });

  it('publishes the statistics the portal charts and headlines: zone trends per quarter, contract amounts by industry and direction, this year at a glance', async () => {
    t.clock.set('2026-10-15T02:00:00Z');
    const truth = async (where: string) =>
      (await t.db.dataSource.query(`SELECT count(*)::int AS n, coalesce(sum(contract_amount), 0)::float8 AS amount FROM technology_contract
         WHERE status = 'registered' AND registered_at >= '2025-12-31T16:00:00Z' AND registered_at < '2026-12-31T16:00:00Z' ${where}`))[0];
    const all = await truth('');
    const absorbed = await truth(`AND buyer_region = 'HE' AND seller_region IN ('BJ','TJ')`);
    expect(all.n).toBeGreaterThan(0);

    const overview = await t.api.get('monitoring/overview');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ year: 2026, deals: all.n, events: expect.any(Number) });
    expect(overview.body.dealAmount).toBeCloseTo(all.amount, 2);
    expect(overview.body.achievements).toBeGreaterThanOrEqual(4);
    expect(overview.body.demands).toBeGreaterThanOrEqual(3);
    expect(overview.body.latestDeals.length).toBe(Math.min(5, all.n));
    const times = overview.body.latestDeals.map((d: any) => d.registeredAt);
    expect(times).toEqual([...times].sort().reverse());
    // Public figures, not parties: no organisation ids or names.
    expect(JSON.stringify(overview.body.latestDeals)).not.toContain(seller.organisation.id);

    const amounts = await t.api.get('monitoring/contract-amounts', { query: { year: 2026 } });
    expect(amounts.status).toBe(200);
    expect(amounts.body.total.contractAmount).toBeCloseTo(all.amount, 2);
    const bjTj = amounts.body.byDirection.find((r: any) => r.key === 'absorbed-bj-tj');
    expect(bjTj.contracts).toBe(absorbed.n);
    expect(bjTj.contractAmount).toBeCloseTo(absorbed.amount, 2);
    expect(amounts.body.byIndustry.reduce((a: number, r: any) => a + r.contracts, 0)).toBe(all.n);
    expect((await t.api.get('monitoring/contract-amounts', { query: { year: 'soon' } })).status).toBe(400);

    const trends = await t.api.get('monitoring/trends');
    expect(trends.status).toBe(200);
    expect(trends.body.quarters).toEqual([...trends.body.quarters].sort());
    expect(trends.body.quarters).toContain('2026Q3');
    const contracts = trends.body.indicators.find((i: any) => i.code === 'contracts-registered');
    expect(contracts.values).toHaveLength(trends.body.quarters.length);
    const q3 = await t.api.get('monitoring/reports/2026Q3', { token: admin.accessToken });
    expect(contracts.values[trends.body.quarters.indexOf('2026Q3')]).toBe(line(q3.body, null, 'contracts-registered').value);
  });
});
