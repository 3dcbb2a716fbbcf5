import { keepPreviousData, QueryClient, useQuery, UseQueryResult } from '@tanstack/react-query';
import { api, ApiError } from './api';
import { useI18n } from './i18n';
import { useSession } from './session';

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** Client errors (4xx) are answers, not accidents: only a lost connection or a 5xx is tried once more. */
export function retryTransient(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failures < 1;
}

/** One cache for the portal: data stays fresh for 30 s, pages re-read it after a write through `invalidate`. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: retryTransient },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();

/**
 * The cache key of a GET: the path's segments first, then the query string's parameters (empty ones dropped),
 * so invalidating `achievements/abc` reaches the detail, its attachments and its matches, and `achievements` every list.
 */
export function apiKey(path: string, params?: QueryParams): unknown[] {
  const segments = path.split('/').filter(Boolean);
  if (!params) return segments;
  const kept = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return [...segments, kept];
}

/** Who asks and in which language: the same path answers differently per account and Accept-Language, so both end the key. */
function useScope(): string {
  const { lang } = useI18n();
  const session = useSession();
  return `${lang}:${session?.user.id ?? 'anonymous'}`;
}

interface Options {
  /** false: wait (a parameter is not chosen yet). */
  enabled?: boolean;
  /** Keep showing the previous page's data while the next page loads (lists, pagination). Default true. */
  keepPrevious?: boolean;
  staleTime?: number;
  /** Poll: milliseconds until the next read given the data so far, or false to stop (a long job's progress). */
  refetchInterval?: (data: unknown) => number | false;
}

/** GET `path` through the cache. */
export function useApiQuery<T>(path: string, params?: QueryParams, options: Options = {}): UseQueryResult<T> {
  return useLoader<T>(apiKey(path, params ?? {}), () => api.get<T>(path, params), options);
}

/** A cached loader that is not a single GET (several calls, a fallback endpoint); `key` starts with the path it reads so `invalidate` reaches it. */
export function useLoader<T>(key: unknown[], load: () => Promise<T>, options: Options = {}): UseQueryResult<T> {
  const scope = useScope();
  return useQuery<T>({
    queryKey: [...key, scope],
    queryFn: load,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime,
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    refetchInterval: options.refetchInterval ? (query) => options.refetchInterval!(query.state.data) : undefined,
  });
}

/** After a write: everything cached under these paths is stale, and what is on screen reloads. */
export function invalidate(...paths: string[]): Promise<void> {
  return Promise.all(paths.map((p) => queryClient.invalidateQueries({ queryKey: apiKey(p) }))).then(() => undefined);
}

/** A missing resource is an answer ("not there yet"), not an error to show: 404 → null, anything else still throws. */
export function nullIfMissing<T>(request: Promise<T>): Promise<T | null> {
  return request.catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });
}
