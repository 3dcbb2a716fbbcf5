import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { metricsAccess } from './metrics-token';
import { renderMetrics } from './metrics';

/**
 * GET /metrics (outside /api/v1, where Prometheus looks): this process's metrics and the shared state (queues, outbox,
 * business counts). Public to the session guard; the scrape token is the gate (404 without METRICS_TOKEN, 401 without it).
 */
@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {
  constructor(private readonly config: AppConfig) {
    super();
  }

  @Get()
  @Public()
  override async index(@Res({ passthrough: true }) reply: FastifyReply, @Headers('authorization') authorization?: string): Promise<string> {
    const access = metricsAccess(this.config.METRICS_TOKEN, authorization);
    if (access === 'off') throw DomainError.notFound({ zh: '未找到', en: 'Not found' });
    if (access === 'denied') {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new DomainError('unauthorized', 'METRICS_TOKEN_REQUIRED', { zh: '需要指标采集令牌', en: 'The metrics scrape token is required' });
    }
    const { contentType, body } = await renderMetrics(true);
    void reply.header('content-type', contentType);
    return body;
  }
}
