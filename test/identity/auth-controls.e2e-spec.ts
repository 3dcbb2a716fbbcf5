import { JwtService } from '@nestjs/jwt';
import { MovableClock } from '@techbridge/platform';
import { ADMIN_EMAIL, ADMIN_PASSWORD, AGREEMENTS, ApiResponse, createTestApp, randomCreditCode, Session, TestApp } from '../support/test-app';

const MINUTE = 60_000;
let n = 0;
const uniqueEmail = () => `auth-${process.pid}-${Date.now()}-${n++}@example.cn`;
/** A different client address on each request, as a proxy in TRUSTED_PROXIES would report it. */
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
let ipCounter = 1;
const nextIp = () => `198.51.100.${ipCounter++ % 250}`;

/** Issue 11 "Auth" and issue 19's 等保 2.0 authentication controls. */
describe('auth controls: proxies, rate limits, account lock (e2e)', () => {
  let direct: TestApp;
  beforeAll(async () => {
    // No TRUSTED_PROXIES: X-Forwarded-For is the caller's own claim and is ignored.
    direct = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await direct.close();
  });

  it('ignores a spoofed X-Forwarded-For: the per-client limit holds and answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let last: ApiResponse | undefined;
    for (let i = 0; i < 5; i++) {
      last = await direct.api.post('auth/sign-in', { email: uniqueEmail(), password: 'Whatever-123' }, from(`203.0.113.${i + 1}`));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body.statusCode).toBe(429);
    // The audit log has the socket's address, not the address the caller claimed.
    const rows = await direct.db.dataSource.query(`SELECT DISTINCT client_address FROM audit_entry WHERE action = 'sign-in-failed'`);
    expect(rows).toEqual([{ client_address: '127.0.0.1' }]);
  });
});

