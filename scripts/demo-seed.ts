/**
 * Demo data, loaded through the public API so it passes the same validation and permissions as a user.
 * Idempotent: a second run finds the demo organisations and skips what exists.
 * Each context adds its part as a step below.
 */
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
    const created = await call('POST', 'auth/sign-up', { email, password: DEMO_PASSWORD, ...signUp });
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
registerDemoStep(async ({ call, session }) => {
  const tti = await session('demo-tti@techbridge.demo', {
    displayName: '路演部 刘经理',
    organisation: { name: '京南示范区技术转移中心（演示）', type: 'transfer-institution', creditCode: '51130100MA0DEM05RB', region: 'HE', parkCode: 'gaobeidian-innovation' },
  });
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
  // The last completed quarter, by Beijing date.
  const local = new Date(Date.now() + 8 * 3600_000);
  const current = Math.floor(local.getUTCMonth() / 3) + 1;
  const quarter = current === 1 ? `${local.getUTCFullYear() - 1}Q4` : `${local.getUTCFullYear()}Q${current - 1}`;
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
  for (const e of entries.body as Array<{ id: string }>) await call('POST', `monitoring/entries/${e.id}/approve`, {}, admin.accessToken);
  const published = await call('POST', `monitoring/quarters/${quarter}/publish`, {}, admin.accessToken);
  if (published.status !== 200) throw new Error(`demo: monitoring publish failed: ${JSON.stringify(published.body)}`);
  await call('POST', `monitoring/innovation-index/${quarter.slice(0, 4)}/compute`, {}, admin.accessToken);
});
