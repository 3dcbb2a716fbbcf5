import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { MovableClock } from '@techbridge/platform';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { CHROMIUM_ARGS } from '../support/browser';

/**
 * Broker training and certification in Debian's headless Chromium against the real api: a training base opens a
 * course, logs a trainee's hours, records the exam and issues the certificate; the public look-up page shows it valid,
 * and after the base revokes it, revoked. The trainee's own page shows the certificate with its level and expiry.
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist/index.html');
const PASSWORD = 'Passw0rd-Strong';

jest.setTimeout(600_000);

describe('portal: broker training, certificate and public look-up (Chromium e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let base: Session;
  let trainee: Session;
  const stamp = Date.now().toString(36);
  const baseEmail = `base-${stamp}@example.cn`;
  const traineeEmail = `trainee-${stamp}@example.cn`;
  let certificateNumber = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
    if (!existsSync(WEB_DIST)) throw new Error(`The portal is not built (${WEB_DIST} missing): run "npm run build:web" first.`);
    t = await createTestApp({ clock: new MovableClock('2026-06-10T02:00:00Z'), beforeInit: (app, config) => serveWebPortal(app, config) });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    base = await signUpOrganisation(t.api, 'training-base', { email: baseEmail, name: `河北技术转移人才培养基地${stamp}` });
    await verifyOrganisation(t.api, base.organisation.id);
    trainee = await signUpOrganisation(t.api, 'transfer-institution', { email: traineeEmail });

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

  async function signIn(email: string) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.locator('[data-testid="who"]').waitFor();
  }

  async function signOut() {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录' }).first().waitFor();
  }

  /** Anyone, signed out, checks the number on the public page. */
  async function lookUp(number: string): Promise<string> {
    await page.goto(`${baseUrl}/broker-certificates`);
    await page.getByRole('heading', { name: '技术经纪人资质证书查询' }).waitFor();
    await page.getByLabel('证书编号').fill(number);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('certificate').waitFor();
    return (await page.getByTestId('certificate-standing').getAttribute('data-standing')) ?? '';
  }

  it('a training base opens a course, trains and examines an enrolled trainee and issues the certificate from its workspace', async () => {
    await signIn(baseEmail);
    await page.getByRole('link', { name: '经纪人培训' }).click();
    await page.getByRole('heading', { name: '技术经纪人培训与资质认证', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: '开设课程' });
    await form.getByLabel('课程名称').fill('技术经纪人初级研修班');
    for (const [label, hours] of [['通用知识学时', '4'], ['政策法规学时', '2'], ['实务操作学时', '3'], ['能力提升学时', '1']]) {
      await form.getByLabel(label).fill(hours);
    }
    await form.getByRole('button', { name: '开设课程' }).click();
    await page.getByTestId('course').getByText('技术经纪人初级研修班').waitFor();
    await page.getByTestId('course').getByText('共 10 学时').waitFor();

    const course = (await t.api.get('broker-courses', { query: { trainingBaseId: base.organisation.id } })).body.items[0];
    const enrolled = await t.api.post(`broker-courses/${course.id}/enrolments`, {}, { token: trainee.accessToken });
    expect(enrolled.status).toBe(201);
    await page.reload();
    const row = page.getByTestId('enrolment').filter({ hasText: enrolled.body.traineeName });
    await row.getByTestId('enrolment-status').getByText('在学').waitFor();
    for (const [module, hours] of [['general', '4'], ['policy', '2'], ['practice', '3'], ['capability', '1']]) {
      await row.locator('select[name="module"]').selectOption(module);
      await row.locator('input[name="hours"]').fill(hours);
      await row.getByRole('button', { name: '记录学时' }).click();
      await row.getByText(`${{ general: '通用知识', policy: '政策法规', practice: '实务操作', capability: '能力提升' }[module]}：${hours} / ${hours}`).waitFor();
    }
    await row.locator('input[name="score"]').fill('86');
    await row.getByRole('button', { name: '录入成绩' }).click();
    await row.getByTestId('enrolment-status').getByText('考试合格').waitFor();
    await row.getByRole('button', { name: '颁发证书' }).click();
    await row.getByTestId('enrolment-status').getByText('已发证').waitFor();
    const issued = page.getByTestId('issued-certificate').first();
    await issued.waitFor();
    certificateNumber = (await issued.getAttribute('data-number')) ?? '';
    expect(certificateNumber).toMatch(/^BRK-2026-\d{6}$/);
    await issued.locator('[data-standing="valid"]').waitFor();
    await signOut();
  });

  it('the public look-up page shows the certificate as valid, with no account ids; the holder sees level and expiry', async () => {
    expect(await lookUp(certificateNumber)).toBe('valid');
    const text = await page.getByTestId('certificate').innerText();
    expect(text).toContain(certificateNumber);
    expect(text).toContain('初级');
    expect(text).toContain('2029'); // three years' validity from 2026-06-10
    expect(text).not.toContain(trainee.user.id);
    expect(await page.content()).not.toContain(trainee.user.id);

    await signIn(traineeEmail);
    await page.getByRole('link', { name: '我的培训与证书' }).click();
    const mine = page.getByTestId('my-certificates');
    await mine.getByText(certificateNumber).waitFor();
    expect(await mine.innerText()).toMatch(/初级[\s\S]*2029/);
    expect(await page.getByTestId('my-enrolment').innerText()).toContain('已发证');
    await signOut();
  });

  it('after the base revokes the certificate, the look-up page shows it revoked', async () => {
    await signIn(baseEmail);
    await page.goto(`${baseUrl}/workspace/training`);
    const issued = page.getByTestId('issued-certificate').filter({ hasText: certificateNumber });
    await issued.getByRole('button', { name: '撤销' }).click();
    await issued.getByText('请填写原因（至少 2 个字）').waitFor();
    await issued.getByLabel('原因').fill('考试材料弄虚作假');
    await issued.getByRole('button', { name: '撤销' }).click();
    await issued.locator('[data-standing="revoked"]').getByText('已撤销').waitFor();
    await signOut();

    expect(await lookUp(certificateNumber)).toBe('revoked');
    expect(await page.getByTestId('certificate').innerText()).toContain('已撤销');
    const api = await t.api.get(`broker-certificates/lookup/${certificateNumber}`);
    expect(api.body).toMatchObject({ number: certificateNumber, standing: 'revoked' });
  });
});
