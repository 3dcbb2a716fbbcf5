export { provideGauge, METRIC_PREFIX, renderMetrics, ScrapedGauges } from './metrics';
export type { GaugeSample, ScrapedGauge } from './metrics';
export { serveWorkerMetrics, serverPort } from './worker-metrics-server';
export { traceLogFields, currentTraceCarrier, REQUEST_ID_BAGGAGE } from './tracing';
export type { TraceCarrier } from './tracing';
export { startTracing, tracingFromEnv } from './tracing-setup';
export type { TracingOptions } from './tracing-setup';
export { maskedLogging, maskText, maskDeep } from './log-masking';
