/**
 * Demo data, loaded through the public API so it passes the same validation and permissions as a user.
 * Idempotent: a second run finds the demo organisations and skips what exists.
 * Each context adds its part as a step below.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BeijingCalendar } from '../libs/platform/src/calendar/beijing-calendar';
import { acceptingCurrentAgreements } from '../libs/identity/src/legal/legal-documents';

export interface DemoContext {
  base: string;
  admin: { accessToken: string };
  call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** Sign in, or sign up when the account does not exist yet. */
  session(email: string, signUp: Record<string, unknown>): Promise<{ accessToken: string; organisation: { id: string } }>;
}

export type DemoStep = (ctx: DemoContext) => Promise<void>;

export const DEMO_PASSWORD = 'Demo-pass-2026';

const steps: DemoStep[] = [];

export async function seedDemoData(base: string, admin: { email: string; password: string }): Promise<void> {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}/api/v1/${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const signIn = await call('POST', 'auth/sign-in', admin);
  if (signIn.status !== 200) throw new Error(`demo: admin sign-in failed (${signIn.status})`);
  const session: DemoContext['session'] = async (email, signUp) => {
    const existing = await call('POST', 'auth/sign-in', { email, password: DEMO_PASSWORD });
    if (existing.status === 200) return existing.body;
    const created = await call('POST', 'auth/sign-up', { email, password: DEMO_PASSWORD, agreements: acceptingCurrentAgreements(), ...signUp });
    if (created.status !== 201) throw new Error(`demo: sign-up of ${email} failed: ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const ctx: DemoContext = { base, admin: signIn.body, call, session };
  for (const step of steps) await step(ctx);
  console.log(`demo data ready (${steps.length} step(s))`);
}

export function registerDemoStep(step: DemoStep): void {
  steps.push(step);
}

/** Park administrations and institutions start unverified: the platform administrator verifies the demo ones (409 = already verified). */
export async function verifyDemoOrganisation(ctx: Pick<DemoContext, 'call' | 'admin'>, orgId: string): Promise<void> {
  const res = await ctx.call('POST', `organisations/${orgId}/verify`, { note: '演示数据 / demo data' }, ctx.admin.accessToken);
  if (res.status !== 200 && res.status !== 409) throw new Error(`demo: verifying ${orgId} failed: ${JSON.stringify(res.body)}`);
}

// ---- catalog: the platform imports a registry of 156 published achievements (the matching dev set), and a Beijing
// university publishes one more through review, so search, matching and packages have something to show ----
registerDemoStep(async ({ base, call, session, admin }) => {
  const existing = await call('GET', 'achievements?source=matching-devset&externalId=A001', undefined, admin.accessToken);
  if (!existing.body?.total) {
    const file = path.resolve(__dirname, '../../test/fixtures/matching/achievements.jsonl');
    const body = readFileSync(existsSync(file) ? file : path.resolve(__dirname, '../test/fixtures/matching/achievements.jsonl'));
    const res = await fetch(`${base}/api/v1/imports/achievements?publish=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${admin.accessToken}` },
      body,
    });
    if (res.status !== 202) throw new Error(`demo: achievement import failed: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    for (let i = 0; i < 240; i++) {
      const job = await call('GET', `imports/${id}`, undefined, admin.accessToken);
      if (job.body?.status === 'done' || job.body?.status === 'failed') {
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const university = await session('demo-tto@techbridge.demo', {
    displayName: '技术转移中心 陈老师',
    organisation: { name: '北京京南理工大学（演示）', type: 'university', creditCode: '12110000MB0DEM001H', region: 'BJ' },
  });
  const mine = await call('GET', `achievements?owner=${university.organisation.id}`, undefined, university.accessToken);
  if (mine.body?.total) return;
  const created = await call('POST', 'achievements', {
    title: '烧结烟气低温SCR脱硝催化剂及工艺',
    summary: '自主研发的钒钛系低温SCR脱硝催化剂，在180-220℃温度窗口下脱硝效率大于90%，氨逃逸低于3ppm，适用于钢铁烧结机头烟气超低排放改造，已在两条产线完成中试。',
    keywords: ['低温SCR', '脱硝', '烧结烟气', '超低排放'], industry: 'energy-saving-environmental', field: 'air-pollution', trl: 7,
    transferModes: ['license', 'transfer'], askingPrice: 2_500_000, patents: ['CN202110123456.7'], fundingSource: 'national-program',
    contact: { name: '陈老师', email: 'tto@example.edu.cn' },
  }, university.accessToken);
  if (created.status !== 201) throw new Error(`demo: achievement failed: ${JSON.stringify(created.body)}`);
  // A (tiny) test report as attachment, so the detail page shows the download list.
  const form = new FormData();
  const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), '中试检测报告.pdf');
  const attached = await fetch(`${base}/api/v1/achievements/${created.body.id}/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${university.accessToken}` } });
  if (attached.status !== 201) throw new Error(`demo: attachment failed: ${attached.status} ${await attached.text()}`);
  await call('POST', `achievements/${created.body.id}/submit`, {}, university.accessToken);
  const approved = await call('POST', `achievements/${created.body.id}/approve`, { comment: '材料齐全，同意发布' }, admin.accessToken);
  if (approved.status !== 200 && approved.status !== 201) throw new Error(`demo: approval failed: ${JSON.stringify(approved.body)}`);
});

