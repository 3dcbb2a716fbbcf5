/**
 * Demo data for the technology market, innovation vouchers and finance pages, which would otherwise open empty:
 * listings on the market (two achievements and a package, reviewed by the platform), a buyer's intent, the Shijiazhuang
 * park's voucher programme with a service provider and an enterprise's voucher application, and the demo enterprise's
 * financing request for its own achievement. Everything goes through the public API with the same permissions and
 * state machines as a user; a second run finds what exists and skips it.
 */
import { BeijingCalendar } from '../libs/platform/src/calendar/beijing-calendar';
import { completeCreditCode } from '../libs/platform/src/validation/credit-code';
import { DemoContext, registerDemoStep } from './demo-seed';

type Session = { accessToken: string; user: { id: string; roles: string[] }; organisation: { id: string; name: string } };

async function must<T = any>(what: string, res: Promise<{ status: number; body: T }>, ok: number[] = [200, 201]): Promise<T> {
  const r = await res;
  if (!ok.includes(r.status)) throw new Error(`demo: ${what} failed (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body;
}

const signIn = async (ctx: DemoContext, email: string) => (await ctx.session(email, {})) as unknown as Session;

/** The organisation's first published achievement whose title contains `titlePart`, if any. */
async function publishedAchievement(ctx: DemoContext, s: Session, titlePart: string): Promise<{ id: string; title: string } | null> {
  const mine = await must<{ items: Array<{ id: string; title: string; status: string }> }>(
    'achievements',
    ctx.call('GET', `achievements?owner=${s.organisation.id}&status=published&pageSize=50`, undefined, s.accessToken),
  );
  return mine.items.find((a) => a.title.includes(titlePart)) ?? null;
}

// ---- market: two universities list their achievements, the transfer institution its package; the platform approves ----
registerDemoStep(async (ctx) => {
  const admin = ctx.admin.accessToken;
  const beijing = await signIn(ctx, 'demo-tto@techbridge.demo');
  const hebei = await signIn(ctx, 'demo-hebei-uni@techbridge.demo');
  const tti = await signIn(ctx, 'demo-tti@techbridge.demo');
  const steel = await signIn(ctx, 'demo-steel@techbridge.demo');
  const scr = await publishedAchievement(ctx, beijing, '低温SCR');
  const heat = await publishedAchievement(ctx, hebei, '余热');
  const pkgs = await must<{ items: Array<{ id: string; title: string }> }>('packages', ctx.call('GET', 'packages?mine=true&status=published', undefined, tti.accessToken));
  const offers: Array<{ owner: Session; subject: 'achievement' | 'package'; subjectId: string | undefined; terms: Record<string, unknown> }> = [
    {
      owner: beijing, subject: 'achievement', subjectId: scr?.id,
      terms: {
        transferMode: 'exclusive', territory: '河北省', termMonths: 60, price: 2_600_000, priceKind: 'asking',
        paymentTerms: '合同生效后 30 日内支付 40%，中试验收合格后支付 40%，稳定运行一年后支付余款 20%。', ipCovered: ['CN202110123456.7'],
        contact: { name: '技术转移中心 陈老师', phone: '010-00000000' }, listingDays: 20,
      },
    },
    {
      owner: hebei, subject: 'achievement', subjectId: heat?.id,
      terms: {
        transferMode: 'non-exclusive', territory: '中国大陆', termMonths: 36, price: 900_000, priceKind: 'asking',
        paymentTerms: '一次性支付许可费，含技术资料交付与现场指导 20 个工作日。', ipCovered: ['高炉煤气余热回收换热器结构（发明专利申请）'],
        contact: { name: '科技处 李老师', phone: '0312-00000000' }, listingDays: 20,
      },
    },
    {
      owner: tti, subject: 'package', subjectId: pkgs.items[0]?.id,
      terms: {
        transferMode: 'sole', territory: '京津冀地区', termMonths: 48, price: 3_800_000, priceKind: 'asking',
        paymentTerms: '按成果分项签订许可合同，首付 30%，其余按产业化里程碑支付。', ipCovered: ['技术包内各项成果的专利及技术秘密'],
        contact: { name: '路演部 刘经理', phone: '0312-00000001' }, listingDays: 30,
      },
    },
  ];
  for (const o of offers) {
    if (!o.subjectId) continue;
    const mine = await must<{ items: Array<{ subjectId: string }> }>(
      'my listings',
      ctx.call('GET', 'market/listings?scope=mine&pageSize=50', undefined, o.owner.accessToken),
    );
    if (mine.items.some((l) => l.subjectId === o.subjectId)) continue;
    const listing = await must<{ id: string }>('create listing', ctx.call('POST', 'market/listings', { subject: o.subject, subjectId: o.subjectId, ...o.terms }, o.owner.accessToken));
    await must('submit listing', ctx.call('POST', `market/listings/${listing.id}/transitions`, { action: 'submit' }, o.owner.accessToken));
    await must('approve listing', ctx.call('POST', `market/listings/${listing.id}/transitions`, { action: 'approve', comment: '材料齐全，权属清晰，同意挂牌' }, admin));
    // The steel works, which asked for exactly this in its demand, registers its intent to license the SCR catalyst.
    if (o.subjectId === scr?.id) {
      await must('register intent', ctx.call('POST', `market/listings/${listing.id}/intents`, {
        message: '我公司两台烧结机正在做超低排放改造，希望就独占许可的范围和中试配合方式进一步洽谈。', offeredPrice: 2_300_000,
      }, steel.accessToken));
    }
  }
});

// ---- vouchers: the Shijiazhuang park opens this year's programme; a testing lab registers as provider; the steel works applies ----
registerDemoStep(async (ctx) => {
  const park = await signIn(ctx, 'demo-park-sjz@techbridge.demo');
  const year = BeijingCalendar.partsOf(new Date()).year;
  const name = `石家庄高新区 ${year} 年度科技创新券`;
  const programmes = await must<{ items: Array<{ id: string; name: string }> }>('programmes', ctx.call('GET', 'voucher-programmes?pageSize=50'));
  let programme = programmes.items.find((p) => p.name === name);
  if (!programme) {
    const now = Date.now();
    programme = await must<{ id: string; name: string }>('voucher programme', ctx.call('POST', 'voucher-programmes', {
      name,
      budgetFen: 500_000_000, // 500 万元
      yearlyCapFen: 20_000_000, // 每家企业每年 20 万元
      faceValuesFen: [2_000_000, 5_000_000, 10_000_000],
      validityDays: 180,
      categories: ['technology-development', 'transfer-licence', 'testing-inspection', 'pilot-run', 'evaluation'],
      rules: [{ rule: 'sme-staff-max', figure: 500 }, { rule: 'sme-revenue-max', figure: 200_000_000 }, { rule: 'rd-share-min', figure: 3 }, { rule: 'ip-rights-min', figure: 1 }],
      rounds: [
        { opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 60 * 86_400_000).toISOString(), quotaFen: 300_000_000 },
        { opensAt: new Date(now + 90 * 86_400_000).toISOString(), closesAt: new Date(now + 150 * 86_400_000).toISOString(), quotaFen: 200_000_000 },
      ],
    }, park.accessToken));
  }
  const lab = (await ctx.session('demo-lab@techbridge.demo', {
    displayName: '检测中心 孙主任',
    organisation: { name: '河北京南检验检测技术有限公司（演示）', type: 'enterprise', creditCode: completeCreditCode('91130100MA0DEM0L1'), region: 'HE', parkCode: 'sjz-hitech' },
  })) as unknown as Session;
  const providers = await must<{ items: Array<{ orgId: string }> }>('providers', ctx.call('GET', 'service-providers?pageSize=100'));
  if (!providers.items.some((p) => p.orgId === lab.organisation.id)) {
    await must('register provider', ctx.call('POST', 'service-providers', {
      legalRepresentative: '孙建国', categories: ['testing-inspection', 'pilot-run', 'evaluation'], parkCode: 'sjz-hitech',
      description: 'CMA/CNAS 资质实验室，提供金属材料、环保设备性能检测与中试验证服务。',
    }, lab.accessToken));
  }
  const steel = await signIn(ctx, 'demo-steel@techbridge.demo');
  const vouchers = await must<{ items: Array<{ programmeId: string }> }>('my vouchers', ctx.call('GET', 'vouchers?as=enterprise&pageSize=50', undefined, steel.accessToken));
  if (!vouchers.items.some((v) => v.programmeId === programme!.id)) {
    const applied = await must<{ id: string; status: string }>('apply for a voucher', ctx.call('POST', 'vouchers', {
      programmeId: programme.id, requestedFen: 5_000_000, legalRepresentative: '张明',
      evidence: { staff: 380, revenueYuan: 150_000_000, rdSharePercent: 3.6, ipRights: 12 },
    }, steel.accessToken));
    // The screening passed: the park issues the voucher, so the enterprise has one to spend with a provider.
    if (applied.status === 'screened') await must('issue the voucher', ctx.call('POST', `vouchers/${applied.id}/issue`, {}, park.accessToken));
  }
});

// ---- finance: the steel works publishes its own slag heat-recovery achievement and seeks equity financing for it ----
registerDemoStep(async (ctx) => {
  const steel = await signIn(ctx, 'demo-steel@techbridge.demo');
  const title = '高炉渣干式粒化余热回收成套技术';
  let own = await publishedAchievement(ctx, steel, title);
  if (!own) {
    const a = await must<{ id: string; title: string }>('enterprise achievement', ctx.call('POST', 'achievements', {
      title,
      summary: '采用转杯离心干式粒化与多级换热，回收1450℃高炉熔渣显热，吨渣回收蒸汽约0.25吨，粒化渣玻璃体含量大于92%可作水泥掺合料，较水淬工艺节水约1吨/吨渣，已在本公司1080m³高炉完成工业试验。',
      keywords: ['高炉渣', '干式粒化', '余热回收', '节水'], industry: 'energy-saving-environmental', field: 'energy-efficiency', trl: 6,
      transferModes: ['license'], contact: { name: '技术部 王工', email: 'tech@example.com' },
    }, steel.accessToken));
    await must('submit achievement', ctx.call('POST', `achievements/${a.id}/submit`, {}, steel.accessToken));
    await must('approve achievement', ctx.call('POST', `achievements/${a.id}/approve`, { comment: '材料齐全，同意发布' }, ctx.admin.accessToken));
    own = a;
  }
  const requests = await must<{ items: Array<{ title: string }> }>('financing requests', ctx.call('GET', 'financing-requests?pageSize=50', undefined, steel.accessToken));
  const financing = '高炉渣干式粒化余热回收产业化项目 A 轮股权融资';
  if (requests.items.some((r) => r.title === financing)) return;
  const r = await must<{ id: string }>('financing request', ctx.call('POST', 'financing-requests', {
    title: financing,
    summary: '拟设立项目公司，将已完成工业试验的高炉渣干式粒化余热回收技术推广到河北省内钢铁企业，首期建设两套示范装置，预计年回收蒸汽12万吨。',
    amount: 30_000_000, stage: 'a', industry: 'energy-saving-environmental', valuation: 120_000_000,
    useOfFunds: '示范装置建设60%，关键设备国产化研发25%，市场推广与运营15%。', achievementIds: [own.id],
  }, steel.accessToken));
  await must('publish financing request', ctx.call('POST', `financing-requests/${r.id}/publish`, {}, steel.accessToken));
});
