import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { INDUSTRY_CODES, PageQuery } from '@techbridge/platform';
import { AchievementResponse } from '@techbridge/catalog';
import { DemandResponse, DemandView, RedactedDemandResponse } from '@techbridge/demand';
import { INTRODUCTION_CHANNELS, IntroductionChannel, MatchEvent } from '../entities/match-event.entity';
import { ThesaurusEntry } from '../entities/thesaurus-entry.entity';
import { MatchWeightsVersion } from '../entities/match-weights.entity';
import { CLOSE_REASONS, CloseReason, MATCH_ACTIONS, MATCH_STATUSES, MatchAction, MatchStatus } from '../match.state-machine';
import { FeatureCode, MatchReason, ScoredMatch } from '../scoring/match-scoring';
import { ModelVersion, normaliseWeights, WEIGHT_SOURCES, WeightSource } from '../weights/match-weights';

// ---- requests ----

export class MatchesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}

export class TakeMatchDto {
  @ApiProperty() @IsUUID() demandId: string;
  @ApiProperty() @IsUUID() achievementId: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class TakeExistingMatchDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class MatchTransitionDto {
  @ApiProperty({ enum: MATCH_ACTIONS }) @IsIn(MATCH_ACTIONS) action: MatchAction;
  @ApiPropertyOptional({ enum: CLOSE_REASONS, description: 'Required when action = close' })
  @IsOptional()
  @IsIn(CLOSE_REASONS)
  closeReason?: CloseReason;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class MatchNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 4000 }) @IsString() @Length(1, 4000) body: string;
}

export class MatchIntroductionDto {
  @ApiProperty({ enum: INTRODUCTION_CHANNELS }) @IsIn(INTRODUCTION_CHANNELS) channel: IntroductionChannel;
  @ApiPropertyOptional({ description: 'When the parties were introduced; default now' }) @IsOptional() @IsDateString() occurredAt?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class MatchListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MATCH_STATUSES }) @IsOptional() @IsIn(MATCH_STATUSES) status?: MatchStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() demandId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() achievementId?: string;
  @ApiPropertyOptional({ description: 'Brokers: only the matches I follow' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  mine?: boolean;
}

const trimmedList = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== ''))] : value;

export class ThesaurusEntryDto {
  @ApiProperty({ enum: INDUSTRY_CODES }) @IsIn(INDUSTRY_CODES) industry: string;
  @ApiProperty({ minLength: 1, maxLength: 40 }) @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @Length(1, 40) term: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @Transform(trimmedList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 40, { each: true }) synonyms?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @Transform(trimmedList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 40, { each: true }) broader?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @Transform(trimmedList) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 40, { each: true }) narrower?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Symptom phrases: words separated by spaces that must co-occur in one sentence, e.g. "氮氧化物 超标"' })
  @IsOptional()
  @Transform(trimmedList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  symptoms?: string[];
}

export class ThesaurusListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ description: 'Substring of the term or a synonym' }) @IsOptional() @IsString() @MaxLength(40) q?: string;
}

// ---- responses ----

export class MatchReasonResponse {
  @ApiProperty({ type: String }) code: FeatureCode;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
  @ApiProperty({ description: 'Points this feature added to the score (reasons: > 0) or took from it (concerns: ≤ 0)' }) points: number;
}

export class ModelVersionResponse {
  @ApiProperty({ description: 'Version of the matcher weights the score was computed with' }) weightsVersion: number;
  @ApiProperty({ description: 'Version (digest) of the thesaurus the score was computed with' }) thesaurusVersion: string;
}

export class AchievementMatchItem {
  @ApiProperty({ type: AchievementResponse }) achievement: AchievementResponse;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ type: [MatchReasonResponse], description: 'What speaks for the pair' }) reasons: MatchReasonResponse[];
  @ApiProperty({ type: [MatchReasonResponse], description: 'What speaks against it (over budget, readiness just at the minimum, ...), apart from the reasons' }) concerns: MatchReasonResponse[];
  @ApiProperty({ type: ModelVersionResponse }) computedWith: ModelVersionResponse;
}

export class AchievementMatchesResponse {
  @ApiProperty({ type: [AchievementMatchItem] }) items: AchievementMatchItem[];
}

@ApiExtraModels(DemandResponse, RedactedDemandResponse)
export class DemandMatchItem {
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(DemandResponse) }, { $ref: getSchemaPath(RedactedDemandResponse) }], description: 'DemandResponse, or RedactedDemandResponse for a viewer who may not read the description' })
  demand: DemandView;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ type: [MatchReasonResponse], description: 'What speaks for the pair' }) reasons: MatchReasonResponse[];
  @ApiProperty({ type: [MatchReasonResponse], description: 'What speaks against it, apart from the reasons' }) concerns: MatchReasonResponse[];
  @ApiProperty({ type: ModelVersionResponse }) computedWith: ModelVersionResponse;
}

export class DemandMatchesResponse {
  @ApiProperty({ type: [DemandMatchItem] }) items: DemandMatchItem[];
}

export class MatchAchievementSummary {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() industry: string;
  @ApiProperty() trl: number;
  @ApiProperty() ownerId: string;
  @ApiProperty() ownerName: string;
}

