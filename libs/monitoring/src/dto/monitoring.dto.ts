import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { LocalizedText, PARK_CODES } from '@techbridge/platform';
import type { IndicatorEntry } from '../entities/entry.entity';
import type { FigureCorrection, QuarterFigure, RecordRef } from '../entities/figure.entity';
import type { Indicator } from '../entities/indicator.entity';
import type { IndexWeightsVersion } from '../entities/innovation-index.entity';
import type { ReportingQuarter } from '../entities/quarter.entity';
import type { Change } from '../rules/report';

const QUARTER_PATTERN = /^\d{4}Q[1-4]$/;
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// ======== requests ========

export class OpenQuarterDto {
  @ApiProperty({ example: '2026Q3' })
  @Matches(QUARTER_PATTERN, { message: 'quarter must look like 2026Q3' })
  quarter!: string;
}

export class EntryInputDto {
  @ApiProperty({ example: 'high-tech-enterprises' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  indicator!: string;

  @ApiProperty({ example: 126, description: 'count, yuan, percent (0–100) or per 10,000 people, as the indicator says' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class EnterFiguresDto {
  @ApiProperty({ type: [EntryInputDto] })
  @ValidateNested({ each: true })
  @Type(() => EntryInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  entries!: EntryInputDto[];
}

export class ReturnEntryDto {
  @ApiProperty({ example: '高新技术企业数与省科技厅认定名单不一致，请核对' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class EntryListQuery {
  @ApiPropertyOptional({ enum: PARK_CODES })
  @IsOptional()
  @IsIn(PARK_CODES)
  park?: string;

  @ApiPropertyOptional({ enum: ['submitted', 'approved', 'returned'] })
  @IsOptional()
  @IsIn(['submitted', 'approved', 'returned'])
  status?: string;
}

export class CorrectFigureDto {
  @ApiPropertyOptional({ enum: PARK_CODES, description: 'omit for the zone line' })
  @IsOptional()
  @IsIn(PARK_CODES)
  park?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  indicator!: string;

  @ApiPropertyOptional({ description: "breakdown key, e.g. 'type:consulting'; empty for the total" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  breakdown?: string;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ enum: PARK_CODES })
  @IsOptional()
  @IsIn(PARK_CODES)
  park?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS as unknown as string[])
  format?: ExportFormat;
}

export class DrillDownQuery {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  indicator!: string;

  @ApiPropertyOptional({ enum: PARK_CODES, description: 'omit for the zone' })
  @IsOptional()
  @IsIn(PARK_CODES)
  park?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  breakdown?: string;
}

export class IndexQuery {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class WeightsDto {
  @ApiProperty({ example: { transaction: 0.35, 'supply-demand': 0.2, services: 0.1, 'innovation-input': 0.15, 'innovation-entities': 0.2 } })
  @IsObject()
  dimensions!: Record<string, number>;

  @ApiProperty({ example: { 'technology-amount': 2, 'contracts-registered': 1 } })
  @IsObject()
  indicators!: Record<string, number>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

// ======== responses ========

export class IndicatorResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: LocalizedText;
  @ApiProperty({ enum: ['count', 'yuan', 'percent', 'per-10k'] }) unit!: string;
  @ApiProperty() dimension!: string;
  @ApiProperty({ enum: ['higher', 'lower'] }) direction!: string;
  @ApiProperty({ enum: ['computed', 'entered'] }) source!: string;
  @ApiProperty({ enum: ['sum', 'last', 'mean', 'share'] }) aggregation!: string;
  @ApiProperty({ description: 'Weighted in the current innovation-index weights version' }) inIndex!: boolean;
  @ApiProperty({ description: 'computed indicators: whether a context feeds it today' }) available!: boolean;
}

export function mapIndicator(i: Indicator, available: boolean, inIndex: boolean): IndicatorResponse {
  return { code: i.code, name: { zh: i.zh, en: i.en }, unit: i.unit, dimension: i.dimension, direction: i.direction, source: i.source, aggregation: i.aggregation, inIndex, available };
}

export class QuarterResponse {
  @ApiProperty() code!: string;
  @ApiProperty() year!: number;
  @ApiProperty() quarter!: number;
  @ApiProperty({ enum: ['open', 'published'] }) status!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() revision!: number;
}

export function mapQuarter(q: ReportingQuarter): QuarterResponse {
  return { code: q.code, year: q.year, quarter: q.quarter, status: q.status, openedAt: q.openedAt.toISOString(), publishedAt: q.publishedAt?.toISOString() ?? null, revision: q.revision };
}

export class EntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() quarter!: string;
  @ApiProperty() park!: string;
  @ApiProperty() indicator!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ['submitted', 'approved', 'returned'] }) status!: string;
  @ApiProperty() enteredBy!: string;
  @ApiProperty() enteredAt!: string;
  @ApiProperty({ type: String, nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  @ApiProperty() version!: number;
}

export function mapEntry(e: IndicatorEntry): EntryResponse {
  return {
    id: e.id, quarter: e.quarterCode, park: e.parkCode, indicator: e.indicatorCode, value: e.value, note: e.note, status: e.status, enteredBy: e.enteredBy,
    enteredAt: e.enteredAt.toISOString(), reviewedAt: e.reviewedAt?.toISOString() ?? null, returnReason: e.returnReason, version: e.version,
  };
}

export class ChangeResponse {
  @ApiProperty({ type: Number, nullable: true }) previous!: number | null;
  @ApiProperty({ type: Number, nullable: true }) delta!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'percent' }) percent!: number | null;
}

export class ReportLineResponse {
  @ApiProperty({ type: String, nullable: true, description: 'null = the zone' }) park!: string | null;
  @ApiProperty() parkName!: LocalizedText;
  @ApiProperty() indicator!: string;
  @ApiProperty() indicatorName!: LocalizedText;
  @ApiProperty() unit!: string;
  @ApiProperty() dimension!: string;
  @ApiProperty({ description: "'' for the total, else e.g. 'type:consulting'" }) breakdown!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty() source!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() figureId!: string;
  @ApiProperty() recordCount!: number;
  @ApiProperty({ type: ChangeResponse }) qoq!: Change;
  @ApiProperty({ type: ChangeResponse }) yoy!: Change;
}

export class ReportResponse {
  @ApiProperty() quarter!: string;
  @ApiProperty() status!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) park!: string | null;
  @ApiProperty() previousQuarter!: string;
  @ApiProperty() sameQuarterLastYear!: string;
  @ApiProperty({ type: [ReportLineResponse] }) lines!: ReportLineResponse[];
}

export class FigureResponse {
  @ApiProperty() id!: string;
  @ApiProperty() quarter!: string;
  @ApiProperty({ type: String, nullable: true }) park!: string | null;
  @ApiProperty() indicator!: string;
  @ApiProperty() breakdown!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty() source!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true }) entryId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ description: 'the records behind the figure' }) records!: RecordRef[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) supersededAt!: string | null;
}

export function mapFigure(f: QuarterFigure): FigureResponse {
  return {
    id: String(f.id), quarter: f.quarterCode, park: f.parkCode, indicator: f.indicatorCode, breakdown: f.breakdown, value: f.value, source: f.source, revision: f.revision,
    entryId: f.entryId, note: f.note, records: f.records, createdAt: f.createdAt.toISOString(), supersededAt: f.supersededAt?.toISOString() ?? null,
  };
}

export class DrillDownResponse {
  @ApiProperty({ type: FigureResponse }) figure!: FigureResponse;
  @ApiProperty({ type: EntryResponse, nullable: true }) entry!: EntryResponse | null;
  @ApiProperty({ type: [FigureResponse], description: 'every revision, oldest first' }) history!: FigureResponse[];
}

export class CorrectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() quarter!: string;
  @ApiProperty({ type: String, nullable: true }) park!: string | null;
  @ApiProperty() indicator!: string;
  @ApiProperty({ type: Number, nullable: true }) oldValue!: number | null;
  @ApiProperty() newValue!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() correctedBy!: string;
  @ApiProperty() correctedAt!: string;
}

