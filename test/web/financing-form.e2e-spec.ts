import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { MovableClock } from '@techbridge/platform';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { listingBody, makeMarketWorld, MarketWorld } from '../market/market-helpers';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { createTestApp, TestApp } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * The enterprise drafts a financing request in the portal attached to its own (draft) market listing and to a major
 * project in public notice, not only to achievements: the form sends listingIds and majorProjectIds.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');

jest.setTimeout(600_000);

describe('financing request form in headless Chromium (e2e)', () => {
  let t: TestApp;
  let w: MarketWorld;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let listingId: string;
  let projectId: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestApp({ clock: new MovableClock('2026-03-02T02:00:00Z'), beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    w = await makeMarketWorld(t);
    const own = await t.api.post('market/listings', listingBody(await publishAchievement(t.api, w.enterprise, w.admin, { title: '燃料电池金属双极板制备技术' })), { token: w.enterprise.accessToken });
    expect(own.status).toBe(201);
    listingId = own.body.id;
    const p = await t.api.post('major-projects', {
      title: '氢能重卡燃料电池系统产业化', summary: '依托高校燃料电池成果，在园区建设年产 5000 套燃料电池系统产线。', proposedLevel: 'province', enterpriseIds: [w.enterprise2.organisation.id],
    }, { token: w.parkAdmin.accessToken });
    expect(p.status).toBe(201);
    projectId = p.body.id;
    for (const action of ['shortlist', 'start-notice']) {
      expect((await t.api.post(`major-projects/${projectId}/transitions`, { action }, { token: w.admin.accessToken })).status).toBe(200);
    }

    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, timeout: 180_000 });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('attaches the enterprise’s own listing and a public major project to a new request', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(w.enterprise.user.email);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();

    await page.goto(`${baseUrl}/workspace/financing`);
    await page.getByRole('button', { name: '新建融资需求' }).click();
    const form = page.getByTestId('financing-form');
    await form.locator('input[name="title"]').fill('氢能重卡产线扩产融资');
    await form.locator('textarea[name="summary"]').fill('扩建燃料电池系统产线');
    await form.locator('input[name="amount"]').fill('6000000');
    await form.locator('select[name="stage"]').selectOption('b');
    await form.locator('select[name="industry"]').selectOption('new-energy');
    await form.locator('textarea[name="useOfFunds"]').fill('设备与流动资金');
    await form.getByRole('group', { name: '关联挂牌项目（本单位）' }).getByLabel(/燃料电池金属双极板制备技术/).check();
    await form.getByRole('group', { name: '关联重大项目' }).getByLabel('氢能重卡燃料电池系统产业化').check();
    await page.screenshot({ path: path.join(SHOTS, 'finance-request-form.png'), fullPage: true });
    await form.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('financing-request').filter({ hasText: '氢能重卡产线扩产融资' }).waitFor();

    const mine = (await t.api.get('financing-requests', { token: w.enterprise.accessToken })).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ title: '氢能重卡产线扩产融资', amount: 6_000_000, achievementIds: [], listingIds: [listingId], majorProjectIds: [projectId] });
  });
});
