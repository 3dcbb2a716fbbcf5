import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { ImportJob } from '../entities/import-job.entity';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'Platform administrators only: publish trusted registry data directly instead of landing as submitted' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  publish?: boolean;
}

export class ImportErrorResponse {
  @ApiProperty() line!: number;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class ImportJobResponse {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['uploading', 'queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty() format!: string;
  @ApiProperty() publish!: boolean;
  @ApiProperty() total!: number;
  @ApiProperty() processed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportErrorResponse], description: 'The first 1,000 errors; `failed` counts all' }) errors!: ImportErrorResponse[];
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export function mapImportJob(j: ImportJob): ImportJobResponse {
  return {
    id: j.id, kind: j.kind, status: j.status, format: j.format, publish: j.publish,
    total: j.total, processed: j.processed, created: j.created, updated: j.updated, failed: j.failed,
    errors: j.errors, failureReason: j.failureReason,
    createdAt: j.createdAt.toISOString(), startedAt: j.startedAt?.toISOString() ?? null, finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