export function mapCorrection(c: FigureCorrection): CorrectionResponse {
  return {
    id: c.id, quarter: c.quarterCode, park: c.parkCode, indicator: c.indicatorCode, oldValue: c.oldValue, newValue: c.newValue, reason: c.reason, correctedBy: c.correctedBy,
    correctedAt: c.correctedAt.toISOString(),
  };
}

export class WeightsResponse {
  @ApiProperty() version!: number;
  @ApiProperty() dimensions!: Record<string, number>;
  @ApiProperty() indicators!: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdAt!: string;
}

export function mapWeights(w: IndexWeightsVersion): WeightsResponse {
  return { version: w.version, dimensions: w.dimensions, indicators: w.indicators, note: w.note, createdAt: w.createdAt.toISOString() };
}

export class IndexInputResponse {
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ description: 'monitoring figure ids the annual value was aggregated from' }) figureIds!: string[];
}

export class ParkIndexResponse {
  @ApiProperty() park!: string;
  @ApiProperty() parkName!: LocalizedText;
  @ApiProperty({ description: 'false: the park reported nothing that year (every input missing or 0); it is listed but not ranked' }) hasData!: boolean;
  @ApiProperty() score!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'competition rank among the parks with data; null for a park without' }) rank!: number | null;
  @ApiProperty() dimensions!: Record<string, number>;
  @ApiProperty() normalised!: Record<string, number>;
  @ApiProperty() inputs!: Record<string, IndexInputResponse>;
  @ApiProperty({ type: Number, nullable: true }) previousScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousRank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreChange!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'positive = moved up' }) rankChange!: number | null;
}

