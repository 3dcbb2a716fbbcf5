import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, register } from 'prom-client';

/**
 * Two registries, so that a figure is reported once however many processes run:
 * - the default registry holds what each process measures of itself (HTTP latency, job runs, searches, its PostgreSQL
 *   pool, memory and CPU); the api serves it at /metrics, each worker on WORKER_METRICS_PORT;
 * - the state registry holds figures read from PostgreSQL and Redis at scrape time (queue depth, outbox backlog,
 *   business counts), the same whoever reads them, so only the api serves it.
 * Metrics are created once per process (Nest apps may be built several times in one test file).
 */
export const stateRegistry = new Registry();

export const METRIC_PREFIX = 'techbridge_';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

export function processMetrics(): void {
  if (!register.getSingleMetric(`${METRIC_PREFIX}process_cpu_user_seconds_total`)) collectDefaultMetrics({ prefix: METRIC_PREFIX });
}

export const httpRequestDuration = (): Histogram<'method' | 'route' | 'status'> =>
  once(`${METRIC_PREFIX}http_request_duration_seconds`, () => new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route template and status code (count = rate, buckets = latency)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
  }));

export const jobDuration = (): Histogram<'queue' | 'job' | 'outcome'> =>
  once(`${METRIC_PREFIX}job_duration_seconds`, () => new Histogram({
    name: `${METRIC_PREFIX}job_duration_seconds`,
    help: 'Job runs by queue, job name and outcome (completed / failed); matching.* jobs are the match computation time',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: JOB_BUCKETS,
  }));

export const jobFailures = (): Counter<'queue' | 'job' | 'final'> =>
  once(`${METRIC_PREFIX}job_failures_total`, () => new Counter({
    name: `${METRIC_PREFIX}job_failures_total`,
    help: 'Failed job attempts by queue and job; final="true" when no retry is left (the domain row shows the reason)',
    labelNames: ['queue', 'job', 'final'] as const,
  }));

export const searchDuration = (): Histogram<'index' | 'engine'> =>
  once(`${METRIC_PREFIX}search_duration_seconds`, () => new Histogram({
    name: `${METRIC_PREFIX}search_duration_seconds`,
    help: 'Search engine calls by index and engine',
    labelNames: ['index', 'engine'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }));

export interface GaugeSample {
  labels?: Record<string, string | number>;
  value: number;
}

type Collect = () => Promise<GaugeSample[]> | GaugeSample[];
const collectors = new Map<string, Collect>();

/**
 * A gauge whose samples are read when Prometheus scrapes. `registry` is the state registry for shared state, the default
 * one for what belongs to this process. The latest provider wins (an app rebuilt in a test file replaces its closure);
 * the returned function withdraws it. A collector that fails (PostgreSQL down) leaves its gauge empty for that scrape:
 * health says what is down; the scrape still answers.
 */
export function provideGauge(name: string, help: string, labelNames: readonly string[], collect: Collect, registry: Registry = stateRegistry): () => void {
  if (!registry.getSingleMetric(name)) {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const fn = collectors.get(name);
        if (!fn) return;
        const samples = await Promise.resolve(fn()).catch(() => [] as GaugeSample[]);
        for (const s of samples) {
          if (s.labels) this.set(s.labels, s.value);
          else this.set(s.value);
        }
      },
    });
  }
  collectors.set(name, collect);
  return () => {
    if (collectors.get(name) === collect) collectors.delete(name);
  };
}

/** What the api serves: its own process metrics and the shared state. */
export async function renderMetrics(withState: boolean): Promise<{ contentType: string; body: string }> {
  const registries = withState ? [register, stateRegistry] : [register];
  const merged = Registry.merge(registries);
  return { contentType: register.contentType, body: await merged.metrics() };
}

export async function timed<T>(observe: (seconds: number) => void, work: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    observe(Number(process.hrtime.bigint() - start) / 1e9);
  }
}

export interface ScrapedGauge {
  /** Without the techbridge_ prefix. */
  name: string;
  help: string;
  labels: readonly string[];
  collect: Collect;
}

/**
 * Base of a context's business figures, read from its own tables when Prometheus scrapes (served by the api only, see
 * stateRegistry): a provider lists its gauges; registering and withdrawing follow the module's life.
 */
export abstract class ScrapedGauges {
  private readonly withdrawals: Array<() => void> = [];

  protected abstract gauges(): ScrapedGauge[];

  onModuleInit(): void {
    for (const g of this.gauges()) this.withdrawals.push(provideGauge(`${METRIC_PREFIX}${g.name}`, g.help, g.labels, g.collect));
  }

  onModuleDestroy(): void {
    for (const w of this.withdrawals.splice(0)) w();
  }
}
