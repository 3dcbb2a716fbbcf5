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
});
