import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which request a piece of work is for, across awaits: the http layer opens it per request (the request id of the
 * logs and error bodies), the job dispatcher per job (the id of the request that caused the job, carried through the
 * outbox row and the job's data), so a job's log lines, and the jobs it enqueues in turn, name the request behind them.
 */
export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The request id of the work running now, or undefined outside any request or job. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * Job data carries the request id under this key beside the payload; the dispatcher takes it off before the
 * handler sees the payload, so handlers and the job catalogue's payload types stay as they are.
 */
export const JOB_REQUEST_ID = '__requestId';

export function withRequestId<T extends object>(payload: T, requestId: string | undefined): T {
  return requestId ? { ...payload, [JOB_REQUEST_ID]: requestId } : payload;
}

export function splitRequestId(data: unknown): { payload: unknown; requestId: string | undefined } {
  if (!data || typeof data !== 'object' || !(JOB_REQUEST_ID in data)) return { payload: data, requestId: undefined };
  const { [JOB_REQUEST_ID]: requestId, ...payload } = data as Record<string, unknown>;
  return { payload, requestId: typeof requestId === 'string' ? requestId : undefined };
}
