/**
 * Demo data for the portal's pages that the context steps in demo-seed.ts leave empty: a broker and a reviewer,
 * a guide catalog, a technology package, roadshow presenters, registered technology contracts (deals on the home page
 * and the statistics charts) and a second park's figures so the innovation index ranks more than one park.
 * Everything goes through the public API; a second run skips what exists.
 */
import { completeCreditCode } from '../libs/platform/src/validation/credit-code';
import { BeijingCalendar } from '../libs/platform/src/calendar/beijing-calendar';
import { DEMO_PASSWORD, DemoContext, registerDemoStep, verifyDemoOrganisation } from './demo-seed';

/** The accounts the demo prints, one per role (all with DEMO_PASSWORD). */
export const DEMO_ACCOUNTS: Array<{ role: string; email: string }> = [
  { role: '高校院所 university', email: 'demo-tto@techbridge.demo' },
  { role: '企业 enterprise', email: 'demo-steel@techbridge.demo' },
  { role: '技术经纪人 broker', email: 'demo-tti@techbridge.demo' },
  { role: '培训基地 training base', email: 'demo-training@techbridge.demo' },
  { role: '审核员 reviewer (合同登记)', email: 'demo-registrar@techbridge.demo' },
  { role: '园区管理 park admin', email: 'demo-park-sjz@techbridge.demo' },
];

type Session = { accessToken: string; user: { id: string; roles: string[] }; organisation: { id: string } };

