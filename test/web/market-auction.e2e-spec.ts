import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { QueueName } from '@techbridge/platform';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { pdfUpload, transferInstitution } from '../contracts/contracts-helpers';
import { listedListing, makeMarketWorld, MarketWorld, runDelayed } from '../market/market-helpers';
import { eventBody, publishAchievement } from '../roadshow/roadshow-helpers';
import { addMember, createTestApp, Session, TestApp } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * The auction room in two browsers: a university lists its achievement through the portal's form, the listing goes to auction, two enterprises register and bid from their
 * own pages, each sees the other's bid arrive live (server-sent events over real HTTP), the close job ends it and the
 * winner confirms in the page; the draft contract appears.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');

jest.setTimeout(600_000);

describe('market auction room in headless Chromium (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let w: MarketWorld;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    t = await createTestApp({ worker: true, beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 180_000 });
    w = await makeMarketWorld(t);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageOf(s: Session): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(s.user.email);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
    return page;
  }

  async function qualify(auctionId: string, s: Session): Promise<void> {
    const reg = await t.api.post(`market/auctions/${auctionId}/bidders`, { depositReference: 'BANK-WEB' }, { token: s.accessToken });
    const up = pdfUpload();
    await t.api.post(`market/bidders/${reg.body.id}/letter`, up.body, { token: s.accessToken, headers: up.headers });
    const ok = await t.api.post(`market/bidders/${reg.body.id}/confirm-deposit`, {}, { token: w.admin.accessToken });
    if (ok.status !== 200) throw new Error(`deposit: ${ok.status} ${JSON.stringify(ok.body)}`);
  }

  /** The university lists its published achievement in the portal: from the achievement's page to the listing form. */
  async function listInPortal(): Promise<any> {
    const achievementId = await publishAchievement(t.api, w.university, w.admin);
    const page = await pageOf(w.university);
    await page.goto(`${baseUrl}/achievements/${achievementId}`);
    await page.getByTestId('list-on-market').click();
    await page.getByRole('heading', { name: '挂牌交易' }).waitFor();
    const form = page.getByTestId('listing-form');
    expect(await form.locator('[name="subjectId"]').inputValue()).toBe(achievementId);
    // A bad price comes back from the API next to its field.
    await form.locator('[name="price"]').fill('0');
    await form.locator('[name="paymentTerms"]').fill('合同生效后 30 日内一次性支付');
    await form.locator('[name="contactName"]').fill('技术转移中心 李老师');
    await page.getByTestId('listing-submit').click();
    await form.locator('.field--invalid [name="price"]').waitFor();
    await form.locator('[name="price"]').fill('1000000');
    await form.locator('[name="transferMode"]').selectOption('exclusive');
    await form.locator('[name="ipCovered"]').fill('CN202110123456.7');
    await form.locator('[name="contactPhone"]').fill('0311-85000000');
    await page.getByTestId('listing-submit').click();
    // Saved and sent for review: the portal opens the listing, under review.
    await page.waitForURL(/\/market\/listings\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: '高效钙钛矿-晶硅叠层光伏电池制备技术' }).waitFor();
    const mine = await t.api.get(`market/listings/${id}`, { token: w.university.accessToken });
    expect(mine.body).toMatchObject({ status: 'under-review', achievementId, price: 1000000, transferMode: 'exclusive', ipCovered: ['CN202110123456.7'], contact: { name: '技术转移中心 李老师', phone: '0311-85000000' } });
    await page.context().close();
    const approved = await t.api.post(`market/listings/${id}/transitions`, { action: 'approve', comment: '同意挂牌' }, { token: w.parkReviewer.accessToken });
    expect(approved.status).toBe(200);
    return approved.body;
  }

  it('a university lists in the portal; two enterprises bid live from their pages; the close job ends it; the winner confirms and the draft contract appears', async () => {
    const l = await listInPortal();
    for (const s of [w.enterprise, w.enterprise2]) await t.api.post(`market/listings/${l.id}/intents`, { message: '竞买' }, { token: s.accessToken });
    const a = (await t.api.post(`market/listings/${l.id}/auctions`, {
      startsAt: t.clock.now().toISOString(), durationMinutes: 30, startPrice: 1_000_000, reservePrice: 1_000_000, ladder: [{ from: 0, step: 50_000 }], depositAmount: 50_000,
    }, { token: w.university.accessToken })).body;
    await qualify(a.id, w.enterprise);
    await qualify(a.id, w.enterprise2);

    const p1 = await pageOf(w.enterprise);
    const p2 = await pageOf(w.enterprise2);
    for (const p of [p1, p2]) {
      await p.goto(`${baseUrl}/market/auctions/${a.id}`);
      await p.getByRole('heading', { name: '拍卖厅' }).waitFor();
    }
    const rows = (p: Page) => p.locator('[data-testid="bid-history"] tbody tr');

    await p1.getByTestId('bid-amount').fill('1000000');
    await p1.getByTestId('bid-submit').click();
    // The other page hears it live, without reloading.
    await rows(p2).first().waitFor();
    expect(await rows(p2).count()).toBe(1);
    await p2.getByTestId('bid-amount').fill('1050000');
    await p2.getByTestId('bid-submit').click();
    await rows(p1).nth(1).waitFor();
    expect(await rows(p1).count()).toBe(2);

    // The close: the delayed job (deterministic id) at the close; both rooms show it closed.
    const closesAt = Date.parse(a.closesAt);
    t.clock.set(new Date(closesAt + 1000));
    await runDelayed(t, QueueName.Market, `market-auction:${a.id}:close:${closesAt}`);
    await p2.getByRole('button', { name: '确认成交' }).click();
    await p2.getByText('合同草稿已生成').waitFor();
    await p1.getByText('已结束').first().waitFor();

    const listing = await t.api.get(`market/listings/${l.id}`, { token: w.university.accessToken });
    expect(listing.body.status).toBe('contracted');
    const contract = await t.api.get(`contracts/${listing.body.contractId}`, { token: w.university.accessToken });
    expect(contract.body).toMatchObject({ status: 'draft', contractAmount: 1050000, buyer: { organisationId: w.enterprise2.organisation.id } });
  });

  it('an auction held as a session of a roadshow shows on the event\'s page, linked to its room', async () => {
    t.clock.set(new Date('2026-05-02T00:00:00Z'));
    const organiser = await addMember(t.api, await transferInstitution(t.api, w.admin), ['broker']);
    const event = (await t.api.post('roadshows', eventBody(), { token: organiser.accessToken })).body;
    await t.api.post(`roadshows/${event.id}/transitions`, { action: 'open-registration' }, { token: organiser.accessToken });
    const l = await listedListing(t, w);
    const presentation = await t.api.post(`roadshows/${event.id}/presentations`, { achievementId: l.achievementId }, { token: w.university.accessToken });
    await t.api.post(`roadshows/${event.id}/presentations/${presentation.body.id}/decision`, { decision: 'accept' }, { token: organiser.accessToken });
    for (const s of [w.enterprise, w.enterprise2]) await t.api.post(`market/listings/${l.id}/intents`, { message: '现场竞买' }, { token: s.accessToken });
    const a = await t.api.post(`market/listings/${l.id}/auctions`, {
      startsAt: '2026-06-10T01:30:00Z', durationMinutes: 60, startPrice: 500_000, reservePrice: 600_000, ladder: [{ from: 0, step: 10_000 }], depositAmount: 50_000, roadshowEventId: event.id,
    }, { token: w.university.accessToken });
    expect(a.status).toBe(201);

    const page = await pageOf(w.enterprise);
    await page.goto(`${baseUrl}/roadshows/${event.id}`);
    const section = page.getByTestId('roadshow-auctions');
    await section.getByRole('link', { name: '拍卖厅' }).click();
    await page.waitForURL(`${baseUrl}/market/auctions/${a.body.id}`);
    await page.getByRole('heading', { name: '拍卖厅' }).waitFor();
  });
});
