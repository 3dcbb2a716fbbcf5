import type { components } from './api/schema.gen';

/**
 * The API response shapes the portal reads, taken from the generated OpenAPI types (src/api/schema.gen.ts,
 * `npm run api:types`): a DTO change shows up here as a type error instead of a blank field in the browser.
 */
export type Schemas = components['schemas'];

export type QualityWarning = Schemas['QualityWarningResponse'];
/** An achievement as its owner, reviewers and readers see it (detail and list endpoints). */
export type AchievementView = Schemas['AchievementResponse'];
/** An achievement as a search hit: owner flattened, matched terms highlighted. */
export type AchievementHit = Schemas['AchievementSearchItem'];
export type PackageHit = Schemas['PackageSearchItem'];
export type DemandFull = Schemas['DemandResponse'];
export type DemandRedacted = Schemas['RedactedDemandResponse'];
/** Members-only and brokers-only demands arrive redacted to those who may not read them. */
export type DemandListItem = DemandFull | DemandRedacted;
export type MatchReason = Schemas['MatchReasonResponse'];
export type AchievementMatch = Schemas['AchievementMatchItem'];
export type PipelineMatch = Schemas['MatchResponse'];