async function must<T = any>(what: string, res: Promise<{ status: number; body: T }>, ok: number[] = [200, 201]): Promise<T> {
  const r = await res;
  if (!ok.includes(r.status)) throw new Error(`demo: ${what} failed (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body;
}

async function grantRoles(ctx: DemoContext, s: Session, roles: string[]): Promise<void> {
  if (roles.every((r) => s.user.roles.includes(r))) return;
  await must('grant roles', ctx.call('PUT', `organisations/${s.organisation.id}/members/${s.user.id}/roles`, { roles: [...new Set([...s.user.roles, ...roles])] }, s.accessToken));
}

async function waitFor(ctx: DemoContext, path: string, token: string, done: (body: any) => boolean): Promise<any> {
  for (let i = 0; i < 120; i++) {
    const r = await ctx.call('GET', path, undefined, token);
    if (r.status === 200 && done(r.body)) return r.body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`demo: ${path} did not reach the expected state`);
}

// ---- roles: the transfer institution's manager is also a broker; the park's statistician reviews its achievements ----
registerDemoStep(async (ctx) => {
  const tti = (await ctx.session('demo-tti@techbridge.demo', {})) as unknown as Session;
  await grantRoles(ctx, tti, ['broker']);
  await certifyDemoBroker(ctx, tti);
});

/**
 * The broker role needs a certificate in good standing (issue 17): a demo training base trains, examines and certifies
 * the demo broker. A second run finds the enrolment and skips what is done.
 */
async function certifyDemoBroker(ctx: DemoContext, broker: Session): Promise<void> {
  const base = (await ctx.session('demo-training@techbridge.demo', {
    displayName: '培训部 教务',
    organisation: { name: '河北省技术转移人才培养基地（演示）', type: 'training-base', creditCode: completeCreditCode('12130100MB0DEM071'), region: 'HE' },
  })) as unknown as Session;
  await verifyDemoOrganisation(ctx, base.organisation.id);
  const hours = { general: 24, policy: 16, practice: 32, capability: 8 };
  const courses = await must<{ items: Array<{ id: string }> }>('broker courses', ctx.call('GET', `broker-courses?trainingBaseId=${base.organisation.id}`));
  const courseId = courses.items[0]?.id
    ?? (await must<{ id: string }>('broker course', ctx.call('POST', 'broker-courses', { title: '技术经纪人初级培训班（演示）', level: 'junior', hours }, base.accessToken))).id;
  const mine = await must<{ items: Array<{ id: string; courseId: string; status: string }> }>('my enrolments', ctx.call('GET', 'broker-enrolments?pageSize=100', undefined, broker.accessToken));
  const enrolment = mine.items.find((e) => e.courseId === courseId)
    ?? (await must<{ id: string; status: string }>('enrol', ctx.call('POST', `broker-courses/${courseId}/enrolments`, {}, broker.accessToken)));
  if (enrolment.status === 'certified') return;
  if (enrolment.status !== 'passed') {
    for (const [module, h] of Object.entries(hours)) await must('log hours', ctx.call('POST', `broker-enrolments/${enrolment.id}/hours`, { module, hours: h }, base.accessToken));
    await must('exam', ctx.call('POST', `broker-enrolments/${enrolment.id}/exam`, { score: 86 }, base.accessToken));
  }
  await must('certificate', ctx.call('POST', `broker-enrolments/${enrolment.id}/certificate`, {}, base.accessToken));
}

// ---- guide catalog and package: the platform lists the demo achievement in this year's catalog; the broker curates a package ----
registerDemoStep(async (ctx) => {
  const year = BeijingCalendar.partsOf(new Date()).year;
  const admin = ctx.admin.accessToken;
  const catalogs = await must<{ items: Array<{ id: string; year: number; industry: string }> }>('list catalogs', ctx.call('GET', 'guide-catalogs?pageSize=50'));
  if (!catalogs.items.some((c) => c.year === year && c.industry === 'energy-saving-environmental')) {
    const scr = await must<{ items: Array<{ id: string }> }>('find SCR', ctx.call('GET', `achievements?q=${encodeURIComponent('低温SCR')}&status=published`, undefined, admin));
    const created = await ctx.call('POST', 'guide-catalogs', { year, industry: 'energy-saving-environmental' }, admin);
    if (created.status === 201) {
      for (const a of scr.items.slice(0, 1)) await must('catalog entry', ctx.call('PUT', `guide-catalogs/${created.body.id}/entries`, { achievementId: a.id, note: '适用于钢铁烧结烟气超低排放改造，脱硝效率 > 90%' }, admin));
      await must('publish catalog', ctx.call('POST', `guide-catalogs/${created.body.id}/publish`, {}, admin));
    }
  }
  const tti = (await ctx.session('demo-tti@techbridge.demo', {})) as unknown as Session;
  const mine = await must<{ total: number }>('my packages', ctx.call('GET', 'packages?mine=true', undefined, tti.accessToken));
  if (mine.total) return;
  const hits = await must<{ items: Array<{ id: string }> }>('new-energy achievements', ctx.call('GET', 'search/achievements?industry=new-energy&pageSize=3'));
  if (hits.items.length < 2) return;
  const pkg = await must<{ id: string }>('create package', ctx.call('POST', 'packages', {
    title: '光伏与储能技术包（演示）', theme: '光伏发电与储能', industry: 'new-energy',
    description: '面向园区新能源企业的光伏、储能成果组合，可整体许可或分项转让。', achievementIds: hits.items.slice(0, 3).map((h) => h.id), targetParks: ['bd-hitech', 'sjz-hitech'],
  }, tti.accessToken));
  await must('publish package', ctx.call('POST', `packages/${pkg.id}/publish`, {}, tti.accessToken));
});

// ---- presenters: the demo university presents its achievement at the roadshow; the organiser accepts ----
registerDemoStep(async (ctx) => {
  const tti = (await ctx.session('demo-tti@techbridge.demo', {})) as unknown as Session;
  const uni = (await ctx.session('demo-tto@techbridge.demo', {})) as unknown as Session;
  const events = await must<{ items: Array<{ id: string; organiserId?: string; title: string }> }>('roadshows', ctx.call('GET', 'roadshows?pageSize=20'));
  const event = events.items.find((e) => e.title.includes('（演示）'));
  if (!event) return;
  const presentations = await must<Array<{ id: string; status: string }>>('presentations', ctx.call('GET', `roadshows/${event.id}/presentations`, undefined, tti.accessToken));
  if (presentations.length) return;
  const mine = await must<{ items: Array<{ id: string }> }>('university achievements', ctx.call('GET', `achievements?owner=${uni.organisation.id}&status=published`, undefined, uni.accessToken));
  for (const a of mine.items.slice(0, 1)) {
    const p = await must<{ id: string }>('apply to present', ctx.call('POST', `roadshows/${event.id}/presentations`, { achievementId: a.id }, uni.accessToken));
    await must('accept presenter', ctx.call('POST', `roadshows/${event.id}/presentations/${p.id}/decision`, { decision: 'accept' }, tti.accessToken));
  }
  const pkgs = await must<{ items: Array<{ id: string }> }>('packages', ctx.call('GET', 'packages?mine=true&status=published', undefined, tti.accessToken));
  for (const pk of pkgs.items.slice(0, 1)) {
    const p = await ctx.call('POST', `roadshows/${event.id}/presentations`, { packageId: pk.id }, tti.accessToken);
    if (p.status === 201 && p.body.status !== 'accepted') await ctx.call('POST', `roadshows/${event.id}/presentations/${p.body.id}/decision`, { decision: 'accept' }, tti.accessToken);
  }
});

// ---- deals: a registration institution (its manager reviews) registers three contracts sold into Hebei parks ----
registerDemoStep(async (ctx) => {
  const admin = ctx.admin.accessToken;
  const registrar = (await ctx.session('demo-registrar@techbridge.demo', {
    displayName: '登记处 赵审核',
    organisation: { name: '石家庄市技术合同登记处（演示）', type: 'registration-institution', creditCode: completeCreditCode('11130100MB0DEM080'), region: 'HE', divisionCode: '130100' },
  })) as unknown as Session;
  await verifyDemoOrganisation(ctx, registrar.organisation.id);
  await must('registration profile', ctx.call('PUT', `contracts/institutions/${registrar.organisation.id}/registration-profile`, { coveredDivisions: ['1301'], numberPrefix: '130999' }, admin));
  await grantRoles(ctx, registrar, ['reviewer']);
  const reviewer = (await ctx.session('demo-registrar@techbridge.demo', {})) as unknown as Session;

  const seller = (await ctx.session('demo-hebei-uni@techbridge.demo', {
    displayName: '科技处 李老师',
    organisation: { name: '河北京南工业大学（演示）', type: 'university', creditCode: completeCreditCode('12130100MB0DEM090'), region: 'HE', divisionCode: '130102', parkCode: 'bd-hitech' },
  })) as unknown as Session;
  // The seller publishes an achievement too, so its public profile shows both halves.
  const published = await must<{ total: number }>('seller achievements', ctx.call('GET', `achievements?owner=${seller.organisation.id}`, undefined, seller.accessToken));
  if (!published.total) {
    const a = await must<{ id: string }>('seller achievement', ctx.call('POST', 'achievements', {
      title: '高炉煤气余热高效回收与冷凝水治理技术',
      summary: '针对高炉煤气余压余热回收系统效率偏低、冬季管网冷凝水多的问题，提出换热器结构优化与冷凝水在线排除方案，回收效率提高12%，已在两座高炉应用。',
      keywords: ['余热回收', 'TRT', '冷凝水'], industry: 'energy-saving-environmental', field: 'energy-efficiency', trl: 7, transferModes: ['license'], askingPrice: 1_500_000,
      contact: { name: '李老师', email: 'kjc@example.edu.cn' },
    }, seller.accessToken));
    await must('submit', ctx.call('POST', `achievements/${a.id}/submit`, {}, seller.accessToken));
    await must('approve', ctx.call('POST', `achievements/${a.id}/approve`, { comment: '同意发布' }, admin));
  }
  const existing = await must<{ items: Array<{ title: string }> }>('contracts', ctx.call('GET', 'contracts?pageSize=50', undefined, seller.accessToken));
  const done = new Set(existing.items.map((c) => c.title));
  const steel = (await ctx.session('demo-steel@techbridge.demo', {})) as unknown as Session & { organisation: { name: string; creditCode?: string } };
  const tti = (await ctx.session('demo-tti@techbridge.demo', {})) as unknown as Session;
  const today = BeijingCalendar.partsOf(new Date());
  const day = `${today.year}-${String(today.month).padStart(2, '0')}-01`;
  const deals = [
    { title: '烧结烟气低温脱硝催化剂专利实施许可合同', type: 'license-patent', licenseScope: 'exclusive', contractAmount: 2_800_000, technologyAmount: 2_500_000, industry: 'energy-saving-environmental' },
    { title: '高炉煤气余热回收技术专利实施许可合同', type: 'license-patent', licenseScope: 'sole', contractAmount: 1_600_000, technologyAmount: 1_200_000, industry: 'energy-saving-environmental' },
    { title: '冷轧板表面缺陷视觉检测软件著作权许可合同', type: 'license-patent', licenseScope: 'ordinary', contractAmount: 350_000, technologyAmount: 350_000, industry: 'digital' },
  ];
  const pdf = '%PDF-1.4\n% signed contract (demo)\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
  for (const d of deals.filter((x) => !done.has(x.title))) {
    const c = await must<{ id: string }>('create contract', ctx.call('POST', 'contracts', {
      ...d, buyer: { organisationId: steel.organisation.id, name: steel.organisation.name, creditCode: '91130100MA0DEM001P', region: 'HE', legalPersonType: 'enterprise' },
      deductions: d.contractAmount > d.technologyAmount ? [{ kind: 'equipment', amount: d.contractAmount - d.technologyAmount, note: '配套设备' }] : [], signedOn: day, termFrom: day, termTo: `${today.year + 2}-12-31`, transferInstitutionId: tti.organisation.id,
    }, seller.accessToken));
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), '合同.pdf');
    const att = await fetch(`${ctx.base}/api/v1/contracts/${c.id}/attachment`, { method: 'POST', body: form, headers: { authorization: `Bearer ${seller.accessToken}` } });
    if (att.status !== 201) throw new Error(`demo: contract attachment failed (${att.status})`);
    await must('submit contract', ctx.call('POST', `contracts/${c.id}/submission`, {}, seller.accessToken), [202]);
    await waitFor(ctx, `contracts/${c.id}`, seller.accessToken, (b) => b.status === 'under-review');
    await must('register contract', ctx.call('POST', `contracts/${c.id}/registration`, {}, reviewer.accessToken), [202]);
    await waitFor(ctx, `contracts/${c.id}`, seller.accessToken, (b) => b.status === 'registered');
  }
});

export { DEMO_PASSWORD };
