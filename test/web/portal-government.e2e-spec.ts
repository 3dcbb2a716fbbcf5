import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { createDemand } from '../demand/demand-helpers';
import { seedContracts } from '../monitoring/monitoring-fixtures';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { addMember, ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, randomCreditCode, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { startTestSmtp, TestSmtp } from '../support/test-smtp';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * What a government reviewer checks first (issue 14), in Debian's headless Chromium against the real api + worker:
 * the defects seen are gone (asserted on the text users read), the statistics charts draw real figures, a saved search
 * alerts by e-mail through a real SMTP server, a policy published in the editor is found by search, the footer and the
 * agreements at sign-up, and the phone layout.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
const SITE = { SITE_HOST_ORGANISATION: '京南科技成果转化示范区管理委员会', SITE_CONTACT: '0311-8888 6666 · service@jingnan.example.cn', SITE_ICP_NUMBER: '冀ICP备20260001号-1' };
const RUN = Date.now().toString(36);
const POLICY_TITLE = `京南示范区概念验证中心建设支持办法 ${RUN}`;

jest.setTimeout(600_000);

describe('portal for a government zone: words, charts, alerts, policies (Chromium e2e)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let admin: Session;
  let university: Session;
  const memberEmail = `member-${RUN}@example.cn`;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startTestSmtp();
    t = await createTestApp({ worker: true, env: { SMTP_URL: smtp.url, ...SITE }, beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await signInAdmin(t.api);
    university = await signUpOrganisation(t.api, 'university', { name: `河北京南门户测试大学${RUN}`, region: 'HE' });
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1366, height: 900 },
      timeout: 180_000,
      locale: 'zh-CN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
    await smtp?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const bodyText = () => page.locator('body').innerText();

  async function signIn(email: string, password: string) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
  }

  async function signOutIfSignedIn() {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('site-footer').waitFor();
    if ((await page.locator('[data-testid="who"]').count()) === 0) return;
    // On a phone the account tools fold behind the menu button.
    if (!(await page.getByRole('button', { name: '退出' }).isVisible())) await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录' }).first().waitFor();
  }

  it('the footer names the host organisation, contact and ICP number from configuration; sign-up requires the agreements and records their versions', async () => {
    await page.goto(`${baseUrl}/`);
    const footer = page.getByTestId('site-footer');
    await footer.getByTestId('footer-host').waitFor();
    expect(await footer.getByTestId('footer-host').innerText()).toBe(`主办单位：${SITE.SITE_HOST_ORGANISATION}`);
    expect(await footer.getByTestId('footer-contact').innerText()).toContain(SITE.SITE_CONTACT);
    expect(await footer.getByTestId('footer-icp').innerText()).toBe(SITE.SITE_ICP_NUMBER);
    expect(await footer.getByTestId('footer-icp').getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    await footer.getByRole('link', { name: '用户服务协议' }).click();
    await page.getByRole('heading', { level: 1, name: /用户服务协议/ }).waitFor();

    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('电子邮箱').fill(memberEmail);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByLabel('姓名').fill('李工');
    await page.getByLabel('机构名称').fill(`沧州门户测试装备有限公司${RUN}`);
    await page.getByLabel('机构类型').selectOption('enterprise');
    await page.getByLabel('统一社会信用代码').fill(randomCreditCode('91130900'));
    await page.getByLabel('所在地区').selectOption('HE');
    // Without accepting the agreements, nothing is sent.
    await page.getByRole('button', { name: '注册' }).last().click();
    await page.getByText('请阅读并同意《用户服务协议》和《隐私政策》').first().waitFor();
    expect(await page.locator('[data-testid="who"]').count()).toBe(0);
    await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await page.getByRole('button', { name: '注册' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
    const accepted = await t.db.dataSource.query(
      `SELECT a.document, a.version, a.accepted_at FROM agreement_acceptance a JOIN app_user u ON u.id = a.user_id WHERE u.email = $1 ORDER BY a.document`,
      [memberEmail],
    );
    expect(accepted.map((r: { document: string }) => r.document)).toEqual(['privacy-policy', 'user-agreement']);
    for (const r of accepted) {
      expect(r.version).toMatch(/\S/);
      expect(Math.abs(new Date(r.accepted_at).getTime() - Date.now())).toBeLessThan(10 * 60_000);
    }
  });

  it('a wrong password and an unreachable api are reported in Chinese, never as "Wrong e-mail or password" or "Failed to fetch"', async () => {
    await signOutIfSignedIn();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(ADMIN_EMAIL);
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.getByText('邮箱或密码不正确').first().waitFor();
    expect(await bodyText()).not.toContain('Wrong e-mail or password');

    // The api goes away: every call fails at the network level.
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    try {
      await page.getByRole('button', { name: '登录' }).last().click();
      await page.getByText('暂时无法连接平台服务，请检查网络后重试').first().waitFor();
      await page.goto(`${baseUrl}/profiles`);
      await page.getByRole('alert').filter({ hasText: /暂时无法连接平台服务|平台服务暂时不可用/ }).first().waitFor();
      expect(await bodyText()).not.toMatch(/Failed to fetch|NetworkError|TypeError/);
    } finally {
      await page.unroute('**/api/v1/**');
    }
  });

  it('notices and empty states say the right thing: a members-only demand (no doubled 仅), a university without matching demands, dates in one Chinese format', async () => {
    // A university's published achievement while no demand is published: the empty state speaks of demands.
    const achievementId = await publishAchievement(t.api, university, admin, {
      title: `古建筑木构件无损检测技术 ${RUN}`, keywords: ['古建筑', '无损检测'], industry: 'new-materials', field: null,
      summary: '基于超声与红外热成像的古建筑木构件内部缺陷无损检测方法，定位精度达到厘米级，已用于多处文物保护工程的勘察。',
    });
    await signIn(university.user.email, 'Passw0rd-Strong');
    await page.goto(`${baseUrl}/workspace/achievements`);
    const row = page.getByRole('row').filter({ hasText: `古建筑木构件无损检测技术 ${RUN}` });
    await row.getByRole('button', { name: '查看匹配需求' }).click();
    const matches = page.locator(`#demand-matches-${achievementId}`);
    await matches.getByTestId('empty-state').waitFor();
    expect(await matches.innerText()).toContain('暂时没有与该成果匹配的企业需求');
    expect(await matches.innerText()).not.toMatch(/成果匹配的科技成果|no matching achievements/i);

    // A demand open to members only: the notice says so once (zh) and in plain English.
    const enterprise = await signUpOrganisation(t.api, 'enterprise', { name: `唐山门户测试钢铁${RUN}` });
    const demand = await createDemand(t.api, enterprise, { title: `高炉煤气余热回收效率提升需求 ${RUN}`, visibility: 'members' });
    await signOutIfSignedIn();
    await page.goto(`${baseUrl}/demands/${demand.id}`);
    await page.getByText('该需求仅对注册会员公开详细内容。').waitFor();
    expect(await bodyText()).not.toContain('仅对仅');
    await page.getByTestId('lang-switch').click();
    await page.getByText('The details of this demand are open to registered members only.').waitFor();
    expect(await bodyText()).not.toMatch(/only only/i);
    await page.getByTestId('lang-switch').click();
    await page.getByText('该需求仅对注册会员公开详细内容。').waitFor();

    // Dates: 2026年12月7日, full-width colons, never an ISO date or a half-width colon after a Chinese label.
    await page.goto(`${baseUrl}/achievements/${achievementId}`);
    await page.getByRole('heading', { level: 1, name: `古建筑木构件无损检测技术 ${RUN}` }).waitFor();
    const text = await bodyText();
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]: /);
  });

  it('an administrator writes a policy in the editor and publishes it; the public finds it by a word of its text; the audit log shows labels, not codes', async () => {
    await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: '资讯发布' }).click();
    await page.getByRole('heading', { level: 1, name: '政策资讯发布' }).waitFor();
    await page.getByLabel('类别').selectOption('policy');
    await page.getByLabel('标题', { exact: true }).fill(POLICY_TITLE);
    await page.getByLabel('发文机关与文号').fill('京南示范区管理委员会 京南管〔2026〕15号');
    await page.getByRole('textbox', { name: '正文', exact: true }).fill('对园区新建的概念验证中心，按设备投入的百分之三十给予补助，单个中心最高二百万元。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存。').waitFor();
    // A draft is not public yet.
    expect((await t.api.get('content', { query: { q: '概念验证中心' } })).body.items).toHaveLength(0);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '归档', exact: true }).waitFor();
    await shot('content-editor');
    await t.drain();

    // The audit log names what happened in words.
    await page.goto(`${baseUrl}/workspace/admin`);
    const published = page.locator('td[data-action="content.publish"]').first();
    await published.waitFor();
    expect(await published.innerText()).toBe('发布政策资讯');
    expect(await page.getByRole('region', { name: '审计日志' }).innerText()).not.toMatch(/content\.(publish|create)|content-article/);
    await signOutIfSignedIn();

    await page.getByTestId('site-footer').getByRole('link', { name: '政策资讯' }).click();
    await page.getByRole('heading', { level: 1, name: '政策资讯' }).waitFor();
    await page.getByLabel('搜索政策资讯').fill('概念验证');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    const results = page.getByTestId('content-results');
    await results.getByRole('link', { name: POLICY_TITLE }).waitFor();
    expect(await results.locator('mark').first().innerText()).toContain('概念验证');
    expect(await results.innerText()).toMatch(/政策文件 \d{4}年\d{1,2}月\d{1,2}日/);
    // The kind filter: not among the announcements.
    await page.getByRole('tab', { name: '通知公告' }).click();
    await page.getByText(/没有找到与“概念验证”相关的政策资讯/).waitFor();
    await page.getByRole('tab', { name: '政策文件' }).click();
    await results.getByRole('link', { name: POLICY_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: POLICY_TITLE }).waitFor();
    const article = page.getByTestId('article');
    expect(await article.innerText()).toContain('单个中心最高二百万元');
    expect(await article.innerText()).toMatch(/发布日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await article.innerText()).toContain('发文机关：京南示范区管理委员会 京南管〔2026〕15号');
    await shot('content-article');
  });

  it('a repealed policy stays on the site marked 已废止 with its date: in the list, in search results and on its page', async () => {
    const title = `京南示范区技术转移奖补暂行办法（2019年版）${RUN}`;
    const created = await t.api.post('content', { kind: 'policy', title, source: '京南管〔2019〕3号', bodyHtml: '<p>对技术转移机构按促成交易额给予奖补，本办法自印发之日起施行。</p>' }, { token: admin.accessToken });
    expect(created.status).toBe(201);
    await t.api.post(`content/${created.body.id}/transitions`, { action: 'publish' }, { token: admin.accessToken });
    const archived = await t.api.post(`content/${created.body.id}/transitions`, { action: 'archive' }, { token: admin.accessToken });
    expect(archived.body.repealedAt).not.toBeNull();
    await t.drain();
    await signOutIfSignedIn();

    await page.goto(`${baseUrl}/policies?kind=policy`);
    const results = page.getByTestId('content-results');
    const card = results.locator('li', { has: page.getByRole('link', { name: title }) });
    await card.waitFor();
    expect(await card.getByTestId('repealed-mark').innerText()).toMatch(/^已废止 \d{4}年\d{1,2}月\d{1,2}日废止$/);
    // Search finds it, still marked.
    await page.getByLabel('搜索政策资讯').fill('促成交易额');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await results.getByRole('link', { name: title }).waitFor();
    expect(await results.getByTestId('repealed-mark').innerText()).toContain('已废止');
    await results.getByRole('link', { name: title }).click();
    const article = page.getByTestId('article');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await article.getByTestId('repealed-mark').innerText()).toContain('已废止');
    expect(await article.innerText()).toMatch(/本政策已于\d{4}年\d{1,2}月\d{1,2}日废止，原文仅供查阅/);
    await shot('content-repealed');
  });

  it('the expert directory lists experts by field without personal contact data; a signed-in user asks for contact and the institution is notified', async () => {
    const expert = await t.api.post('experts', { name: `张华${RUN}`, title: '研究员', fields: ['hydrogen'], bio: '固态储氢材料与储氢罐设计。' }, { token: university.accessToken });
    expect(expert.status).toBe(201);
    const asker = await signUpOrganisation(t.api, 'enterprise', { name: `京南氢能装备公司${RUN}`, region: 'HE' });
    await signOutIfSignedIn();

    await page.goto(`${baseUrl}/experts?field=hydrogen`);
    const list = page.getByTestId('experts');
    await list.getByRole('link', { name: `张华${RUN}` }).waitFor();
    expect(await list.innerText()).not.toMatch(/@|电话|\d{11}/);
    // Also on the university's public profile.
    await page.goto(`${baseUrl}/profiles/${university.organisation.id}`);
    await page.getByTestId('profile-experts').getByRole('link', { name: `张华${RUN}` }).waitFor();

    await page.getByTestId('profile-experts').getByRole('link', { name: `张华${RUN}` }).click();
    await page.getByRole('heading', { level: 1, name: `张华${RUN}` }).waitFor();
    await page.getByText('登录后可提交联系申请。').waitFor();
    await signIn(asker.user.email, 'Passw0rd-Strong');
    await page.goto(`${baseUrl}/experts/${expert.body.id}`);
    await page.getByLabel('交流事项').fill('希望就车载储氢罐轻量化开展中试合作。');
    await page.getByRole('button', { name: '提交联系申请' }).click();
    await page.getByText(`联系申请已发送给${university.organisation.name}`).waitFor();
    await t.deliver();
    const inbox = await t.api.get('notifications', { token: university.accessToken });
    expect(inbox.body.items.find((n: { kind: string }) => n.kind === 'expert.contact-request')).toMatchObject({ body: { zh: '希望就车载储氢罐轻量化开展中试合作。' } });
    await shot('experts');
    await signOutIfSignedIn();
  });

  it('the statistics page opens on the computed year and draws its charts with data: ranking with dimension legend, trends, contract amounts; parks without data are not ranked; targets in 亿元', async () => {
    const quarter = '2026Q3';
    const parks = [
      { code: 'sjz-hitech', values: [3.2, 28.5, 412, 1860, 9, 23] },
      { code: 'bd-hitech', values: [2.6, 19.4, 268, 1210, 6, 15] },
    ];
    const indicators = ['rd-spending-share', 'invention-patents-per-10k', 'high-tech-enterprises', 'tech-smes', 'incubators', 'maker-spaces'];
    const opened = await t.api.post('monitoring/quarters', { quarter }, { token: admin.accessToken });
    expect([201, 409]).toContain(opened.status);
    for (const p of parks) {
      const parkAdmin = await signUpOrganisation(t.api, 'park-administration', { parkCode: p.code });
      await verifyOrganisation(t.api, parkAdmin.organisation.id);
      const entries = await t.api.put(`monitoring/quarters/${quarter}/parks/${p.code}/entries`, { entries: indicators.map((indicator, i) => ({ indicator, value: p.values[i] })) }, { token: parkAdmin.accessToken });
      expect(entries.status).toBe(200);
      for (const e of entries.body as Array<{ id: string }>) expect((await t.api.post(`monitoring/entries/${e.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    }
    // Registered contracts of the quarter: Beijing → Hebei, 2.5 亿元 in all.
    await seedContracts(t.db.dataSource, { orgId: university.organisation.id, userId: university.user.id }, [
      { park: 'sjz-hitech', type: 'development-commissioned', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: '200000000.00', technologyAmount: '180000000.00', registeredAt: '2026-08-12T03:00:00Z' },
      { park: 'bd-hitech', type: 'transfer-patent', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: '50000000.00', technologyAmount: '50000000.00', registeredAt: '2026-09-02T03:00:00Z' },
    ]);
    expect((await t.api.post(`monitoring/quarters/${quarter}/publish`, {}, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken })).status).toBe(200);

    await page.goto(`${baseUrl}/statistics`);
    await page.getByRole('heading', { level: 1, name: '统计监测' }).waitFor();
    // The year computed, not one nobody computed.
    expect(await page.getByLabel('年度').inputValue()).toBe('2026');

    // Charts are drawn (SVG) with their legends.
    const ranking = page.getByTestId('chart-index-ranking');
    await ranking.locator('svg text', { hasText: '技术交易' }).first().waitFor();
    expect(await ranking.locator('svg path').count()).toBeGreaterThan(3);
    // The trend chart's legend names the indicator chosen in its selector.
    const trendChoice = (await page.getByLabel('趋势指标').locator('option:checked').innerText()).replace(/（.*$/, '');
    expect(trendChoice.length).toBeGreaterThan(1);
    await page.getByTestId('chart-trends').locator('svg text', { hasText: trendChoice }).first().waitFor();
    const direction = page.getByTestId('chart-contracts-direction');
    await direction.locator('svg text', { hasText: '京津→河北' }).first().waitFor();
    await direction.locator('svg text', { hasText: '合同成交额（万元）' }).first().waitFor();
    await page.getByTestId('chart-map').locator('svg').first().waitFor();

    // Only parks with data are ranked (1 and 2, no joint second place); the others are named as without data.
    const table = page.getByTestId('index-table');
    const ranks = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(ranks.filter((r) => r !== '—')).toEqual(['1', '2']);
    expect(ranks.filter((r) => r === '—').length).toBe(9);
    expect(await table.locator('tbody').innerText()).toContain('未报送数据');
    expect(await page.getByTestId('unranked-parks').innerText()).toContain('本年度未报送数据、不参与排名的园区');
    // Units in the table head; money targets in 亿元, never a row of zeros.
    expect(await table.locator('thead').innerText()).toContain('得分（分）');
    const targets = await page.getByTestId('targets').innerText();
    expect(targets).toContain('100亿元');
    expect(targets).toContain('2.5亿元');
    expect(targets).not.toMatch(/10,000,000,000|10000000000/);
    await shot('statistics-charts');
  });

  it('a saved search alerts its owner when a matching achievement is published: in the portal and by e-mail (received by the test SMTP server)', async () => {
    await signIn(memberEmail, 'Passw0rd-Strong');
    await page.goto(`${baseUrl}/?q=${encodeURIComponent('清洗机器人')}`);
    await page.getByRole('button', { name: '保存搜索并提醒' }).click();
    await page.getByText('已保存搜索“清洗机器人”，有新的匹配时会提醒您。').waitFor();
    await page.getByRole('link', { name: '查看我的关注' }).click();
    await page.getByRole('heading', { level: 1, name: '我的关注' }).waitFor();
    const saved = page.getByTestId('saved-search').filter({ hasText: '清洗机器人' });
    expect(await saved.getByRole('checkbox', { name: '新匹配时提醒' }).isChecked()).toBe(true);
    // Alerts by e-mail are on (the user can turn them off here).
    await page.getByTestId('email-preferences').getByRole('checkbox').first().waitFor();

    const title = `光伏组件智能清洗机器人 ${RUN}`;
    await publishAchievement(t.api, university, admin, {
      title, keywords: ['清洗机器人', '光伏运维'], summary: '面向大型光伏电站的无水清洗机器人，自主导航，清洗效率提升三倍，已在河北多个电站应用。',
    });
    await t.drain();
    const mail = await smtp.waitFor((m) => m.to.includes(memberEmail) && m.subject.includes(title), 120_000);
    expect(mail.subject).toContain('清洗机器人');

    await page.goto(`${baseUrl}/notifications`);
    await page.getByText(title).first().waitFor();
    await page.goto(`${baseUrl}/watchlist`);
    await page.getByTestId('saved-search').filter({ hasText: '最近提醒' }).waitFor();
    await shot('watchlist');
  });

  it('the queue dashboard loads nothing from outside (no Google Fonts)', async () => {
    const outside: string[] = [];
    const listener = (r: { url(): string }) => {
      const url = r.url();
      if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    };
    page.on('request', listener);
    try {
      await page.goto(`${baseUrl}/`);
      await page.evaluate(async (token) => {
        const res = await fetch('/admin/queues/session', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 204) throw new Error(`dashboard session: ${res.status}`);
      }, admin.accessToken);
      await page.goto(`${baseUrl}/admin/queues`);
      await page.getByText('matching', { exact: false }).first().waitFor();
      expect(await page.content()).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
      expect(outside).toEqual([]);
    } finally {
      page.off('request', listener);
    }
  });

  it('the directory lists filed brokers with their record (registered contracts, matches, roadshows) to signed-in users', async () => {
    const institution = await signUpOrganisation(t.api, 'transfer-institution', { name: `京南门户测试技术转移中心${RUN}` });
    await verifyOrganisation(t.api, institution.organisation.id);
    const broker = await addMember(t.api, institution, ['broker']);
    const filed = await t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'senior', filingNumber: `JJR-WEB-${RUN}`, professionalTitle: '高级技术经纪人' }, { token: institution.accessToken });
    expect(filed.status).toBe(200);
    await page.goto(`${baseUrl}/profiles?type=broker`);
    await page.getByRole('tab', { name: '技术经纪人', selected: true }).waitFor();
    const card = page.getByTestId('broker-card').filter({ hasText: `JJR-WEB-${RUN}` });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/高级技术经纪人.*备案号：JJR-WEB-/s);
    expect(await card.innerText()).toMatch(/登记技术合同 0 项，成交额 0元；推进匹配 0 个，促成签约 0 个；组织路演 0 场/);
  });

  it('at 1366 px the navigation is one row below the brand, for a visitor and for a signed-in enterprise; the rest is behind "更多", reachable by keyboard', async () => {
    // Every link of the navigation row shares one top edge, and the row lies below the brand and account tools.
    const navRow = async () => {
      const nav = page.getByRole('navigation', { name: '主导航' });
      const links = nav.locator(':scope > ul > li > a');
      const tops = new Set<number>();
      for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) tops.add(Math.round(box!.y));
      const more = nav.getByTestId('nav-more');
      if (await more.count()) tops.add(Math.round((await more.boundingBox())!.y));
      const brand = (await page.locator('.brand').boundingBox())!;
      return { links: await links.count(), tops: [...tops], belowBrand: [...tops].every((y) => y >= brand.y + brand.height) };
    };
    await signOutIfSignedIn();
    await page.goto(`${baseUrl}/market`);
    await page.getByRole('heading', { level: 1, name: '技术市场' }).waitFor();
    const visitor = await navRow();
    expect(visitor).toEqual({ links: expect.any(Number), tops: [expect.any(Number)], belowBrand: true });
    expect(visitor.links).toBeGreaterThanOrEqual(8);

    const enterprise = await signUpOrganisation(t.api, 'enterprise', { name: `河北京南导航测试钢铁${RUN}`, region: 'HE', parkCode: 'sjz-hitech' });
    await signIn(enterprise.user.email, 'Passw0rd-Strong');
    await page.goto(`${baseUrl}/workspace/financing`);
    await page.locator('#financing-title').waitFor();
    const signedIn = await navRow();
    expect(signedIn).toEqual({ links: expect.any(Number), tops: [expect.any(Number)], belowBrand: true });
    // The enterprise's own pages are on the row; the secondary ones fold behind "更多", opened from the keyboard.
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const name of ['我的需求', '融资需求', '技术市场']) await expect(nav.getByRole('link', { name, exact: true }).isVisible()).resolves.toBe(true);
    const more = nav.getByRole('button', { name: '更多' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: '质押贷款', exact: true }).isVisible()).toBe(false);
    await more.focus();
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.closest("#nav-more-list") !== null')).toBe(true);
    await nav.getByRole('link', { name: '质押贷款', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement.getAttribute("data-testid")')).toBe('nav-more');
    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: '质押贷款', exact: true }).click();
    await page.locator('#loans-title').waitFor();
    // The page reached through "更多" is marked on its button; the list has folded again.
    expect(await more.getAttribute('class')).toContain('nav-more__toggle--here');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await shot('nav-1366-enterprise');
    await signOutIfSignedIn();
  });

  it('on an iPhone 12 (390×664) the header takes under 15 % of the first screen, signed in or not, and nothing overflows sideways', async () => {
    await page.setViewportSize({ width: 390, height: 664 });
    try {
      for (const signedIn of [true, false]) {
        if (!signedIn) await signOutIfSignedIn();
        for (const p of ['/', '/statistics', '/policies']) {
          await page.goto(`${baseUrl}${p}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          const box = await page.getByTestId('site-header').boundingBox();
          expect(box).not.toBeNull();
          expect(box!.height / 664).toBeLessThan(0.15);
          // Charts draw after the data arrives: measure the page once they are there and the layout has settled.
          if (p === '/statistics') await page.getByTestId('chart-index-ranking').locator('svg').first().waitFor();
          await page.waitForFunction('document.documentElement.scrollWidth <= window.innerWidth', undefined, { timeout: 15_000 }).catch(() => undefined);
          // What sticks out to the right, named, so a failure says where.
          // (A string: the test compiles without the DOM library.)
          const overflowing = (await page.evaluate(`
            [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
              // The outermost only: inside a scrolling box (a wide table) nothing reaches the page.
              .filter((el) => {
                for (let up = el.parentElement; up; up = up.parentElement) if (up.scrollWidth > up.clientWidth && getComputedStyle(up).overflowX !== 'visible') return false;
                return true;
              })
              .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' ' + el.getBoundingClientRect().right)
              .slice(0, 5)
          `)) as string[];
          expect({ page: p, signedIn, overflowing, scrollWidth: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ page: p, signedIn, overflowing: [], scrollWidth: 390 });
        }
      }
      await shot('home-iphone12');
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });
});
