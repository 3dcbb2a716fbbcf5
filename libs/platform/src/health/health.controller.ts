import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { JobQueue } from '../queue/job-queue.service';
import { QueueName } from '../queue/job-catalogue';
import { OutboxService } from '../outbox/outbox.service';
import { SEARCH_INDEX, SearchIndex } from '../search/search-index.port';

export class SearchHealth {
  @ApiProperty() engine!: string;
  @ApiProperty() ok!: boolean;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis!: 'up' | 'down';
  @ApiProperty({ type: SearchHealth }) search!: SearchHealth;
  @ApiProperty({ type: Number, nullable: true }) outboxBacklog!: number | null;
  /** Outbox messages that failed every attempt and wait for an administrator (GET /outbox/dead-letters). */
  @ApiProperty({ type: Number, nullable: true }) outboxDead!: number | null;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly jobs: JobQueue,
    private readonly outbox: OutboxService,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthReport, description: '200 when ready, 503 (same body) otherwise' })
  @ApiOperation({ summary: '健康检查 / Readiness: 200 when the database answers, 503 otherwise' })
  async check(@Res() reply: FastifyReply): Promise<void> {
    const dbUp = await this.health
      .check([() => this.db.pingCheck('db', { timeout: 2000 })])
      .then((r) => r.status === 'ok')
      .catch(() => false);
    const redisUp = await withTimeout(this.jobs.queue(QueueName.Maintenance).client.then((c) => (c as unknown as { ping(): Promise<string> }).ping()), 2000)
      .then((pong) => pong === 'PONG')
      .catch(() => false);
    const searchOk = await withTimeout(this.search.ping(), 2000).catch(() => false);
    const backlog = dbUp ? await this.outbox.backlog().catch(() => null) : null;
    const dead = dbUp ? await this.outbox.deadCount().catch(() => null) : null;
    const ok = dbUp && redisUp && searchOk;
    const report: HealthReport = {
      status: ok ? 'ok' : 'error',
      db: dbUp ? 'up' : 'down',
      redis: redisUp ? 'up' : 'down',
      search: { engine: this.search.engine, ok: searchOk },
      outboxBacklog: backlog,
      outboxDead: dead,
    };
    void reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).send(report);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
