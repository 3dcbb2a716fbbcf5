/**
 * Demo policies and news: a policy text with its online interpretation (线上解读), an announcement and a success story,
 * published by the platform administrator through the public API. A second run finds them by title and skips.
 */
import { DemoContext, registerDemoStep } from './demo-seed';

const POLICY_TITLE = '京南科技成果转化示范区促进技术转移若干措施（试行）';

const ARTICLES: Array<{ kind: string; title: string; source?: string; bodyHtml: string; interprets?: boolean }> = [
  {
    kind: 'policy',
    title: POLICY_TITLE,
    source: '京南示范区管理委员会 京南管〔2026〕8号',
    bodyHtml:
      '<h2>第一条 技术合同奖补</h2><p>对在示范区登记的技术开发、技术转让、技术许可合同，按技术交易额的 <strong>3%</strong> 给予卖方奖补，单个合同最高 50 万元。</p>' +
      '<h2>第二条 中试熟化</h2><p>支持园区建设概念验证中心和中试熟化平台，按设备投入的 30% 给予补助。</p>' +
      '<h2>第三条 技术经纪人</h2><ul><li>促成京津成果在河北落地转化的，按成交额给予技术经纪人奖励；</li><li>年度考核优秀的技术转移机构给予运营补贴。</li></ul>',
  },
  {
    kind: 'interpretation',
    title: '一图读懂：技术合同奖补怎么申请',
    source: '京南示范区科技创新局',
    interprets: true,
    bodyHtml: '<p>登记技术合同后，平台按规则自动计算奖补金额，园区审核后发放。</p><h2>谁可以申请</h2><p>在示范区登记技术合同的卖方单位。</p><h2>怎么申请</h2><p>在“技术合同”中提交登记，审核通过即进入奖补计算。</p>',
  },
  {
    kind: 'announcement',
    title: '关于举办 2026 年新能源专场成果路演的通知',
    source: '京南示范区科技创新局',
    bodyHtml: '<p>为促进京津高校院所新能源成果在河北转化，定于 12 月中旬举办专场路演，欢迎园区企业报名参加一对一洽谈。</p>',
  },
  {
    kind: 'success-story',
    title: '钢铁企业烧结烟气脱硝技术落地沧州',
    bodyHtml: '<p>通过平台匹配，北京某高校的低温 SCR 脱硝催化剂技术与沧州一家钢铁企业达成技术许可，合同额 380 万元，已完成中试。</p>',
  },
];

registerDemoStep(async (ctx: DemoContext) => {
  const token = ctx.admin.accessToken;
  const existing = await ctx.call<{ items: Array<{ id: string; title: string }> }>('GET', 'content/manage?pageSize=100', undefined, token);
  const byTitle = new Map((existing.body?.items ?? []).map((a) => [a.title, a.id]));
  let policyId = byTitle.get(POLICY_TITLE) ?? null;
  for (const a of ARTICLES) {
    if (byTitle.has(a.title)) continue;
    const created = await ctx.call<{ id: string }>('POST', 'content', { kind: a.kind, title: a.title, source: a.source, bodyHtml: a.bodyHtml, policyId: a.interprets ? policyId : undefined }, token);
    if (created.status !== 201) throw new Error(`demo: article "${a.title}" failed: ${JSON.stringify(created.body)}`);
    const published = await ctx.call('POST', `content/${created.body.id}/transitions`, { action: 'publish' }, token);
    if (published.status !== 200) throw new Error(`demo: publishing "${a.title}" failed: ${JSON.stringify(published.body)}`);
    if (a.kind === 'policy') policyId = created.body.id;
  }
});
