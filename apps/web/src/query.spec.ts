import { matchQuery } from '@tanstack/react-query';
import { ApiError } from './api';
import { apiKey, createQueryClient, retryTransient } from './query';

describe('portal data cache keys', () => {
  it('start with the path segments and end with the non-empty parameters', () => {
    expect(apiKey('achievements/abc/attachments')).toEqual(['achievements', 'abc', 'attachments']);
    expect(apiKey('achievements', { owner: 'o1', page: 2, q: '', industry: undefined, mine: null })).toEqual(['achievements', { owner: 'o1', page: 2 }]);
  });

  it('invalidating a path reaches every query under it and nothing beside it', () => {
    const client = createQueryClient();
    const cache = client.getQueryCache();
    const keys = [
      [...apiKey('achievements', { page: 1 }), 'zh:u1'],
      [...apiKey('achievements/abc', {}), 'zh:u1'],
      [...apiKey('achievements/abc/attachments', {}), 'en:u1'],
      [...apiKey('demands', { page: 1 }), 'zh:u1'],
    ];
    for (const queryKey of keys) client.setQueryData(queryKey, 1);
    const hit = (path: string) => cache.getAll().filter((q) => matchQuery({ queryKey: apiKey(path) }, q)).map((q) => q.queryKey);
    expect(hit('achievements')).toHaveLength(3);
    expect(hit('achievements/abc')).toEqual([keys[1], keys[2]]);
    expect(hit('demands')).toEqual([keys[3]]);
  });

  it('retries a lost connection or a 5xx once, never a 4xx answer', () => {
    expect(retryTransient(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryTransient(1, new TypeError('Failed to fetch'))).toBe(false);
    expect(retryTransient(0, new ApiError(0, 'no connection'))).toBe(true);
    expect(retryTransient(0, new ApiError(503, 'unavailable'))).toBe(true);
    expect(retryTransient(0, new ApiError(404, 'not found'))).toBe(false);
    expect(retryTransient(0, new ApiError(403, 'forbidden'))).toBe(false);
  });
});