export class InnovationIndexResponse {
  @ApiProperty() year!: number;
  @ApiProperty() runId!: string;
  @ApiProperty() weightsVersion!: number;
  @ApiProperty({ type: WeightsResponse }) weights!: WeightsResponse;
  @ApiProperty({ type: [String] }) quarters!: string[];
  @ApiProperty() computedAt!: string;
  @ApiProperty({ type: [ParkIndexResponse] }) parks!: ParkIndexResponse[];
}

export class IndexYearsResponse {
  @ApiProperty({ type: [Number], description: 'years with a computed index, newest first' }) years!: number[];
}

export class IndexVerificationResponse {
  @ApiProperty() runId!: string;
  @ApiProperty() weightsVersion!: number;
  @ApiProperty({ description: 'recomputing from the stored inputs and weights gives the stored results' }) reproducible!: boolean;
}

export class TargetProgressResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: LocalizedText;
  @ApiProperty() indicator!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: ['cumulative', 'share', 'latest', 'yearly'] }) basis!: string;
  @ApiProperty() target!: number;
  @ApiProperty() targetYear!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no published figure yet (or no context feeds it)' }) actual!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'actual / target, percent' }) progress!: number | null;
  @ApiProperty() achieved!: boolean;
  @ApiProperty({ type: [String], description: 'published quarters counted' }) quarters!: string[];
}

export class AddTargetDto {
  @ApiProperty({ example: 'contract-total-2025', description: 'A new code (a later horizon of a target gets its own code)' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/)
  code!: string;

  @ApiProperty({ maxLength: 200, description: "The plan's wording" }) @IsString() @MinLength(2) @MaxLength(200) zh!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) en!: string;
  @ApiProperty({ description: 'The indicator that measures it' }) @IsString() @MaxLength(100) indicator!: string;
  @ApiProperty({ minimum: 0.0001 }) @IsNumber() @Min(0.0001) @Max(1e15) target!: number;
  @ApiProperty({ enum: ['cumulative', 'share', 'latest', 'yearly'] }) @IsIn(['cumulative', 'share', 'latest', 'yearly']) basis!: 'cumulative' | 'share' | 'latest' | 'yearly';
  @ApiProperty({ minimum: 2016, maximum: 2100, description: 'The horizon' }) @IsInt() @Min(2016) @Max(2100) targetYear!: number;
}
