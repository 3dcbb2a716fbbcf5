import { Controller, Get, Ip, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { Actor, ApiFileResponse, Clock, CurrentActor, Role, Roles } from '@techbridge/platform';
import type { FastifyReply } from 'fastify';
import { AuditTrailService } from './audit-trail.service';

export class AuditExportQuery {
  @ApiPropertyOptional({ description: 'Start (inclusive), ISO 8601; default 30 days before `to`', example: '2026-06-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'End (exclusive), ISO 8601; default now', example: '2026-12-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditTrailController {
  constructor(
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  @Get('export')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '导出审计日志 / Export the audit log of a period as CSV (at most 366 days; the export itself is audited)' })
  @ApiProduces('text/csv')
  @ApiFileResponse('The audit log of the period as CSV (labels and codes in separate columns)', 'text/csv')
  async export(@CurrentActor() actor: Actor, @Query() q: AuditExportQuery, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const to = q.to ? new Date(q.to) : this.clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    const stream = await this.audit.exportCsv(actor, from, to, address);
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="audit-log-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv"`);
    return new StreamableFile(stream);
  }
}
