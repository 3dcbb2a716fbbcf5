export { provideGauge, METRIC_PREFIX, renderMetrics, ScrapedGauges } from './metrics';
export type { GaugeSample, ScrapedGauge } from './metrics';
export { serveWorkerMetrics, serverPort } from './worker-metrics-server';
