import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');

jest.setTimeout(300_000);

/** 个人信息保护法 in the portal: from the footer to "my personal data", a download, and the account's deletion. */
describe('web portal: my personal data (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let person: Session;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    t = await createTestApp({ worker: true, beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    person = await signUpOrganisation(t.api, 'enterprise');
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 180_000,
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
  });
  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('downloads my data as JSON and deletes my account from the portal', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(person.user.email);
    await page.getByLabel('密码').fill('Passw0rd-Strong');
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();

    await page.locator('[data-testid="footer-privacy"]').click();
    await page.getByRole('heading', { level: 1, name: '我的个人信息' }).waitFor();
    await page.locator('[data-testid="privacy-agreements"] li').first().waitFor();
    expect(await page.locator('[data-testid="privacy-agreements"] li').count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="privacy-download"]').click()]);
    const file = await download.path();
    const data = JSON.parse(readFileSync(file!, 'utf8'));
    expect(data.account).toMatchObject({ id: person.user.id, email: person.user.email });

    const form = page.locator('[data-testid="privacy-delete"]');
    await form.getByLabel('当前密码').fill('Passw0rd-Strong');
    // Nothing happens until the person confirms.
    expect(await form.getByRole('button', { name: '注销账号' }).isDisabled()).toBe(true);
    await form.getByLabel('我了解注销后无法恢复').check();
    await form.getByRole('button', { name: '注销账号' }).click();
    await page.getByText('账号已注销').waitFor();
    await page.getByRole('link', { name: '登录' }).first().waitFor();
    expect((await t.api.get('me', { token: person.accessToken })).status).toBe(401);
    expect((await t.api.post('auth/sign-in', { email: person.user.email, password: 'Passw0rd-Strong' })).status).toBe(401);
  });
});
