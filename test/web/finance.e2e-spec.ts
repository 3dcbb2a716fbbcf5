import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { MovableClock } from '@techbridge/platform';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { achievementBody } from '../catalog/fixtures';
import { multipartFile } from '../catalog/multipart';
import { eventBody, publishAchievement, START } from '../roadshow/roadshow-helpers';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * The investor's walk in Debian's headless Chromium against the real api + worker: a match with its reasons in the
 * deal flow, asking for talks, the data room once admitted, and a 1:1 meeting booked at an investor roadshow.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
const PARK = 'bd-hitech';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

jest.setTimeout(600_000);

describe('investor workspace in headless Chromium (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let admin: Session;
  let enterprise: Session;
  let fund: Session;
  let requestId: string;
  let eventId: string;
  let broker: Session;
  const fundEmail = `fund-${Date.now()}@example.cn`;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestApp({ worker: true, clock: new MovableClock(START), beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    // The world, made through the API: a park enterprise's published request with a business plan in its data room,
    // the park's verified sub-fund with its profile, and an investor roadshow where the enterprise presents.
    admin = await signInAdmin(t.api);
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK, name: '保定叠层光伏科技有限公司' });
    fund = await signUpOrganisation(t.api, 'investment-fund', { parkCode: PARK, name: '保定高新区科创子基金', email: fundEmail });
    await verifyOrganisation(t.api, fund.organisation.id);
    await t.api.put('investors/me/profile', {
      displayName: '保定高新区科创子基金', stages: ['a'], industries: ['new-energy'], ticketMin: 1_000_000, ticketMax: 20_000_000, regions: ['HE'], parkMandate: true,
    }, { token: fund.accessToken });
    const a = await t.api.post('achievements', achievementBody(), { token: enterprise.accessToken });
    const r = await t.api.post('financing-requests', {
      title: '叠层光伏中试线A轮融资', summary: '建设 50MW 中试线', amount: 8_000_000, stage: 'a', industry: 'new-energy', useOfFunds: '设备采购', achievementIds: [a.body.id],
    }, { token: enterprise.accessToken });
    requestId = r.body.id;
    await t.api.post(`financing-requests/${requestId}/publish`, {}, { token: enterprise.accessToken });
    // The deal flow reads the matches the rescoring jobs store.
    await t.drain();
    const up = multipartFile('file', '商业计划书.pdf', 'application/pdf', PDF);
    await t.api.post(`financing-requests/${requestId}/data-room`, up.body, { token: enterprise.accessToken, headers: up.headers });

    const tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '科技金融服务中心' });
    await verifyOrganisation(t.api, tti.organisation.id);
    broker = await addMember(t.api, tti, ['broker']);
    const ev = await t.api.post('roadshows', eventBody({ kind: 'investor', title: '保定高新区投融资路演' }), { token: broker.accessToken });
    eventId = ev.body.id;
    await t.api.post(`roadshows/${eventId}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    const presented = await publishAchievement(t.api, enterprise, admin, { title: '叠层光伏组件封装技术' });
    const pres = await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: presented }, { token: enterprise.accessToken });
    await t.api.post(`roadshows/${eventId}/presentations/${pres.body.id}/decision`, { decision: 'accept' }, { token: broker.accessToken });

    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 180_000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('the fund sees the match with its reasons, asks for talks, reads the admitted data room and books a 1:1 meeting', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(fundEmail);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();

    await page.getByRole('link', { name: '投资工作台' }).click();
    const deal = page.locator(`[data-testid="deal"][data-request-id="${requestId}"]`);
    await deal.waitFor();
    await deal.locator('[data-testid="match-reason"][data-code="park-fund-mandate"]').waitFor();
    expect(await deal.locator('[data-testid="match-reason"]').count()).toBe(5);
    await page.screenshot({ path: path.join(SHOTS, 'finance-deal-flow.png'), fullPage: true });

    await deal.getByRole('link', { name: '叠层光伏中试线A轮融资' }).click();
    await page.getByTestId('deal-page').waitFor();
    await page.getByText('企业准入后方可查阅资料室文件。').waitFor();
    await page.getByTestId('ask-talks').click();
    await page.getByText('已申请，等待企业准入资料室。').waitFor();

    // The enterprise admits the fund (its own page is tested through the API).
    const [engagement] = (await t.api.get(`financing-requests/${requestId}/engagements`, { token: enterprise.accessToken })).body;
    expect((await t.api.post(`financing-requests/${requestId}/engagements/${engagement.id}/admit`, {}, { token: enterprise.accessToken })).status).toBe(200);
    await page.reload();
    const doc = page.getByTestId('data-room').getByRole('button', { name: '商业计划书.pdf' });
    await doc.waitFor();
    const download = page.waitForEvent('download');
    await doc.click();
    await download;
    await page.screenshot({ path: path.join(SHOTS, 'finance-data-room.png'), fullPage: true });
    // Both looks are in the owner's log.
    const views = (await t.api.get(`financing-requests/${requestId}/data-room-views`, { token: enterprise.accessToken })).body.items;
    expect(views.filter((v: any) => v.viewerOrgId === fund.organisation.id).map((v: any) => v.kind).sort()).toEqual(['list', 'open']);

    // The investor roadshow: register, then ask to meet the presenter; the worker schedules the meeting.
    await page.goto(`${baseUrl}/roadshows/${eventId}`);
    await page.getByRole('button', { name: '投资机构报名' }).click();
    await page.getByRole('button', { name: '必须洽谈: 叠层光伏组件封装技术' }).click();
    await page.getByTestId('meeting-request').waitFor();
    const wishes = (await t.api.get(`roadshows/${eventId}/meeting-requests`, { token: fund.accessToken })).body;
    expect(wishes.map((w: any) => w.kind)).toEqual(['must-meet']);
    await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    await t.drain();
    const schedule = (await t.api.get(`roadshows/${eventId}/my-schedule`, { token: fund.accessToken })).body;
    expect(JSON.stringify(schedule)).toContain(enterprise.organisation.id);
  });
});