// ---- demand: an enterprise in a Hebei park with three published demands, one per visibility level ----
registerDemoStep(async ({ call, session }) => {
  const steel = await session('demo-steel@techbridge.demo', {
    displayName: '技术部 王工',
    organisation: { name: '河北京南钢铁有限公司（演示）', type: 'enterprise', creditCode: '91130100MA0DEM001P', region: 'HE', parkCode: 'sjz-hitech' },
  });
  const deadline = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const demands = [
    {
      externalId: 'demo-d1', visibility: 'public', title: '烧结机头烟气氮氧化物经常超标',
      description: '两台烧结机机头烟气氮氧化物排放经常超过超低排放限值，现有SCR温度窗口不匹配，希望引进低温脱硝或脱硫脱硝一体化技术。',
      keywords: ['烧结烟气', '脱硝', '超低排放'], industry: 'energy-saving-environmental', field: 'air-pollution', minTrl: 6, budget: 3_000_000,
      cooperationModes: ['transfer', 'joint-development'],
    },
    {
      externalId: 'demo-d2', visibility: 'members', title: '高炉煤气余热回收效率低',
      description: '高炉煤气余压余热回收系统效率偏低，冬季管网冷凝水多，需要提高回收效率并降低维护成本的技术方案。',
      keywords: ['余热回收', 'TRT'], industry: 'energy-saving-environmental', field: 'energy-efficiency', minTrl: 5, budget: 1_200_000,
      cooperationModes: ['license', 'consulting'],
    },
    {
      externalId: 'demo-d3', visibility: 'brokers', title: '冷轧板表面缺陷在线检测',
      description: '冷轧产线表面划伤、辊印等缺陷靠人工抽检，漏检率高，需要基于机器视觉的在线检测系统（涉及未公开工艺参数，仅向经纪人公开）。',
      keywords: ['机器视觉', '缺陷检测'], industry: 'digital', field: 'artificial-intelligence', minTrl: 7, budget: null,
      cooperationModes: ['joint-development'],
    },
  ];
  for (const d of demands) {
    const existing = await call('GET', `demands?source=demo&externalId=${d.externalId}`, undefined, steel.accessToken);
    if (existing.body?.total) continue;
    const created = await call('POST', 'demands', { ...d, source: 'demo', park: 'sjz-hitech', deadline, enterprise: { qualifications: ['high-tech', 'listed'] }, contact: { name: '王工', phone: '0311-00000000' } }, steel.accessToken);
    if (created.status !== 201) throw new Error(`demo: demand ${d.externalId} failed: ${JSON.stringify(created.body)}`);
    await call('POST', `demands/${created.body.id}/publish`, {}, steel.accessToken);
  }
});

