import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a scrape may read the metrics: only with `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time.
 * Without a token configured the endpoint is off (404): metrics name routes, queues and volumes, not for the internet.
 */
export function metricsAccess(token: string | undefined, authorization: string | string[] | undefined): 'off' | 'denied' | 'allowed' {
  if (!token) return 'off';
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const presented = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b) ? 'allowed' : 'denied';
}
