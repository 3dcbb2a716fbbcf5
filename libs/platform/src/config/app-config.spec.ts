import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const good = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379', JWT_ACCESS_SECRET: '0123456789abcdef' };

  it('applies defaults and converts numbers', () => {
    const c = loadConfig({ ...good, PORT: '8080' });
    expect(c.PORT).toBe(8080);
    expect(c.MEILI_HOST).toBeUndefined();
    expect(c.QUEUE_PREFIX).toBe('techbridge');
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ REDIS_URL: 'redis://h', JWT_ACCESS_SECRET: 'short', PORT: 'eighty', MEILI_HOST: 'not a url', ADMIN_EMAIL: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const names = (error as ConfigValidationError).problems.map((p) => p.variable).sort();
    expect(names).toEqual(['ADMIN_EMAIL', 'DATABASE_URL', 'JWT_ACCESS_SECRET', 'MEILI_HOST', 'PORT']);
    expect((error as Error).message).toContain('JWT_ACCESS_SECRET');
  });

  it('binds to loopback and trusts no proxy unless told', () => {
    const c = loadConfig(good);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.TRUSTED_PROXIES).toBe('');
    expect(loadConfig({ ...good, HOST: '0.0.0.0', TRUSTED_PROXIES: '10.0.0.0/8, 172.16.0.1' }).HOST).toBe('0.0.0.0');
    expect(() => loadConfig({ ...good, TRUSTED_PROXIES: 'everyone!' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('refuses an idle timeout shorter than an access token lives', () => {
    expect(() => loadConfig({ ...good, SESSION_IDLE_MINUTES: '10', JWT_ACCESS_TTL_SECONDS: '900' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(loadConfig({ ...good, SESSION_IDLE_MINUTES: '20' }).SESSION_IDLE_MINUTES).toBe(20);
  });
});
