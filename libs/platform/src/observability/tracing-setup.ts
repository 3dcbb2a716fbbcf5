import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans are sent to <url>/v1/traces. */
  otlpEndpoint?: string;
  /** Tests: spans go here, synchronously (an in-memory exporter). */
  exporter?: SpanExporter;
}

/**
 * The SDK, set up before anything loads pg or ioredis (both apps import their `tracing.ts` first) so their calls are
 * instrumented. Always: the provider, the async context and the W3C propagators, so trace and request ids reach the
 * worker's log lines. Spans leave the process only when an OTLP endpoint is configured (or a test gives an exporter);
 * otherwise exporting is off and nothing else is instrumented.
 */
export function startTracing(options: TracingOptions): NodeTracerProvider {
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` })));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: processors,
  });
  provider.register();
  if (processors.length) {
    // PostgreSQL statements and Redis commands (BullMQ's included) as child spans of the request or job that made them.
    registerInstrumentations({ tracerProvider: provider, instrumentations: [new PgInstrumentation({ enhancedDatabaseReporting: false }), new IORedisInstrumentation()] });
  }
  return provider;
}

/** The tracing settings from the environment: OTEL_EXPORTER_OTLP_ENDPOINT (http(s) URL) and OTEL_SERVICE_NAME. */
export function tracingFromEnv(env: Record<string, string | undefined>, defaultService: string): TracingOptions {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^\s]+$/.test(endpoint)) throw new Error(`Invalid configuration:\n  OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL, e.g. http://otel-collector:4318`);
  return { serviceName: env.OTEL_SERVICE_NAME?.trim() || defaultService, otlpEndpoint: endpoint };
}
