import { Attributes, context, Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Traces through the OpenTelemetry API only: without a registered provider (tests, scripts) every call is a no-op.
 * The process sets the SDK up in tracing-setup.ts. One trace runs from an HTTP request through the outbox row its
 * transaction wrote into the job the relay enqueued and the handler that ran it; the request id rides along as baggage
 * so the worker's log lines carry it as the api's do.
 */
export const tracer = () => trace.getTracer('techbridge');

/** W3C trace headers (traceparent, tracestate, baggage) as stored in outbox rows and job data. */
export type TraceCarrier = Record<string, string>;

export const REQUEST_ID_BAGGAGE = 'request.id';

/** The active trace as headers, or undefined when there is none worth carrying. */
export function currentTraceCarrier(): TraceCarrier | undefined {
  if (!trace.getSpanContext(context.active())) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length ? carrier : undefined;
}

export function contextFrom(carrier: TraceCarrier | undefined | null): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

/** The context a request runs in: its span, the caller's trace if it sent one, and the request id as baggage. */
export function requestContext(parent: Context, span: Span, requestId: string): Context {
  const baggage = (propagation.getBaggage(parent) ?? propagation.createBaggage()).setEntry(REQUEST_ID_BAGGAGE, { value: requestId });
  return propagation.setBaggage(trace.setSpan(parent, span), baggage);
}

/**
 * Run `work` in a new span under `parent` (a stored carrier's context, or the active one); an error marks the span and
 * is rethrown. `links` join spans that one step serves together (an outbox batch).
 */
export async function inSpan<T>(
  name: string,
  options: { kind: SpanKind; attributes?: Attributes; parent?: Context; links?: Context[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const links = (options.links ?? []).map((c) => trace.getSpanContext(c)).filter((c) => !!c).map((c) => ({ context: c! }));
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes, links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
    throw err;
  } finally {
    span.end();
  }
}

/** Fields every log line gets (pino mixin): the trace and span, and the request id that started the work. */
export function traceLogFields(): Record<string, string> {
  const active = context.active();
  const span = trace.getSpanContext(active);
  if (!span) return {};
  const requestId = propagation.getBaggage(active)?.getEntry(REQUEST_ID_BAGGAGE)?.value;
  return { traceId: span.traceId, spanId: span.spanId, ...(requestId ? { requestId } : {}) };
}

export { SpanKind };
