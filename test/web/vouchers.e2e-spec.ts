import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { applyFor, createProgramme, issuedVoucher, ledgerOf, PARK, registerProvider } from '../vouchers/voucher-helpers';
import { CHROMIUM_ARGS } from '../support/browser';
import { multipartFile } from '../catalog/multipart';

/**
 * Vouchers in the browser: an enterprise books a shared instrument and pays with its voucher; the instrument's owner,
 * a registered provider, uploads the claim documents and claims; the park's staff audit and pay.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
const PASSWORD = 'Passw0rd-Strong';

jest.setTimeout(600_000);

describe('vouchers and instruments in headless Chromium (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestApp({ worker: true, beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, timeout: 180_000, locale: 'zh-CN',
      args: CHROMIUM_ARGS,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  async function signIn(email: string) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
  }

  async function signOut() {
    await page.getByRole('button', { name: /退出|Sign out/ }).click();
    await page.getByRole('link', { name: /登录|Sign in/ }).first().waitFor();
  }

  it('an enterprise books an instrument and pays with a voucher; the provider claims; staff audit and pay', async () => {
    const stamp = Date.now();
    const parkEmail = `park-${stamp}@example.cn`;
    // The park administrator signs in with an e-mail we know.
    const parkAdmin = await signUpOrganisation(t.api, 'park-administration', { parkCode: PARK, email: parkEmail });
    await verifyOrganisation(t.api, parkAdmin.organisation.id);
    const p = await createProgramme(t, parkAdmin);
    const { enterprise, voucher } = await issuedVoucher(t, parkAdmin, p.id, 1_000_000);
    const enterpriseEmail = enterprise.user.email;

    const ownerEmail = `lab-${stamp}@example.cn`;
    const owner: Session = await signUpOrganisation(t.api, 'institute', { parkCode: PARK, email: ownerEmail });
    expect((await t.api.post('service-providers', { legalRepresentative: '刘所长', categories: ['testing-inspection'] }, { token: owner.accessToken })).status).toBe(201);
    const inst = await t.api.post('instruments', {
      name: '激光共聚焦显微镜', model: 'LSM 980', originalValue: 2_600_000, location: '生物楼 3 层', approvalRequired: false,
      serviceItems: [{ name: '荧光成像', unit: 'hour', internalPrice: 150, externalPrice: 400 }],
    }, { token: owner.accessToken });
    expect(inst.status).toBe(201);
    // A real 1×1 PNG, so the browser has something to decode.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const photo = multipartFile('file', '显微镜.png', 'image/png', png);
    expect((await t.api.post(`instruments/${inst.body.id}/photos`, photo.body, { token: owner.accessToken, headers: photo.headers })).status).toBe(200);

    // The enterprise books through the portal (times in Beijing).
    await signIn(enterpriseEmail);
    await page.goto(`${baseUrl}/instruments`);
    const card = page.getByTestId('instrument').filter({ hasText: '激光共聚焦显微镜' });
    // The instrument's photo is served and shown.
    const img = card.getByRole('img', { name: '激光共聚焦显微镜的照片' });
    // Runs in the page; the test compiles without the DOM library, hence the narrow type.
    expect(await img.evaluate((el) => { const photo = el as unknown as { decode(): Promise<void>; naturalWidth: number }; return photo.decode().then(() => photo.naturalWidth); })).toBe(1);
    await card.getByRole('button', { name: '预约' }).click();
    const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const form = page.getByTestId('book-instrument');
    await form.getByLabel('开始时间').fill(`${day}T09:00`);
    await form.getByLabel('结束时间').fill(`${day}T12:00`);
    await form.getByRole('button', { name: '预约' }).click();
    await page.locator('[data-testid="my-booking"][data-status="approved"]').waitFor();
    // The instrument's calendar shows the period as taken.
    await card.getByRole('button', { name: '日历' }).click();
    await card.getByTestId('instrument-calendar').locator('li').first().waitFor();

    // The owner records three hours of use (its calendar side is covered by the API tests).
    const booking = (await t.api.get('instrument-bookings', { token: owner.accessToken, query: { as: 'owner' } })).body.items[0];
    expect((await t.api.post(`instrument-bookings/${booking.id}/use`, { actualHours: 3 }, { token: owner.accessToken })).body.amount).toBe(1200);

    await page.reload();
    const used = page.locator('[data-testid="my-booking"][data-status="used"]');
    await used.getByLabel('选择创新券').selectOption(voucher.id);
    await used.getByRole('button', { name: '用创新券支付' }).click();
    await page.locator('[data-testid="my-booking"][data-status="paid"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'vouchers-booking-paid.png'), fullPage: true });
    await signOut();

    // The provider uploads the four documents and claims.
    await signIn(ownerEmail);
    await page.goto(`${baseUrl}/workspace/provider`);
    const order = page.locator('[data-testid="provider-order"][data-status="delivered"]');
    for (const [kind, label] of [['contract', '合同'], ['invoice', '发票'], ['payment-proof', '付款凭证'], ['service-report', '服务报告']]) {
      await order.locator(`input[name="${kind}"]`).setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${kind}`) });
      await order.getByText(`${label} ✓`, { exact: true }).waitFor();
    }
    await order.getByLabel('发票号码').fill(`FP${stamp}`);
    await order.getByRole('button', { name: '申请兑付' }).click();
    await page.locator('[data-testid="provider-order"][data-status="claimed"]').waitFor();
    await signOut();

    // Staff audit and pay; the ledger shows the money paid.
    await signIn(parkEmail);
    await page.goto(`${baseUrl}/workspace/vouchers`);
    await page.locator('[data-testid="admin-voucher"][data-status="claimed"]').getByRole('button', { name: '审核通过' }).click();
    await page.locator('[data-testid="admin-voucher"][data-status="audited"]').getByRole('button', { name: '支付' }).click();
    await page.locator('[data-testid="admin-voucher"][data-status="audited"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="ledger"] tr[data-account="paid"]').filter({ hasText: '1,200' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'vouchers-ledger.png'), fullPage: true });

    expect((await t.api.get(`vouchers/${voucher.id}`, { token: parkAdmin.accessToken })).body.status).toBe('paid');
    expect((await ledgerOf(t.api, parkAdmin, p.id)).balances).toMatchObject({ paid: 120_000, returned: 880_000 });
    await signOut();
  });

  it('park staff record a shareholder relation and tighten an eligibility rule in the workspace; both take effect', async () => {
    const stamp = Date.now();
    const parkEmail = `park2-${stamp}@example.cn`;
    const parkAdmin = await signUpOrganisation(t.api, 'park-administration', { parkCode: PARK, email: parkEmail });
    await verifyOrganisation(t.api, parkAdmin.organisation.id);
    const p = await createProgramme(t, parkAdmin, { name: `${stamp} 年度创新券` });
    const { enterprise, voucher } = await issuedVoucher(t, parkAdmin, p.id);
    const { session: lab, provider } = await registerProvider(t.api);
    const enterpriseCode = (await t.api.get('me', { token: enterprise.accessToken })).body.organisation.creditCode;
    const labCode = (await t.api.get('me', { token: lab.accessToken })).body.organisation.creditCode;

    await signIn(parkEmail);
    await page.goto(`${baseUrl}/workspace/vouchers`);
    // The relation, entered through the form.
    const relations = page.getByTestId('party-relations');
    await relations.getByLabel('股东统一社会信用代码').fill(enterpriseCode);
    await relations.getByLabel('被持股单位统一社会信用代码').fill(labCode);
    await relations.getByLabel('备注').fill('持股 35%');
    await relations.getByRole('button', { name: '登记关联关系' }).click();
    await relations.getByTestId('party-relation').filter({ hasText: labCode }).waitFor();
    // The programme's IP rule raised from 1 to 5.
    const rules = page.locator(`[data-testid="eligibility-rules"][data-programme="${p.id}"]`);
    await rules.locator('input[name="ip-rights-min"]').fill('5');
    await rules.getByRole('button', { name: '保存资格条件' }).click();
    await page.getByText('资格条件已保存。').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'vouchers-governance.png'), fullPage: true });
    await signOut();

    // The related provider is refused, naming the relation.
    const refused = await t.api.post(`vouchers/${voucher.id}/reservation`, { providerId: provider.id, serviceCategory: 'testing-inspection', amountFen: 300_000, orderDescription: '检测服务' }, { token: enterprise.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VOUCHER_RELATED_PARTY', relation: 'shareholder' });
    expect(refused.body.message).toContain('关联方');
    // Three IP rights no longer pass.
    const rule = (await t.api.get(`voucher-programmes/${p.id}`)).body.rules.find((r: any) => r.rule === 'ip-rights-min');
    expect(rule.figure).toBe(5);
    const another = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK });
    const applied = await applyFor(t.api, another, p.id);
    expect(applied.body.status).toBe('refused');
    expect(applied.body.screening).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'ip-rights-min', figure: 5, value: 3, passed: false })]));
  });
});
