import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Actor, CurrentActor, receiveFile, Role, Roles } from '@techbridge/platform';
import { CatalogErrors } from '../catalog.exception';
import type { ImportFormat } from '../entities/import-job.entity';
import { ImportJobResponse, ImportQuery } from './import.dto';
import { ImportService, ImportUpload } from './import.service';

function formatOf(contentType: string, filename?: string): ImportFormat | null {
  const ct = contentType.split(';')[0].trim().toLowerCase();
  const name = (filename ?? '').toLowerCase();
  if (ct === 'application/x-ndjson' || ct === 'application/jsonl' || name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'ndjson';
  if (ct === 'text/csv' || name.endsWith('.csv')) return 'csv';
  if (ct === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' || name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':kind')
  @HttpCode(202)
  @Roles(Role.OrgAdmin, Role.PlatformAdmin)
  @ApiConsumes('application/x-ndjson', 'text/csv', 'multipart/form-data')
  @ApiOperation({ summary: '批量导入 / Bulk import (JSON Lines body, or a CSV/XLSX upload); runs as a job, poll GET /imports/:id' })
  @ApiAcceptedResponse({ schema: { properties: { id: { type: 'string' } } } })
  async start(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @Query() q: ImportQuery,
    @Req() req: FastifyRequest,
  ): Promise<{ id: string }> {
    // A refused upload may leave its body unread; the global filter closes the connection behind the answer.
    let upload: ImportUpload;
    if (req.isMultipart()) {
      const file = await receiveFile(req);
      const format = formatOf(file.mimetype, file.filename);
      if (!format) throw CatalogErrors.unsupportedFile('file', file.mimetype);
      upload = { stream: file.stream, format, filename: file.filename };
    } else {
      const format = formatOf(String(req.headers['content-type'] ?? ''));
      if (!format || format === 'xlsx' || !req.body) throw CatalogErrors.unsupportedFile('body', String(req.headers['content-type'] ?? 'none'));
      upload = { stream: req.body as Readable, format, filename: null };
    }
    return this.imports.start(actor, kind, upload, { publish: q.publish });
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportJobResponse })
  @ApiOperation({ summary: '导入进度 / The state and per-row results of a bulk import' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ImportJobResponse> {
    return this.imports.get(actor, id);
  }
}
