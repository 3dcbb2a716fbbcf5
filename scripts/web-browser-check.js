// Diagnose the portal's browser tests: can playwright-core drive Debian's chromium here? (node scripts/web-browser-check.js)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const EXECUTABLE = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

(async () => {
  if (!fs.existsSync(EXECUTABLE)) throw new Error(`${EXECUTABLE} missing: apt-get install -y chromium`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techbridge-chromium-check-'));
  const started = Date.now();
  const context = await chromium.launchPersistentContext(dir, { executablePath: EXECUTABLE, headless: true, args: ARGS, timeout: 60_000 });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setContent('<h1 lang="zh-CN">科技成果</h1>');
  const text = await page.innerText('h1');
  const version = context.browser()?.version() ?? 'unknown';
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`chromium ${version} launched in ${Date.now() - started} ms, rendered "${text}"`);
  console.log(JSON.stringify({ ok: text === '科技成果', launchMs: Date.now() - started }));
})().catch((e) => {
  console.error(`browser check failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
