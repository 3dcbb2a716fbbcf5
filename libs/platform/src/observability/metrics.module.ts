import { Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { MetricsController } from './metrics.controller';

/**
 * The api's /metrics (prom-client through @willsoto/nestjs-prometheus, with our controller for the token). Default
 * metrics are collected by processMetrics() with the techbridge_ prefix, once per process.
 */
@Module({
  imports: [PrometheusModule.register({ controller: MetricsController, defaultMetrics: { enabled: false }, path: '/metrics' })],
})
export class MetricsModule {}
