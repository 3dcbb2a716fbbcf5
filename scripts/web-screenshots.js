// Screenshots of the portal for the README (docs/screenshots): home, statistics, a public profile, policies & news, the
// technology market and innovation vouchers at 1366 px and 390 px, and the finance workspace of the demo enterprise.
// Against a running demo: `npm run demo`, then `node scripts/web-screenshots.js` (BASE=http://127.0.0.1:3000 by default).
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const BASE = process.env.BASE ?? 'http://127.0.0.1:3000';
const OUT = path.resolve(__dirname, '../docs/screenshots');
// The demo enterprise (printed by `npm run demo`).
const ENTERPRISE = { email: process.env.DEMO_ENTERPRISE ?? 'demo-steel@techbridge.demo', password: process.env.DEMO_PASSWORD ?? 'Demo-pass-2026' };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function profilePath() {
  // The demo university's public profile (any published achievement's owner would do).
  const res = await fetch(`${BASE}/api/v1/organisations?type=university&q=${encodeURIComponent('河北京南工业大学')}&pageSize=1`);
  if (!res.ok) return null;
  const page = await res.json();
  return page.items?.[0] ? `/profiles/${page.items[0].id}` : null;
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techbridge-shots-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, timeout: 60_000, locale: 'zh-CN' });
  const page = context.pages()[0] ?? (await context.newPage());
  const profile = await profilePath();
  const pages = [
    { name: 'home', path: '/', ready: '[data-testid="headline-figures"]' },
    { name: 'statistics', path: '/statistics', ready: '[data-testid="chart-index-ranking"] svg' },
    ...(profile ? [{ name: 'profile', path: profile, ready: '[data-testid="profile"]' }] : []),
    { name: 'policies', path: '/policies', ready: '[data-testid="content-results"]' },
    { name: 'market', path: '/market', ready: '#market-title' },
    { name: 'vouchers', path: '/vouchers', ready: '#vc-title' },
  ];
  // Finance is a workspace: signed in as the demo enterprise.
  const signedIn = [
    { name: 'finance', path: '/workspace/financing', ready: '#financing-title' },
    { name: 'loans', path: '/workspace/loans', ready: '#loans-title' },
  ];
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    for (const p of pages) {
      await page.goto(`${BASE}${p.path}`);
      await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
      // ECharts animates in; wait until the drawing settles.
      await page.waitForTimeout(1500);
      const file = path.join(OUT, `${p.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('电子邮箱').fill(ENTERPRISE.email);
  await page.getByLabel('密码').fill(ENTERPRISE.password);
  await page.getByRole('button', { name: '登录' }).last().click();
  await page.locator('[data-testid="who"]').waitFor({ timeout: 30_000 });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    for (const p of signedIn) {
      await page.goto(`${BASE}${p.path}`);
      await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(800);
      const file = path.join(OUT, `${p.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
})().catch((e) => {
  console.error(`screenshots failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
