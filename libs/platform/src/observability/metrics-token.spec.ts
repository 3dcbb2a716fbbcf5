import { metricsAccess } from './metrics-token';

describe('metricsAccess', () => {
  const token = 'scrape-token-0123456789';
  it('is off without a configured token, whatever is presented', () => {
    expect(metricsAccess(undefined, `Bearer ${token}`)).toBe('off');
    expect(metricsAccess('', undefined)).toBe('off');
  });
  it('allows only the exact bearer token', () => {
    expect(metricsAccess(token, `Bearer ${token}`)).toBe('allowed');
    expect(metricsAccess(token, undefined)).toBe('denied');
    expect(metricsAccess(token, token)).toBe('denied');
    expect(metricsAccess(token, `Bearer ${token}x`)).toBe('denied');
    expect(metricsAccess(token, `Bearer ${token.slice(0, -1)}`)).toBe('denied');
    expect(metricsAccess(token, [`Bearer ${token}`])).toBe('allowed');
  });
});
