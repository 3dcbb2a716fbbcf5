import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serveWebPortal } from '../../apps/api/src/web-portal';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * 等保 2.0 security headers on the api and on the portal served at /: a content security policy that keeps scripts,
 * frames and forms to the site, no MIME sniffing, no framing by other sites, no referrer leaving the site, and HSTS
 * where the site is reached over TLS (PUBLIC_URL https://…) and not otherwise.
 */
describe('platform: security headers (e2e)', () => {
  let tls: TestApp;
  let plain: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-web-'));
    await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>科技成果转化对接平台</title><div id="root"></div>');
    tls = await createTestApp({ env: { PUBLIC_URL: 'https://kjdsc.example.cn', WEB_DIST_DIR: webDir }, beforeInit: (app, config) => serveWebPortal(app, config) });
    plain = await createTestApp();
  });
  afterAll(async () => {
    await tls?.close();
    await plain?.close();
    await fs.rm(webDir, { recursive: true, force: true });
  });

  function directives(csp: unknown): Map<string, string> {
    return new Map(String(csp).split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name, values.join(' ')] as [string, string];
    }));
  }

  function expectHardened(headers: Record<string, unknown>) {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const csp = directives(headers['content-security-policy']);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('script-src')?.split(' ')).not.toContain('*');
    expect(headers['x-powered-by']).toBeUndefined();
  }

  it('the portal page carries the CSP, nosniff, frame, referrer and HSTS headers behind TLS', async () => {
    const page = await tls.api.get('/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    expectHardened(page.headers);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A client-side route of the portal too.
    const route = await tls.api.get('/achievements/some-page');
    expect(route.status).toBe(200);
    expectHardened(route.headers);
  });

  it('api answers (success and error) carry them too', async () => {
    const ok = await tls.api.get('site');
    expect(ok.status).toBe(200);
    expectHardened(ok.headers);
    const denied = await tls.api.get('me');
    expect(denied.status).toBe(401);
    expectHardened(denied.headers);
    expect(denied.headers['strict-transport-security']).toBeDefined();
  });

  it('without TLS no HSTS is sent (it would pin a development host to https), the rest is the same', async () => {
    const res = await plain.api.get('site');
    expect(res.status).toBe(200);
    expectHardened(res.headers);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