// ---- roadshow: a transfer institution plans a large matchmaking event next month, registration open ----
registerDemoStep(async ({ call, session, admin }) => {
  const tti = await session('demo-tti@techbridge.demo', {
    displayName: '路演部 刘经理',
    organisation: { name: '京南示范区技术转移中心（演示）', type: 'transfer-institution', creditCode: '51130100MA0DEM05RB', region: 'HE', parkCode: 'gaobeidian-innovation' },
  });
  await verifyDemoOrganisation({ call, admin }, tti.organisation.id);
  const title = '京南示范区新能源与数字经济成果路演（演示）';
  const existing = await call('GET', `roadshows?pageSize=100`, undefined, tti.accessToken);
  if ((existing.body?.items ?? []).some((e: { title: string }) => e.title === title)) return;
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const created = await call(
    'POST',
    'roadshows',
    {
      title,
      description: '新能源、数字经济领域成果集中路演与一对一精准对接；企业可预约“必须见面”和“希望见面”的成果方，系统按匹配度排定洽谈桌次。',
      themeIndustries: ['new-energy', 'digital'],
      parkCode: 'gaobeidian-innovation',
      venue: '高碑店市创新中心 3 楼报告厅',
      days: [{ date: day, opensAt: '09:00', closesAt: '17:00' }],
      slotMinutes: 20,
      tableCount: 20,
      capacity: 120,
      sessionRooms: 2,
      large: true,
      registrationOpensAt: new Date().toISOString(),
      registrationClosesAt: new Date(Date.now() + 25 * 86_400_000).toISOString(),
    },
    tti.accessToken,
  );
  if (created.status !== 201) throw new Error(`demo: roadshow failed: ${JSON.stringify(created.body)}`);
  await call('POST', `roadshows/${created.body.id}/transitions`, { action: 'open-registration' }, tti.accessToken);
});

// ---- monitoring: a park administration reports the last completed quarter; staff approve, publish and compute the year's index ----
registerDemoStep(async ({ call, session, admin }) => {
  const park = await session('demo-park-sjz@techbridge.demo', {
    displayName: '经发局 统计科',
    organisation: { name: '石家庄国家高新区管委会（演示）', type: 'park-administration', creditCode: '11130100MB0DEM0706', region: 'HE', parkCode: 'sjz-hitech' },
  });
  await verifyDemoOrganisation({ call, admin }, park.organisation.id);
  // The last completed quarter, by Beijing date.
  const now = BeijingCalendar.partsOf(new Date());
  const quarter = now.quarter === 1 ? `${now.year - 1}Q4` : `${now.year}Q${now.quarter - 1}`;
  const existing = await call('GET', `monitoring/quarters/${quarter}`, undefined, admin.accessToken);
  if (existing.status === 200 && existing.body.status === 'published') return;
  if (existing.status === 404) await call('POST', 'monitoring/quarters', { quarter }, admin.accessToken);
  const entries = await call('PUT', `monitoring/quarters/${quarter}/parks/sjz-hitech/entries`, {
    entries: [
      { indicator: 'rd-spending-share', value: 3.2 }, { indicator: 'invention-patents-per-10k', value: 28.5 }, { indicator: 'high-tech-enterprises', value: 412 },
      { indicator: 'tech-smes', value: 1860 }, { indicator: 'incubators', value: 9 }, { indicator: 'maker-spaces', value: 23 },
    ],
  }, park.accessToken);
  if (entries.status !== 200) throw new Error(`demo: monitoring entries failed: ${JSON.stringify(entries.body)}`);
  // A second park reports too, so the index ranks more than one park (the others show as "no data").
  const baoding = await session('demo-park-bd@techbridge.demo', {
    displayName: '科技局 统计科',
    organisation: { name: '保定国家高新区管委会（演示）', type: 'park-administration', creditCode: '11130600MB0DEM0700', region: 'HE', parkCode: 'bd-hitech' },
  });
  await verifyDemoOrganisation({ call, admin }, baoding.organisation.id);
  const second = await call('PUT', `monitoring/quarters/${quarter}/parks/bd-hitech/entries`, {
    entries: [
      { indicator: 'rd-spending-share', value: 2.6 }, { indicator: 'invention-patents-per-10k', value: 19.4 }, { indicator: 'high-tech-enterprises', value: 268 },
      { indicator: 'tech-smes', value: 1210 }, { indicator: 'incubators', value: 6 }, { indicator: 'maker-spaces', value: 15 },
    ],
  }, baoding.accessToken);
  if (second.status !== 200) throw new Error(`demo: monitoring entries (Baoding) failed: ${JSON.stringify(second.body)}`);
  for (const e of [...(entries.body as Array<{ id: string }>), ...(second.body as Array<{ id: string }>)]) await call('POST', `monitoring/entries/${e.id}/approve`, {}, admin.accessToken);
  const published = await call('POST', `monitoring/quarters/${quarter}/publish`, {}, admin.accessToken);
  if (published.status !== 200) throw new Error(`demo: monitoring publish failed: ${JSON.stringify(published.body)}`);
  await call('POST', `monitoring/innovation-index/${quarter.slice(0, 4)}/compute`, {}, admin.accessToken);
});