describe('等保 2.0 authentication controls (e2e)', () => {
  let t: TestApp;
  const clock = new MovableClock('2026-03-02T01:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: {
        TRUSTED_PROXIES: '127.0.0.1',
        AUTH_RATE_LIMIT_PER_MINUTE: '3',
        SIGN_IN_MAX_FAILURES: '3',
        SIGN_IN_LOCK_MINUTES: '15',
        SESSION_IDLE_MINUTES: '30',
        SESSION_MAX_HOURS: '1',
        PASSWORD_MAX_AGE_DAYS: '90',
        PASSWORD_HISTORY: '5',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const signUp = async (password = 'Passw0rd-Strong', email = uniqueEmail()) =>
    t.api.post('auth/sign-up', { email, password, displayName: '测试', agreements: AGREEMENTS, organisation: { name: `机构${email}`, type: 'enterprise', creditCode: randomCreditCode(), region: 'HE' } }, from(nextIp()));
  const signIn = (email: string, password: string, ip = nextIp()) => t.api.post('auth/sign-in', { email, password }, from(ip));
  // Every /auth call comes from its own address behind the trusted proxy, so the per-address limit (3) stays out of the way.
  const refresh = (refreshToken: string) => t.api.post('auth/refresh', { refreshToken }, from(nextIp()));
  const signOut = (refreshToken: string, token?: string) => t.api.post('auth/sign-out', { refreshToken }, { token, ...from(nextIp()) });

  it('honours X-Forwarded-For from a trusted proxy: clients behind it have their own limits and addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(uniqueEmail(), 'Whatever-123', `192.0.2.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const rows = await t.db.dataSource.query(`SELECT client_address FROM audit_entry WHERE client_address LIKE '192.0.2.%' ORDER BY id`);
    expect(rows.map((r: { client_address: string }) => r.client_address)).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5']);
  });

  it('enforces the password policy: length and character classes, with the field named', async () => {
    for (const weak of ['Sh0rt-1', 'abcdefghijkl', 'abcdefgh1234']) {
      const res = await signUp(weak);
      expect([weak, res.status]).toEqual([weak, 400]);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'password', code: expect.stringMatching(/^password(Length|Classes)$/) })]);
    }
    expect((await signUp('abcdefgh-1234')).status).toBe(201);
  });

  it('locks an account after N failures from any addresses, answers 429 with Retry-After, and unlocks after M minutes', async () => {
    const email = uniqueEmail();
    expect((await signUp('Passw0rd-Strong', email)).status).toBe(201);
    const attempts = [];
    for (let i = 0; i < 3; i++) attempts.push(await signIn(email, `Wrong-pass-${i}`));
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 429]);
    const locked = await signIn(email, 'Passw0rd-Strong');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    clock.advance(10 * MINUTE);
    const later = await signIn(email, 'Passw0rd-Strong');
    expect(later.status).toBe(429);
    expect(Number(later.headers['retry-after'])).toBe(5 * 60);
    clock.advance(5 * MINUTE);
    expect((await signIn(email, 'Passw0rd-Strong')).status).toBe(200);
    // Another account is not affected by this one's lock.
    expect((await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('writes every sign-in attempt, success and failure, with the client address to the audit log', async () => {
    const email = uniqueEmail();
    await signUp('Passw0rd-Strong', email);
    await signIn(email, 'Wrong-pass-1', '192.0.2.77');
    await signIn(email, 'Passw0rd-Strong', '192.0.2.78');
    await signIn('no-such-user@example.cn', 'Wrong-pass-1', '192.0.2.79');
    const admin = (await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).body;
    const log = await t.api.get('audit-log', { token: admin.accessToken, query: { entityType: 'account', entityId: email } });
    expect(log.body.items.map((e: { action: string; clientAddress: string }) => [e.action, e.clientAddress])).toEqual([
      ['sign-in', '192.0.2.78'],
      ['sign-in-failed', '192.0.2.77'],
    ]);
    const unknown = await t.api.get('audit-log', { token: admin.accessToken, query: { action: 'sign-in-failed', entityId: 'no-such-user@example.cn' } });
    expect(unknown.body.items).toEqual([expect.objectContaining({ actorUserId: null, clientAddress: '192.0.2.79', changes: { reason: 'wrong-credentials' } })]);
  });

  it('revokes the access token at sign-out (deny-list until it expires), with or without the bearer header', async () => {
    const email = uniqueEmail();
    const s = (await signUp('Passw0rd-Strong', email)).body;
    expect((await t.api.get('me', { token: s.accessToken })).status).toBe(200);
    expect((await signOut(s.refreshToken, s.accessToken)).status).toBe(204);
    expect((await t.api.get('me', { token: s.accessToken })).status).toBe(401);
    expect((await refresh(s.refreshToken)).status).toBe(401);
    // Signing out with the refresh token alone ends that session's access tokens too; other sessions live on.
    const a = (await signIn(email, 'Passw0rd-Strong')).body;
    const b = (await signIn(email, 'Passw0rd-Strong')).body;
    expect((await signOut(a.refreshToken)).status).toBe(204);
    expect((await t.api.get('me', { token: a.accessToken })).status).toBe(401);
    expect((await t.api.get('me', { token: b.accessToken })).status).toBe(200);
  });

  it('ends a session after the idle timeout and at the absolute lifetime, however active', async () => {
    const email = uniqueEmail();
    await signUp('Passw0rd-Strong', email);
    const idle = (await signIn(email, 'Passw0rd-Strong')).body;
    clock.advance(31 * MINUTE);
    expect((await refresh(idle.refreshToken)).status).toBe(401);

    let session = (await signIn(email, 'Passw0rd-Strong')).body;
    for (let i = 0; i < 2; i++) {
      clock.advance(25 * MINUTE);
      const next = await refresh(session.refreshToken);
      expect(next.status).toBe(200);
      session = next.body;
    }
    // 50 minutes in and refreshed 25 minutes ago: the one-hour lifetime still ends it at 60 minutes.
    clock.advance(11 * MINUTE);
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('expires passwords after the configured age; the change refuses the last five and ends other sessions', async () => {
    const email = uniqueEmail();
    expect((await signUp('Passw0rd-0', email)).status).toBe(201);
    clock.advance(91 * 24 * 60 * MINUTE);
    const expired = await signIn(email, 'Passw0rd-0');
    expect([expired.status, expired.body.code]).toEqual([403, 'PASSWORD_EXPIRED']);
    const change = (current: string, next: string) => t.api.post('auth/change-password', { email, password: current, newPassword: next }, from(nextIp()));
    const reuse = await change('Passw0rd-0', 'Passw0rd-0');
    expect([reuse.status, reuse.body.details[0].field, reuse.body.details[0].code]).toEqual([400, 'newPassword', 'PASSWORD_REUSED']);
    let current = 'Passw0rd-0';
    for (let i = 1; i <= 4; i++) {
      const res = await change(current, `Passw0rd-${i}`);
      expect(res.status).toBe(200);
      current = `Passw0rd-${i}`;
    }
    // History now holds 0..4: the first password is still refused; one more change lets it go.
    expect((await change(current, 'Passw0rd-0')).body.code).toBe('PASSWORD_REUSED');
    const fifth = await change(current, 'Passw0rd-5');
    expect(fifth.status).toBe(200);
    expect((await change('Passw0rd-5', 'Passw0rd-0')).status).toBe(200);
    expect((await signIn(email, 'Passw0rd-0')).status).toBe(200);
    // The change ended the session the previous password had opened, access token included.
    expect((await t.api.get('me', { token: fifth.body.accessToken })).status).toBe(401);
    expect((await refresh(fifth.body.refreshToken)).status).toBe(401);
  });

  it('accepts only HS256 access tokens that carry exp', async () => {
    const s = (await signUp()).body;
    const claims = JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString('utf8'));
    const { exp: _exp, iat: _iat, ...rest } = claims;
    const secret = t.config.JWT_ACCESS_SECRET;
    const jwt = new JwtService({ secret });
    const hs512 = await jwt.signAsync(rest, { algorithm: 'HS512', expiresIn: 600 });
    const noExp = await jwt.signAsync(rest, { algorithm: 'HS256' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const good = await jwt.signAsync(rest, { algorithm: 'HS256', expiresIn: 600 });
    expect((await t.api.get('me', { token: good })).status).toBe(200);
    for (const [what, token] of [['HS512', hs512], ['no exp', noExp], ['alg none', none]]) {
      expect([what, (await t.api.get('me', { token })).status]).toEqual([what, 401]);
    }
  });
});