@ApiExtraModels(DemandResponse, RedactedDemandResponse)
export class MatchResponse {
  @ApiProperty() id: string;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(DemandResponse) }, { $ref: getSchemaPath(RedactedDemandResponse) }], description: 'The full demand, or its redacted view when you may not read it' })
  demand: DemandView;
  @ApiProperty({ type: MatchAchievementSummary }) achievement: MatchAchievementSummary;
  @ApiProperty() score: number;
  @ApiProperty({ type: [MatchReasonResponse] }) reasons: MatchReasonResponse[];
  @ApiProperty({ type: [MatchReasonResponse] }) concerns: MatchReasonResponse[];
  @ApiProperty({ type: ModelVersionResponse, nullable: true, description: 'Null for a match stored before scores were versioned (the next recomputation fills it)' })
  computedWith: ModelVersionResponse | null;
  @ApiProperty({ enum: ['computed', 'broker'] }) origin: 'computed' | 'broker';
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ enum: CLOSE_REASONS, nullable: true }) closeReason: CloseReason | null;
  @ApiProperty({ type: String, nullable: true }) brokerUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) takenAt: string | null;
  @ApiProperty() statusChangedAt: string;
  @ApiProperty() computedAt: string;
  @ApiProperty() version: number;
}

export class MatchPageResponse {
  @ApiProperty({ type: [MatchResponse] }) items: MatchResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MatchEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['taken', 'transition', 'note', 'introduction'] }) kind: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason: string | null;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Introductions: the organisations introduced to each other (enterprise, owner)' }) introducedOrgIds: string[] | null;
  @ApiProperty({ type: String, nullable: true, enum: INTRODUCTION_CHANNELS }) channel: string | null;
  @ApiProperty() occurredAt: string;
}

export class ThesaurusEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() industry: string;
  @ApiProperty() term: string;
  @ApiProperty({ type: [String] }) synonyms: string[];
  @ApiProperty({ type: [String] }) broader: string[];
  @ApiProperty({ type: [String] }) narrower: string[];
  @ApiProperty({ type: [String] }) symptoms: string[];
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class ThesaurusPageResponse {
  @ApiProperty({ type: [ThesaurusEntryResponse] }) items: ThesaurusEntryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function mapReasons(reasons: MatchReason[]): MatchReasonResponse[] {
  return reasons.map((r) => ({ code: r.code, zh: r.zh, en: r.en, points: r.points }));
}

/** Score, reasons and concerns apart, and the versions they were computed with: one shape on every route. */
export function scoredView(scored: Pick<ScoredMatch, 'score' | 'reasons' | 'concerns'>, model: ModelVersion): { score: number; reasons: MatchReasonResponse[]; concerns: MatchReasonResponse[]; computedWith: ModelVersionResponse } {
  return { score: scored.score, reasons: mapReasons(scored.reasons), concerns: mapReasons(scored.concerns), computedWith: { weightsVersion: model.weightsVersion, thesaurusVersion: model.thesaurusVersion } };
}

export class MatchWeightsVersionResponse {
  @ApiProperty() version: number;
  @ApiProperty({ enum: WEIGHT_SOURCES }) source: WeightSource;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Points per feature at full strength (reasons ≥ 0, concerns ≤ 0)', type: 'object', additionalProperties: { type: 'number' } }) features: Record<string, number>;
  @ApiProperty({ description: 'Per-field weights of the query side and the candidate side', type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } } })
  fields: Record<string, Record<string, number>>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) params: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ description: 'Figures of the fit (outcome counts, ordered pairs before/after); never a text or an id', type: 'object', additionalProperties: { type: 'number' } })
  evidence: Record<string, number>;
  @ApiProperty() createdAt: string;
}

export class RefitRequestedResponse {
  @ApiProperty({ enum: [true] }) requested: true;
}

export class MatchWeightsPageResponse {
  @ApiProperty({ type: [MatchWeightsVersionResponse] }) items: MatchWeightsVersionResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function mapMatchEvent(e: MatchEvent): MatchEventResponse {
  return {
    id: e.id,
    kind: e.kind,
    actorUserId: e.actorUserId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    closeReason: e.closeReason,
    body: e.body,
    introducedOrgIds: e.introducedOrgIds,
    channel: e.channel,
    occurredAt: e.occurredAt.toISOString(),
  };
}

export function mapThesaurusEntry(e: ThesaurusEntry): ThesaurusEntryResponse {
  return {
    id: e.id,
    industry: e.industry,
    term: e.term,
    synonyms: e.synonyms,
    broader: e.broader,
    narrower: e.narrower,
    symptoms: e.symptoms,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function mapWeightsVersion(row: MatchWeightsVersion): MatchWeightsVersionResponse {
  const w = normaliseWeights(row.weights);
  return {
    version: row.version,
    source: row.source,
    active: row.active,
    features: { ...w.features },
    fields: { query: { ...w.fields }, candidate: { ...w.candidate } },
    params: { ...w.params },
    note: row.note,
    evidence: row.evidence ?? {},
    createdAt: row.createdAt.toISOString(),
  };
}
