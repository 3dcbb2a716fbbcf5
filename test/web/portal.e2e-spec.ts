import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { contractBody, makeWorld, submittedContract } from '../contracts/contracts-helpers';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { addMember, ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, randomCreditCode, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * The portal in Debian's headless Chromium against the real api + worker (in-process) serving the built apps/web/dist.
 * The walk-through is one story, so the tests share a browser and run in order.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
const ACHIEVEMENT_TITLE = `钙钛矿-晶硅叠层光伏电池低温制备技术 ${Date.now().toString(36)}`;
const DEMAND_TITLE = `光伏组件转换效率提升与叠层电池中试需求 ${Date.now().toString(36)}`;

jest.setTimeout(600_000);

describe('web portal in headless Chromium (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let enterprise: Session;
  let brokerSession: Session;
  const universityEmail = `tto-${Date.now()}@example.edu.cn`;

  beforeAll(async () => {
    // Fail loudly, never skip: a missing browser or build is a broken setup, not a passing suite.
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium); the portal tests never download a browser.`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first (the root "test" script does).`);
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestApp({ worker: true, beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 180_000,
      locale: 'en-US',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000); // waits are for real conditions; the bound only catches a hang on a loaded machine
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  async function signInThroughForm(email: string, password: string) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
  }

  async function signOut() {
    await page.getByRole('button', { name: /退出|Sign out/ }).click();
    await page.getByRole('link', { name: /登录|Sign in/ }).first().waitFor();
  }

  it('speaks Simplified Chinese by default (even to an English browser) and the switch changes the interface, remembered across reloads', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: '发现可转化的科技成果与企业技术需求' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByLabel('搜索关键词').count()).toBe(1);
    // Empty states say what to do next.
    await page.getByTestId('empty-state').getByRole('link', { name: '发布技术需求' }).waitFor();
    await page.getByRole('tab', { name: '技术包' }).click();
    await page.getByText('技术经纪人可以把相关成果策划成技术包').waitFor();
    await page.getByRole('tab', { name: '科技成果' }).click();
    // Tabs follow the ARIA pattern: arrow keys move the selection.
    await page.getByRole('tab', { name: '科技成果' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: '技术需求', selected: true }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('tab', { name: '科技成果', selected: true }).waitFor();
    await shot('home-zh');

    // Keyboard: on a fresh page the first Tab reaches the skip link, which moves focus to the main content.
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: '发现可转化的科技成果与企业技术需求' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');

    // Responsive: on a phone-sized screen nothing overflows sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: '发现可转化的科技成果与企业技术需求' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot('home-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Find technology to adopt and problems to solve' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);
    // Taxonomy labels follow the language too (from the API's zh/en pairs).
    await page.getByLabel('Industry').locator('option', { hasText: 'New energy' }).first().waitFor({ state: 'attached' });
    await shot('home-en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Find technology to adopt and problems to solve' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: '发现可转化的科技成果与企业技术需求' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('a university signs up (the API field error shows next to its field), registers an achievement and submits it for review', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    const good = randomCreditCode('12110000');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await page.getByLabel('电子邮箱').fill(universityEmail);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByLabel('姓名').fill('王老师');
    await page.getByLabel('机构名称').fill(`北京理工门户测试大学${Date.now().toString(36)}`);
    await page.getByLabel('机构类型').selectOption('university');
    await page.getByLabel('统一社会信用代码').fill(badCheck);
    await page.getByLabel('所在地区').selectOption('BJ');
    await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await page.getByRole('button', { name: '注册' }).last().click();
    // The shape is fine, so only the API can tell the check character is wrong: its details[].field lands on the input.
    const codeInput = page.getByLabel('统一社会信用代码');
    await page.locator('[data-field-error]').first().waitFor();
    expect(await codeInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await codeInput.getAttribute('aria-describedby')) ?? '';
    const errorText = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText();
    expect(errorText).toContain('统一社会信用代码');
    await shot('sign-up-field-error');

    await codeInput.fill(good);
    await page.getByRole('button', { name: '注册' }).last().click();
    await page.getByRole('heading', { level: 1, name: '成果管理' }).waitFor();
    await page.getByText('还没有登记成果').waitFor();

    await page.getByRole('button', { name: '登记新成果' }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    // Client-side checks mirror the DTO: the required fields are flagged before any request.
    await page.locator('#achievement-form [data-field-error]').first().waitFor();
    expect(await page.locator('#achievement-form [data-field-error]').count()).toBeGreaterThanOrEqual(3);

    await page.getByLabel('成果名称').fill(ACHIEVEMENT_TITLE);
    await page
      .getByLabel('成果简介')
      .fill('本成果开发了钙钛矿-晶硅叠层光伏电池的低温制备工艺，光电转换效率达到28.6%，组件衰减率低于2%/年，可应用于分布式光伏电站和建筑光伏一体化场景。已获发明专利授权。');
    await page.getByLabel('关键词').fill('钙钛矿, 光伏电池, 叠层电池, 转换效率');
    await page.getByLabel('主导产业').selectOption('new-energy');
    await page.getByLabel('细分领域').selectOption('photovoltaics');
    await page.getByLabel('技术成熟度（TRL）').selectOption('6');
    await page.getByLabel('转让价格（元）').fill('3500000');
    await page.getByLabel('专利号').fill('CN202110123456.7');
    await page.locator('#achievement-form input[name="transferModes"]').first().check();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存为草稿').waitFor();
    const row = page.locator('[data-testid="my-achievement"]', { hasText: ACHIEVEMENT_TITLE });
    expect(await row.getAttribute('data-status')).toBe('draft');

    // Attachments: the owner uploads a test report on the achievement's page.
    await row.getByRole('link', { name: ACHIEVEMENT_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: ACHIEVEMENT_TITLE }).waitFor();
    await page.getByLabel('上传附件').setInputFiles({ name: '第三方检测报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await page.getByTestId('attachments').getByRole('button', { name: '第三方检测报告.pdf', exact: true }).waitFor();
    await page.getByRole('link', { name: '我的成果' }).click();
    await row.waitFor();

    await row.getByRole('button', { name: '提交审核' }).click();
    await page.locator('[data-testid="my-achievement"][data-status="submitted"]', { hasText: ACHIEVEMENT_TITLE }).waitFor();
    await shot('university-submitted');
    await signOut();
  });

  it('a reviewer returns it with comments (a missing comment is flagged on its field); the university edits and resubmits', async () => {
    await signInThroughForm(ADMIN_EMAIL, ADMIN_PASSWORD);
    const card = page.locator('[data-testid="review-item"]', { hasText: ACHIEVEMENT_TITLE });
    await card.waitFor();
    await card.getByRole('button', { name: '退回修改' }).click();
    // The API answers 400 with details[].field = comment; the message lands under the comment box.
    await card.locator('[data-field-error]').waitFor();
    expect(await card.getByLabel('审核意见').getAttribute('aria-invalid')).toBe('true');
    await card.getByLabel('审核意见').fill('请补充第三方检测报告编号和中试线规模');
    await card.getByRole('button', { name: '退回修改' }).click();
    await page.getByText(`已退回：${ACHIEVEMENT_TITLE}`).waitFor();
    await signOut();

    await signInThroughForm(universityEmail, 'Passw0rd-Strong');
    const row = page.locator('[data-testid="my-achievement"][data-status="returned"]', { hasText: ACHIEVEMENT_TITLE });
    await row.getByText('请补充第三方检测报告编号和中试线规模').waitFor();
    await row.getByRole('button', { name: '修改' }).click();
    const summary = page.locator('form[aria-label^="修改"]').getByLabel('成果简介');
    await summary.fill(`${await summary.inputValue()}中试线年产能 50 MW，第三方检测报告编号 NIM-2026-0815。`);
    await page.locator('form[aria-label^="修改"]').getByRole('button', { name: '保存' }).click();
    await page.getByText('修改已保存').waitFor();
    await row.getByRole('button', { name: '重新提交' }).click();
    await page.locator('[data-testid="my-achievement"][data-status="submitted"]', { hasText: ACHIEVEMENT_TITLE }).waitFor();
    await shot('university-resubmitted');
    await signOut();
  });

  it('a reviewer approves it from the review queue and it becomes searchable on the home page', async () => {
    await signInThroughForm(ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${baseUrl}/workspace/review`);
    const card = page.locator('[data-testid="review-item"]', { hasText: ACHIEVEMENT_TITLE });
    await card.waitFor();
    await shot('review-queue');
    await card.getByRole('button', { name: '通过并发布' }).click();
    await page.getByText(`已通过并发布：${ACHIEVEMENT_TITLE}`).waitFor();
    await page.locator('[data-testid="review-item"]', { hasText: ACHIEVEMENT_TITLE }).waitFor({ state: 'detached' });
    await signOut();

    await t.drain();
    await page.goto(baseUrl);
    await page.getByLabel('搜索关键词').fill('钙钛矿 叠层');
    await page.getByRole('button', { name: '搜索' }).click();
    const hit = page.locator('[data-testid="achievement-card"]', { hasText: ACHIEVEMENT_TITLE });
    await hit.waitFor();
    await shot('search-results');
    await hit.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: ACHIEVEMENT_TITLE }).waitFor();
    await page.getByText('登录后可查看联系方式。').waitFor();
  });

  it('an enterprise posts a demand in plain words and sees that achievement among its matches, with reasons', async () => {
    enterprise = await signUpOrganisation(t.api, 'enterprise', { name: `河北光伏门户测试有限公司${Date.now().toString(36)}`, region: 'HE' });
    await signInThroughForm(enterprise.user.email, 'Passw0rd-Strong');
    await page.getByRole('heading', { level: 1, name: '技术需求' }).waitFor();
    await page.getByText('还没有发布需求').waitFor();
    await page.getByRole('button', { name: '发布技术需求' }).click();
    await page.getByLabel('需求名称').fill(DEMAND_TITLE);
    await page
      .getByLabel('问题描述')
      .fill('我们生产晶硅光伏组件，现有电池转换效率停留在22%左右，希望引进钙钛矿叠层电池技术，把组件转换效率提升到26%以上，并建设中试线。');
    await page.getByLabel('关键词').fill('钙钛矿, 叠层电池, 光伏组件, 转换效率');
    await page.getByLabel('主导产业').selectOption('new-energy');
    await page.getByLabel('细分领域').selectOption('photovoltaics');
    await page.getByLabel('可承接的最低成熟度').selectOption('4');
    // Below the achievement's asking price (3,500,000): the match shows a concern, apart from its reasons.
    await page.getByLabel('预算（元）').fill('3000000');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('需求已保存为草稿').waitFor();
    const card = page.locator('[data-testid="my-demand"]', { hasText: DEMAND_TITLE });
    await card.getByRole('button', { name: '发布' }).click();
    await page.locator('[data-testid="my-demand"][data-status="published"]', { hasText: DEMAND_TITLE }).waitFor();
    await t.drain();

    const published = page.locator('[data-testid="my-demand"]', { hasText: DEMAND_TITLE });
    if ((await published.locator('[data-testid="matches"]').count()) === 0) await published.getByRole('button', { name: '查看匹配' }).click();
    const match = published.locator('[data-testid="match-item"]', { hasText: ACHIEVEMENT_TITLE });
    await match.waitFor();
    expect(await match.locator('[data-testid="match-reason"]').count()).toBeGreaterThan(0);
    expect((await match.locator('[data-testid="match-reason"]').first().innerText()).length).toBeGreaterThan(2);
    // Concerns apart: over budget is listed under its own heading, never among the reasons.
    const concern = match.locator('[data-testid="match-concerns"] [data-testid="match-concern"][data-code="price-above-budget"]');
    await concern.waitFor();
    expect(await concern.innerText()).toContain('高于预算');
    expect(await match.locator('[data-testid="match-concerns"]').innerText()).toContain('需要留意');
    expect(await match.locator('[data-testid="match-reasons"] [data-code="price-above-budget"]').count()).toBe(0);
    expect(await match.locator('[data-testid="match-reasons"] [data-testid="match-concern"]').count()).toBe(0);
    await shot('enterprise-matches');

    // The public demand search lists it, and the export hands over the same rows as CSV.
    await page.goto(`${baseUrl}/?scope=demands`);
    await page.locator('[data-testid="demand-card"]', { hasText: DEMAND_TITLE }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出当前结果（CSV）' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toBe('demands.csv');
    const csvPath = await csv.path();
    expect(readFileSync(csvPath, 'utf8')).toContain(DEMAND_TITLE);
    await page.getByRole('link', { name: '我的需求' }).click();
    await page.getByRole('button', { name: '查看匹配' }).first().click();
    await page.locator('[data-testid="match-item"]', { hasText: ACHIEVEMENT_TITLE }).waitFor();

    // The same reasons in English after the switch.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Technical demands' }).waitFor();
    await page.locator('[data-testid="match-item"]', { hasText: ACHIEVEMENT_TITLE }).getByText('Why it matches').waitFor();
    await page.locator('[data-testid="match-item"]', { hasText: ACHIEVEMENT_TITLE }).getByText('Worth checking').waitFor();
    await page.getByTestId('lang-switch').click();
    await signOut();
  });

  it('a broker takes the match on the pipeline board and moves it to negotiating', async () => {
    const institution = await signUpOrganisation(t.api, 'transfer-institution', { name: `京南技术转移门户测试中心${Date.now().toString(36)}`, region: 'HE' });
    await verifyOrganisation(t.api, institution.organisation.id);
    brokerSession = await addMember(t.api, institution, ['broker']);
    await signInThroughForm(brokerSession.user.email, 'Passw0rd-Member');
    await page.getByRole('heading', { level: 1, name: '对接看板' }).waitFor();

    const demandId = (await t.api.get('demands', { token: enterprise.accessToken, query: { mine: true } })).body.items[0].id as string;
    let card = page.locator('[data-testid="pipeline-card"]', { hasText: ACHIEVEMENT_TITLE }).filter({ hasText: DEMAND_TITLE });
    if ((await card.count()) === 0) {
      // No stored suggestion for this pair yet: take it from the demand's match list instead.
      await page.goto(`${baseUrl}/demands/${demandId}`);
      await page.locator('[data-testid="match-item"]', { hasText: ACHIEVEMENT_TITLE }).getByRole('button', { name: '认领' }).click();
      await page.goto(`${baseUrl}/workspace/pipeline`);
      card = page.locator('[data-testid="pipeline-card"]', { hasText: ACHIEVEMENT_TITLE }).filter({ hasText: DEMAND_TITLE });
    }
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('suggested');
    // The board card too keeps the concern apart from the reasons.
    expect(await card.getByTestId('card-concerns').innerText()).toContain('高于预算');
    expect(await card.getByTestId('card-reasons').innerText()).not.toContain('高于预算');
    if ((await card.getByRole('button', { name: '认领' }).count()) > 0) await card.getByRole('button', { name: '认领' }).click();

    await card.getByRole('button', { name: '移至“已联系”' }).click();
    await page.locator('[data-column="contacted"] [data-testid="pipeline-card"]', { hasText: ACHIEVEMENT_TITLE }).waitFor();
    // Dragging a card onto a column that is not its next step is refused on the board; onto the next column it moves.
    const contacted = page.locator('[data-column="contacted"] [data-testid="pipeline-card"]', { hasText: ACHIEVEMENT_TITLE });
    await contacted.dragTo(page.locator('[data-column="signed"]'));
    await page.getByText('已联系 → 已签约 ✕').waitFor();
    expect(await contacted.getAttribute('data-status')).toBe('contacted');
    await contacted.dragTo(page.locator('[data-column="negotiating"]'));
    await page.getByText('已移至“洽谈中”').waitFor();
    const negotiating = page.locator('[data-column="negotiating"] [data-testid="pipeline-card"]', { hasText: ACHIEVEMENT_TITLE });
    await negotiating.waitFor();
    expect(await negotiating.getAttribute('data-status')).toBe('negotiating');
    await shot('broker-board');

    // The follow-up record: a note lands in the match's history.
    await negotiating.getByRole('button', { name: '跟进记录' }).click();
    await negotiating.getByLabel('跟进备注').fill('已安排双方下周到企业现场交流');
    await negotiating.getByRole('button', { name: '添加备注' }).click();
    await negotiating.getByTestId('match-journal').getByText('已安排双方下周到企业现场交流').waitFor();
    expect(await negotiating.getByTestId('match-journal').innerText()).toContain('洽谈中');

    // The API agrees with the board.
    const matchId = (await negotiating.getAttribute('data-match-id'))!;
    const stored = await t.api.get(`matches/${matchId}`, { token: brokerSession.accessToken });
    expect(stored.body.status).toBe('negotiating');
    expect(stored.body.brokerUserId).toBe(brokerSession.user.id);
    await signOut();
  });

  it('the university sees the enterprise demand among its published achievement’s matches and proposes a solution (揭榜)', async () => {
    await signInThroughForm(universityEmail, 'Passw0rd-Strong');
    const row = page.locator('[data-testid="my-achievement"][data-status="published"]', { hasText: ACHIEVEMENT_TITLE });
    await row.getByRole('button', { name: '查看匹配需求' }).click();
    const match = page.locator('[data-testid="demand-match-item"]', { hasText: DEMAND_TITLE });
    await match.waitFor();
    await match.getByRole('button', { name: '揭榜' }).click();
    await match.getByRole('button', { name: '提交方案' }).click();
    await match.locator('[data-field-error]').first().waitFor();
    await match.getByLabel('解决思路').fill('采用低温溶液法制备钙钛矿顶电池，与现有晶硅产线兼容，中试线可在6个月内建成。');
    await match.getByLabel('进度安排').fill('3个月完成小试，6个月建成中试线');
    await match.getByLabel('报价（元）').fill('3000000');
    await match.getByRole('button', { name: '提交方案' }).click();
    await match.getByText('揭榜方案已提交').waitFor();
    await shot('university-proposal');

    await signOut();

    // The enterprise finds it on its demand and shortlists it.
    await signInThroughForm(enterprise.user.email, 'Passw0rd-Strong');
    // …through the notification, whose link opens the demand's proposals.
    await page.getByTestId('notifications-link').click();
    await page.locator('[data-testid="notification"]', { hasText: '提交了揭榜方案' }).getByRole('button').click();
    await page.getByRole('heading', { level: 1, name: DEMAND_TITLE }).waitFor();
    const proposal = page.locator('[data-testid="proposal-item"]');
    await proposal.first().waitFor();
    expect(await proposal.count()).toBe(1);
    await proposal.getByRole('button', { name: '入围' }).click();
    await page.locator('[data-testid="proposal-item"][data-status="shortlisted"]').waitFor();
    await shot('enterprise-proposals');
    await signOut();
  });

  it('an administrator imports achievements with visible progress and failed rows, and the statistics page explains what is missing', async () => {
    await page.goto(`${baseUrl}/`);
    if ((await page.locator('[data-testid="who"]').count()) > 0) await signOut();
    await signInThroughForm(ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${baseUrl}/workspace/admin`);
    await page.getByRole('heading', { level: 1, name: '平台管理' }).waitFor();
    const owner = { name: '天津门户导入测试大学', type: 'university', region: 'TJ' };
    const lines = [
      { externalId: 'web-imp-1', title: '高强度铝合金连续挤压成形技术', summary: '挤压速度提升40%，可用于轨道交通车体型材。', industry: 'new-materials', trl: 6, owner },
      { externalId: 'web-imp-2', title: '秸秆生物质颗粒燃料成型装备', summary: '成型率达到98%，适用于县域清洁供暖场景。', industry: 'energy-saving-environmental', trl: 7, owner },
      { externalId: 'web-imp-3', title: '缺少简介与成熟度的条目', industry: 'new-materials', owner },
    ];
    await page.getByLabel('导入类型').selectOption('achievements');
    await page.getByLabel('文件（CSV、XLSX 或 JSON Lines）').setInputFiles({
      name: 'achievements.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', 'utf8'),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.locator('[data-status="done"]').waitFor({ timeout: 240_000 });
    expect(await progress.innerText()).toContain('新增 2');
    expect(await progress.innerText()).toContain('失败 1');
    await shot('admin-import');

    // The matching thesaurus: a new term is saved and listed.
    await page.getByLabel('主导产业（必填）').selectOption('energy-saving-environmental');
    await page.getByLabel('术语（必填）').fill('门户测试低氮燃烧');
    await page.getByLabel('同义词（选填）').fill('低NOx燃烧, 分级燃烧');
    await page.getByRole('button', { name: '添加词条' }).click();
    await page.getByText('已保存词条：门户测试低氮燃烧').waitFor();
    await page.getByLabel('查找词条').fill('门户测试低氮');
    await page.getByRole('cell', { name: '门户测试低氮燃烧' }).waitFor();

    // A park's key industries: the seed is a starting point the administrator edits; matching reads the edit.
    const parkRow = page.locator('[data-testid="park-row"][data-park="bazhou-edz"]');
    expect(await parkRow.getByTestId('park-industries').innerText()).not.toContain('节能环保');
    await parkRow.getByRole('button', { name: '编辑: 霸州经济开发区' }).click();
    await parkRow.getByLabel('节能环保').check();
    await parkRow.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存：霸州经济开发区').waitFor();
    await parkRow.getByTestId('park-industries').filter({ hasText: '节能环保' }).waitFor();
    await shot('admin-park-industries');
    const parks = await t.api.get('taxonomy/parks');
    expect(parks.body.find((p: any) => p.code === 'bazhou-edz').keyIndustries).toContain('energy-saving-environmental');

    // An outbox message that failed every delivery attempt is listed with its error and sent again from here.
    const [{ id: deadId }] = await t.db.dataSource.query(
      `INSERT INTO outbox_message (kind, target, payload, attempts, dead_at, last_error) VALUES ('job', 'search.reconcile', '{"data":{},"options":{}}', 10, now(), 'Redis 连接超时') RETURNING id::text`,
    );
    await page.reload();
    const deadRow = page.getByTestId('dead-letters').getByTestId('dead-letter-row');
    await deadRow.filter({ hasText: 'Redis 连接超时' }).waitFor();
    await shot('admin-dead-letters');
    await deadRow.getByRole('button', { name: '重新投递: search.reconcile' }).click();
    await page.getByText('已重新投递 1 条消息。').waitFor();
    await page.getByTestId('dead-letters').getByText('没有投递失败的消息。').waitFor();
    expect((await t.db.dataSource.query(`SELECT dead_at, attempts FROM outbox_message WHERE id = $1`, [deadId]))[0]).toMatchObject({ dead_at: null, attempts: expect.any(Number) });

    await page.getByRole('link', { name: '统计监测' }).click();
    await page.getByRole('heading', { level: 1, name: '统计监测' }).waitFor();
    await page.getByText(/尚无已发布的季度数据|实际/).first().waitFor();
    await page.getByText(/创新指数尚未计算|点击园区查看分项得分/).first().waitFor();
    await shot('statistics');
  });

  it('a broker organises a roadshow in the portal; an enterprise finds it, registers and sees its status', async () => {
    const now = t.clock.now().getTime();
    const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/`);
    if ((await page.locator('[data-testid="who"]').count()) > 0) await signOut();
    await signInThroughForm(brokerSession.user.email, 'Passw0rd-Member');
    await page.getByRole('link', { name: '路演活动' }).click();
    await page.getByRole('button', { name: '组织路演' }).click();
    const form = page.locator('form[aria-label="组织路演"]');
    await form.getByRole('button', { name: '创建并开放报名' }).click();
    // Nothing filled in: the API's field errors appear beside the inputs.
    await form.locator('[data-field-error]').first().waitFor();
    await form.getByLabel('活动名称').fill('京南示范区新能源成果路演（门户测试）');
    await form.getByLabel('活动介绍').fill('面向园区企业的新能源专场路演与一对一洽谈。');
    await form.locator('input[name="themeIndustries"][value="new-energy"]').check();
    await form.getByLabel('所在分园区').selectOption('gaobeidian-innovation');
    await form.getByLabel('地点').fill('高碑店市创新中心 3 楼');
    await form.getByLabel('举办日期').fill(beijingDate(now + 10 * 86_400_000));
    await form.getByLabel('报名截止日期').fill(beijingDate(now + 7 * 86_400_000));
    await form.getByRole('button', { name: '创建并开放报名' }).click();
    const eventCard = page.locator('[data-testid="roadshow-card"]', { hasText: '门户测试' });
    await eventCard.locator('[data-status="registration-open"]').waitFor();
    await shot('roadshow-organised');
    await signOut();

    await signInThroughForm(enterprise.user.email, 'Passw0rd-Strong');
    await page.getByRole('link', { name: '路演活动' }).click();
    await eventCard.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: '京南示范区新能源成果路演（门户测试）' }).waitFor();
    await page.getByText('议程尚未排定').waitFor();
    await page.getByRole('button', { name: '企业报名' }).click();
    await page.getByText('报名成功').waitFor();
    expect(await page.getByTestId('participant-status').innerText()).toBe('已报名');
    await shot('roadshow-registered');
  });

  it('the enterprise ranks presenters (must-meet / would-like); once the organiser closes registration it sees its meeting schedule and downloads it as ICS', async () => {
    const admin = (await t.api.post('auth/sign-in', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).body as Session;
    const events = await t.api.get('roadshows', { query: { pageSize: 50 } });
    const eventId = events.body.items.find((e: any) => e.title === '京南示范区新能源成果路演（门户测试）').id as string;
    const uni = await signUpOrganisation(t.api, 'university', { name: `门户路演测试大学${Date.now().toString(36)}`, region: 'BJ' });
    const titles = { must: '门户路演：固态电池复合电解质薄膜技术', would: '门户路演：光伏组件智能清洗机器人' };
    for (const title of [titles.must, titles.would]) {
      const achievementId = await publishAchievement(t.api, uni, admin, { title, industry: 'new-energy' });
      const applied = await t.api.post(`roadshows/${eventId}/presentations`, { achievementId }, { token: uni.accessToken });
      expect(applied.status).toBe(201);
      const decided = await t.api.post(`roadshows/${eventId}/presentations/${applied.body.id}/decision`, { decision: 'accept' }, { token: brokerSession.accessToken });
      expect(decided.body.status).toBe('accepted');
    }

    // Before the agenda exists, the registered enterprise ranks the confirmed presentations.
    await page.reload();
    const must = page.locator('[data-testid="programme-item"]', { hasText: titles.must });
    const would = page.locator('[data-testid="programme-item"]', { hasText: titles.would });
    await must.getByRole('button', { name: `必须洽谈: ${titles.must}` }).click();
    await must.getByTestId('meeting-request').filter({ hasText: '必须洽谈' }).waitFor();
    await would.getByRole('button', { name: `希望洽谈: ${titles.would}` }).click();
    await would.getByTestId('meeting-request').filter({ hasText: '希望洽谈' }).waitFor();
    const requests = await t.api.get(`roadshows/${eventId}/meeting-requests`, { token: enterprise.accessToken });
    expect(requests.body.map((r: any) => r.kind).sort()).toEqual(['must-meet', 'would-like']);
    await shot('roadshow-ranked');

    // The organiser closes registration; the worker builds the agenda and schedules the meetings.
    const closed = await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close-registration' }, { token: brokerSession.accessToken });
    expect(closed.body.status).toBe('scheduled');
    await t.drain();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '我的洽谈日程' }).waitFor();
    await page.getByRole('row').filter({ hasText: titles.must }).first().waitFor();
    await shot('roadshow-schedule');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载日程（ICS）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('roadshow-schedule.ics');
    const ics = readFileSync((await file.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
  });

  it('a new park administration signs up and sees it awaits verification; the platform admin verifies it from the queue and the banner is gone after reload', async () => {
    const orgName = `固安园区管委会核验测试${Date.now().toString(36)}`;
    const email = `park-verify-${Date.now()}@example.gov.cn`;
    await page.goto(`${baseUrl}/`);
    if ((await page.locator('[data-testid="who"]').count()) > 0) await signOut();
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByLabel('姓名').fill('李主任');
    await page.getByLabel('机构名称').fill(orgName);
    await page.getByLabel('机构类型').selectOption('park-administration');
    await page.getByLabel('统一社会信用代码').fill(randomCreditCode('91130100'));
    await page.getByLabel('所在地区').selectOption('HE');
    await page.getByLabel('所在分园区').selectOption('gaobeidian-innovation');
    await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await page.getByRole('button', { name: '注册' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();

    // The workspace says what is waiting and what cannot be done until then.
    await page.getByRole('link', { name: '季度填报' }).click();
    const banner = page.getByTestId('verification-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-status')).toBe('pending');
    expect(await banner.innerText()).toContain('本机构正在等待平台资质核验');
    expect(await banner.innerText()).toContain('暂不能填报园区季度监测数据');
    await page.getByTestId('lang-switch').click();
    await banner.getByText('Your organisation is awaiting platform verification').waitFor();
    await page.getByTestId('lang-switch').click();
    await shot('park-awaiting-verification');

    // Keep the park's session aside (not signed out: its tokens stay valid) while the administrator works the queue.
    const parkSession = await page.evaluate<string | null>("localStorage.getItem('techbridge.session')");
    expect(parkSession).toBeTruthy();
    await page.evaluate("localStorage.removeItem('techbridge.session')");
    await signInThroughForm(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(await page.getByTestId('verification-banner').count()).toBe(0);
    await page.getByRole('link', { name: '平台管理' }).click();
    const queue = page.getByTestId('verification-queue');
    const row = queue.locator('[data-testid="verification-row"]', { hasText: orgName });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('园区管理机构');
    expect(rowText).toContain('河北');
    expect(rowText).toMatch(/91130100/);

    // Rejecting needs a reason: a missing one is flagged on its field and nothing is sent.
    await row.getByRole('button', { name: `驳回: ${orgName}` }).click();
    await row.getByRole('button', { name: '驳回', exact: true }).click();
    const reason = row.getByLabel(/驳回原因/);
    await row.locator('[data-field-error]').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await row.locator('[data-field-error]').innerText()).toContain('请填写驳回原因');
    await page.locator('section[aria-labelledby="verification-title"]').screenshot({ path: path.join(SHOTS, 'admin-verification.png') });
    await row.getByRole('button', { name: '取消' }).click();

    await row.getByRole('button', { name: `核验通过: ${orgName}` }).click();
    await row.getByLabel(/核验说明/).fill('已核查管委会设立批复及统一社会信用代码证书');
    await row.getByRole('button', { name: '核验通过', exact: true }).click();
    await queue.getByText(`已核验：${orgName}`).waitFor();
    await row.waitFor({ state: 'detached' });

    // Back in the park's browser: the stored session still says pending, the reload re-reads /me and the banner goes.
    await page.evaluate(`localStorage.setItem('techbridge.session', ${JSON.stringify(parkSession)})`);
    await page.goto(`${baseUrl}/workspace/park-report`);
    await page.getByRole('heading', { level: 1, name: '园区季度监测数据填报' }).waitFor();
    await page.waitForFunction("JSON.parse(localStorage.getItem('techbridge.session') ?? '{}').organisation?.verificationStatus === 'verified'");
    expect(await page.getByTestId('verification-banner').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '园区季度监测数据填报' }).waitFor();
    expect(await page.getByTestId('verification-banner').count()).toBe(0);
    await signOut();

    // A rejected institution reads the reason on its workspace.
    const registrar = await signUpOrganisation(t.api, 'registration-institution', { name: `驳回测试登记机构${Date.now().toString(36)}` });
    const admin = (await t.api.post('auth/sign-in', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).body as Session;
    const rejected = await t.api.post(`organisations/${registrar.organisation.id}/reject`, { reason: '营业执照照片不清晰，请重新上传' }, { token: admin.accessToken });
    expect(rejected.status).toBe(200);
    await signInThroughForm(registrar.user.email, 'Passw0rd-Strong');
    await page.getByRole('link', { name: '技术合同' }).click();
    const refused = page.getByTestId('verification-banner');
    await refused.waitFor();
    expect(await refused.getAttribute('data-status')).toBe('rejected');
    expect(await refused.innerText()).toContain('暂不能认定登记技术合同');
    expect(await refused.getByTestId('verification-reason').innerText()).toContain('营业执照照片不清晰，请重新上传');
    await signOut();
  });

  it('a park administration enters its quarterly figures; an impossible value is flagged on its input', async () => {
    const admin = (await t.api.post('auth/sign-in', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).body as Session;
    const opened = await t.api.post('monitoring/quarters', { quarter: '2026Q3' }, { token: admin.accessToken });
    expect(opened.status).toBeLessThan(300);
    const parkAdmin = await signUpOrganisation(t.api, 'park-administration', { name: `高碑店园区管委会门户测试${Date.now().toString(36)}`, region: 'HE', parkCode: 'gaobeidian-innovation' });
    await verifyOrganisation(t.api, parkAdmin.organisation.id);

    await page.goto(`${baseUrl}/`);
    if ((await page.locator('[data-testid="who"]').count()) > 0) await signOut();
    await signInThroughForm(parkAdmin.user.email, 'Passw0rd-Strong');
    await page.getByRole('link', { name: '季度填报' }).click();
    await page.getByRole('heading', { level: 1, name: '园区季度监测数据填报' }).waitFor();
    expect(await page.getByLabel('季度', { exact: true }).inputValue()).toBe('2026Q3');
    expect(await page.getByLabel('所在分园区', { exact: true }).inputValue()).toBe('gaobeidian-innovation');

    const share = page.locator('#ind-rd-spending-share');
    await share.fill('140');
    await page.locator('#ind-high-tech-enterprises').fill('126');
    await page.getByRole('button', { name: '提交本季度数据' }).click();
    await page.locator('[id="ind-rd-spending-share-error"]').waitFor();
    expect(await share.getAttribute('aria-invalid')).toBe('true');

    await share.fill('3.2');
    await page.getByRole('button', { name: '提交本季度数据' }).click();
    await page.getByText('已提交，等待平台审核').waitFor();
    await page.getByRole('cell', { name: '待审核' }).first().waitFor();
    await shot('park-report');
    await signOut();

    // The platform approves the figures, publishes the quarter and computes the index: the ranking chart drills down to a park.
    await signInThroughForm(ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: '季度填报' }).click();
    await page.getByLabel('所在分园区', { exact: true }).selectOption('gaobeidian-innovation');
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: '通过', exact: true }).first().click();
      await page.getByRole('cell', { name: '已通过' }).nth(i).waitFor();
    }
    expect((await t.api.post('monitoring/quarters/2026Q3/publish', {}, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken })).status).toBe(200);
    await page.getByRole('link', { name: '统计监测' }).click();
    await page.getByRole('combobox', { name: '年度' }).selectOption('2026');
    const bar = page.getByRole('button', { name: /高碑店/ });
    await bar.waitFor();
    await bar.press('Enter');
    await page.getByText(/分项得分/).last().waitFor();
    // The ranking and the selected park's dimensions (the ECharts figures above them are asserted in their own test).
    expect(await page.locator('figure.chart[aria-labelledby]').count()).toBe(2);
    await shot('statistics-index');

    // Drill-down from the ranking: an index input opens the quarterly figures and the park's entry behind it.
    await page.getByTestId('index-inputs').getByRole('button', { name: /高新技术企业数/ }).click();
    const fromIndex = page.getByTestId('drill-down');
    await fromIndex.getByTestId('drill-value').filter({ hasText: '126' }).waitFor();
    await fromIndex.locator('[data-record-type="monitoring-entry"]').first().waitFor();
    expect(await fromIndex.innerText()).toContain('2026Q3');
    await fromIndex.getByRole('button', { name: '关闭' }).click();

    // Drill-down from the quarterly report: a park's figure opens the records behind it.
    await page.getByRole('heading', { level: 2, name: '季度监测报告' }).waitFor();
    const quarterly = page.locator('section[aria-labelledby="quarterly-title"]');
    await quarterly.getByRole('combobox', { name: /^季度/ }).selectOption('2026Q3');
    await quarterly.getByRole('combobox', { name: /^所在分园区/ }).selectOption('gaobeidian-innovation');
    const line = quarterly.locator('[data-testid="quarterly-report"] tr[data-indicator="high-tech-enterprises"]');
    await line.getByRole('button').click();
    const fromReport = quarterly.getByTestId('drill-down');
    await fromReport.getByTestId('drill-value').filter({ hasText: '126' }).waitFor();
    expect(await fromReport.innerText()).toContain('园区填报');
    await shot('statistics-drill-down');
  });

  it('a registration institution works its queue by deadline: registers a contract and the certificate is issued', async () => {
    const w = await makeWorld(t);
    const c = await submittedContract(t, w.university, contractBody(w, { title: '门户测试储氢合金专利实施许可合同' }));
    expect(c.status).toBe('under-review');

    await page.goto(`${baseUrl}/`);
    if ((await page.locator('[data-testid="who"]').count()) > 0) await signOut();
    await signInThroughForm(w.reviewer.user.email, 'Passw0rd-Member');
    await page.getByRole('link', { name: '技术合同' }).click();
    await page.getByRole('tab', { name: '认定登记队列', selected: true }).waitFor();
    const card = page.locator('[data-testid="contract-item"]', { hasText: '门户测试储氢合金专利实施许可合同' });
    await card.waitFor();
    expect(await card.innerText()).toContain('认定截止');
    await shot('registration-queue');
    await card.getByRole('button', { name: '认定登记' }).click();
    await page.getByText('已处理：门户测试储氢合金专利实施许可合同').waitFor();
    await t.drain();

    // The seller sees it registered, with its number and the certificate to download.
    await signOut();
    await signInThroughForm(w.university.user.email, 'Passw0rd-Strong');
    await page.goto(`${baseUrl}/workspace/contracts`);
    const mine = page.locator('[data-testid="contract-item"][data-status="registered"]', { hasText: '门户测试储氢合金专利实施许可合同' });
    await mine.waitFor();
    expect(await mine.innerText()).toMatch(/登记编号[:：] ?\d{16}/);
    const download = page.waitForEvent('download');
    await mine.getByRole('button', { name: '下载登记证明' }).click();
    expect((await download).suggestedFilename()).toMatch(/^\d{16}\.pdf$/);
    await shot('contract-registered');
  });
});
