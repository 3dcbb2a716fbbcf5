import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { startTracing, traceLogFields } from '@techbridge/platform';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createDemand } from '../demand/demand-helpers';
import { createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * One trace from an HTTP request through the outbox row its transaction wrote into the job the relay enqueued and the
 * handler that ran it, with the request id as baggage; spans collected by an in-memory exporter.
 */
describe('tracing: api → outbox → worker in one trace (e2e)', () => {
  const exporter = new InMemorySpanExporter();
  let t: TestApp;
  let enterprise: Session;

  beforeAll(async () => {
    startTracing({ serviceName: 'techbridge-test', exporter });
    t = await createTestApp({ worker: true });
    enterprise = await signUpOrganisation(t.api, 'enterprise');
  });
  afterAll(async () => {
    await t.close();
  });

  const spansOfTrace = (traceId: string) => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  it('publishing a demand: request span → outbox delivery → matching job, with the request id carried', async () => {
    exporter.reset();
    const demand = await createDemand(t.api, enterprise, {}, false);
    // The caller's own trace is continued (W3C traceparent), as behind a gateway that starts traces.
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await t.api.post(`demands/${demand.id}/publish`, {}, {
      token: enterprise.accessToken,
      headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01`, 'x-request-id': 'req-trace-test-0001' },
    });
    expect(res.status).toBe(200);
    await t.drain();

    const spans = spansOfTrace(callerTrace);
    const server = spans.find((s) => s.kind === SpanKind.SERVER && s.name === 'POST /api/v1/demands/:id/publish');
    expect(server).toBeDefined();
    expect(parentOf(server!)).toBe('00f067aa0ba902b7');
    expect(server!.attributes['http.response.status_code']).toBe(200);

    const delivery = spans.find((s) => s.name === 'outbox enqueue matching.compute-demand-matches');
    expect(delivery).toBeDefined();
    expect(parentOf(delivery!)).toBe(server!.spanContext().spanId);

    const job = spans.find((s) => s.kind === SpanKind.CONSUMER && s.name === 'job matching.compute-demand-matches');
    expect(job).toBeDefined();
    expect(parentOf(job!)).toBe(delivery!.spanContext().spanId);
    expect(job!.attributes['messaging.destination.name']).toBe('matching');

    // The outbox row kept the request id as baggage beside the trace.
    const [row] = await t.db.dataSource.query(`SELECT payload FROM outbox_message WHERE target = 'matching.compute-demand-matches' AND payload->'data'->>'demandId' = $1`, [demand.id]);
    expect(row.payload.trace.traceparent).toContain(callerTrace);
    expect(decodeURIComponent(row.payload.trace.baggage)).toContain('request.id=req-trace-test-0001');
  });

  it('a request without traceparent starts its own trace; the handler never sees the trace in its payload', async () => {
    exporter.reset();
    const res = await t.api.post('demands', (await import('../demand/demand-helpers')).demandBody(), { token: enterprise.accessToken });
    expect(res.status).toBe(201);
    await t.api.post(`demands/${res.body.id}/publish`, {}, { token: enterprise.accessToken });
    await t.drain();
    const server = exporter.getFinishedSpans().find((s) => s.name === 'POST /api/v1/demands/:id/publish')!;
    expect(server.parentSpanContext).toBeUndefined();
    const job = spansOfTrace(server.spanContext().traceId).find((s) => s.name === 'job matching.compute-demand-matches');
    expect(job).toBeDefined();
    // The matches were computed from the demand id the handler read (payload without __trace).
    const matches = await t.api.get(`demands/${res.body.id}/matches`, { token: enterprise.accessToken });
    expect(matches.status).toBe(200);
  });

  it('log lines written inside a job carry the trace id and the request id that caused it', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ mixin: traceLogFields }, new Writable({ write: (chunk, _e, cb) => { lines.push(JSON.parse(String(chunk))); cb(); } }));
    const { context, propagation, trace, ROOT_CONTEXT } = await import('@opentelemetry/api');
    const parent = propagation.extract(ROOT_CONTEXT, {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      baggage: 'request.id=req-log-0002',
    });
    const span = trace.getTracer('t').startSpan('job x', {}, parent);
    context.with(trace.setSpan(parent, span), () => logger.info('inside the job'));
    span.end();
    logger.info('outside any trace');
    expect(lines[0]).toMatchObject({ msg: 'inside the job', traceId: '0af7651916cd43dd8448eb211c80319c', requestId: 'req-log-0002' });
    expect(lines[1].traceId).toBeUndefined();
  });
});
