import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { MovableClock } from '@techbridge/platform';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { seedContracts } from '../monitoring/monitoring-fixtures';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * The zone's programmes in Debian's headless Chromium against the real api: a park administration keeps its three
 * lists (adds an item, moves it to done) and a platform administrator proposes, confirms and publishes the park awards;
 * anyone reads a park's public page: its three lists by list and state, its portfolio projects, its latest index.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const DAY = 86_400_000;

jest.setTimeout(600_000);

describe('portal: three lists and park awards (Chromium e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let admin: Session;
  const parkEmail = `park-${Date.now().toString(36)}@example.cn`;
  const parks: Record<string, Session> = {};

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    t = await createTestApp({ clock: new MovableClock('2026-04-10T02:00:00Z'), beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await signInAdmin(t.api);
    // Two parks with registered contracts in 2026Q1 and lists done: an index to rank and completion to weigh.
    const seller = await signUpOrganisation(t.api, 'university');
    for (const [park, amount] of [['bd-hitech', '9000000'], ['sjz-hitech', '4000000']]) {
      await seedContracts(t.db.dataSource, { orgId: seller.organisation.id, userId: seller.user.id }, [
        { park, type: 'development-commissioned', sellerRegion: 'BJ', buyerRegion: 'HE', contractAmount: amount, technologyAmount: amount, registeredAt: '2026-02-10T02:00:00Z' },
      ]);
      parks[park] = await signUpOrganisation(t.api, 'park-administration', { parkCode: park, ...(park === 'bd-hitech' ? { email: parkEmail } : {}) });
      await verifyOrganisation(t.api, parks[park].organisation.id);
    }
    const item = await t.api.post('parks/sjz-hitech/three-lists/2026/items', { kind: 'docking', title: '对接京津高校新材料成果' }, { token: parks['sjz-hitech'].accessToken });
    await t.api.post(`three-list-items/${item.body.id}/steps`, { action: 'start' }, { token: parks['sjz-hitech'].accessToken });
    await t.api.post(`three-list-items/${item.body.id}/steps`, { action: 'complete' }, { token: parks['sjz-hitech'].accessToken });
    await t.api.post('monitoring/quarters', { quarter: '2026Q1' }, { token: admin.accessToken });
    await t.api.post('monitoring/quarters/2026Q1/publish', {}, { token: admin.accessToken });
    expect((await t.api.post('monitoring/innovation-index/2026/compute', {}, { token: admin.accessToken })).status).toBe(200);

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
  });

  async function signIn(email: string, password: string) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
  }

  async function signOut() {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录' }).first().waitFor();
  }

  it('a park administration adds a measure to its three lists and moves it to done; completion follows', async () => {
    await signIn(parkEmail, 'Passw0rd-Strong');
    await page.getByRole('link', { name: '三个清单' }).click();
    await page.getByRole('heading', { name: '三个清单', level: 1 }).waitFor();
    await page.getByLabel('年度').fill('2026');
    const form = page.getByRole('form', { name: '添加事项' });
    await form.locator('select[name="kind"]').selectOption('measure');
    await form.locator('input[name="title"]').fill('设立成果转化专项资金');
    await form.locator('input[name="owner"]').fill('园区财政局');
    await form.locator('input[name="dueDate"]').fill('2026-12-31');
    await form.getByRole('button', { name: '添加事项' }).click();
    const measures = page.getByTestId('list-measure');
    await measures.getByText('设立成果转化专项资金').waitFor();
    await measures.getByRole('button', { name: '开始推进' }).click();
    await measures.getByRole('button', { name: '标记完成' }).click();
    await measures.getByText('已完成').waitFor();
    await page.getByTestId('lists-overall').getByText('总体完成率：100%').waitFor();
    const api = await t.api.get('parks/bd-hitech/three-lists/2026/completion');
    expect(api.body.lists.find((l: any) => l.kind === 'measure')).toMatchObject({ planned: 1, done: 1, counted: 1 });
    await signOut();
  });

  it('an administrator proposes the park awards, confirms them, and they are published with the reasons', async () => {
    await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${baseUrl}/workspace/park-awards`);
    await page.getByRole('heading', { name: '园区奖励性支持' }).waitFor();
    await page.getByLabel('年度').fill('2026');
    await page.getByRole('button', { name: '生成拟奖励名单' }).click();
    await page.getByTestId('awards-status').getByText('待审定').waitFor();
    expect(await page.getByTestId('award-entry').count()).toBe(2);
    await page.getByRole('button', { name: '审定并公布' }).click();
    await page.getByTestId('awards-status').getByText('已公布').waitFor();
    const published = await t.api.get('park-awards/2026');
    expect(published.status).toBe(200);
    expect(published.body.entries.filter((e: any) => e.awarded).map((e: any) => e.park).sort()).toEqual(['bd-hitech', 'sjz-hitech']);
    expect(await page.getByTestId('awards').innerText()).toContain('拟给予奖励性支持');
  });

  it("a park's public page shows its three lists by list and state, its portfolio projects and its latest index", async () => {
    const sjz = parks['sjz-hitech'];
    const as = { token: sjz.accessToken };
    await t.api.post('parks/sjz-hitech/three-lists/2026/items', { kind: 'measure', title: '建设中试熟化基地', owner: '园区科技局', dueDate: '2026-11-30' }, as);
    const propose = (title: string) =>
      t.api.post('major-projects', { title, summary: '依托京津高校成果在园区建设产业化基地，形成规模产能。', proposedLevel: 'province' }, as);
    const inPortfolio = await propose('生物医药中试平台成果转化');
    expect(inPortfolio.status).toBe(201);
    for (const action of ['shortlist', 'start-notice']) {
      expect((await t.api.post(`major-projects/${inPortfolio.body.id}/transitions`, { action }, { token: admin.accessToken })).status).toBe(200);
    }
    t.clock.advance(7 * DAY + 1000);
    expect((await t.api.post(`major-projects/${inPortfolio.body.id}/approval`, { year: 2026, level: 'province' }, { token: admin.accessToken })).status).toBe(200);
    // Shortlisted only: not in the portfolio, so not on the page.
    const pending = await propose('尚未公示的项目');
    await t.api.post(`major-projects/${pending.body.id}/transitions`, { action: 'shortlist' }, { token: admin.accessToken });
    const index = (await t.api.get('monitoring/innovation-index/2026')).body;
    const line = index.parks.find((p: any) => p.park === 'sjz-hitech');
    expect(line.rank).not.toBeNull();

    await signOut();
    await page.goto(`${baseUrl}/parks/sjz-hitech`);
    await page.getByRole('heading', { name: '石家庄国家高新区', level: 1 }).waitFor();
    await page.getByLabel('年度').fill('2026');
    await page.getByTestId('park-city').getByText('石家庄').waitFor();
    await page.getByTestId('park-lists-overall').getByText('总体完成率：50%').waitFor();
    await page.getByTestId('park-list-docking-done').getByText('对接京津高校新材料成果').waitFor();
    await page.getByTestId('park-list-measure-planned').getByText('建设中试熟化基地').waitFor();
    expect(await page.getByTestId('park-list-measure-done').count()).toBe(0);
    expect(await page.getByTestId('park-list-landing').innerText()).toContain('本年度尚无事项');

    const projects = page.getByTestId('park-project');
    await projects.first().waitFor();
    expect(await projects.count()).toBe(1);
    expect(await projects.first().innerText()).toMatch(/生物医药中试平台成果转化[\s\S]*2026 年度[\s\S]*省级[\s\S]*已入库/);

    await page.getByTestId('park-index').getByText('2026 年创新指数').waitFor();
    expect(await page.getByTestId('park-index-score').innerText()).toContain(`第 ${line.rank} 名`);
    expect(await page.getByTestId('park-index-inputs').locator('li').count()).toBeGreaterThan(0);

    // Another park has no items and no projects: the page says so rather than borrowing another park's data.
    await page.goto(`${baseUrl}/parks/bd-hitech`);
    await page.getByLabel('年度').fill('2026');
    await page.getByTestId('park-projects').getByText('本园区尚无入库的重大项目。').waitFor();
  });
});
