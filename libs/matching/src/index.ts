export * from './matching.module';
export { MatchingService } from './matching.service';
export type { PairScore } from './matching.service';
export { MatchPipelineService } from './match-pipeline.service';
export { MatchWeightsService } from './weights/match-weights.service';
export {
  MatchReasonResponse, ModelVersionResponse, MatchWeightsVersionResponse, MatchWeightsPageResponse, RefitRequestedResponse, AchievementMatchesResponse, DemandMatchesResponse, MatchResponse, MatchPageResponse, MatchEventResponse, ThesaurusEntryResponse, ThesaurusPageResponse,
} from './dto/matching.dto';
export type { AchievementMatchItem, DemandMatchItem, MatchAchievementSummary } from './dto/matching.dto';
export type { MatchReason, FeatureCode } from './scoring/match-scoring';
export type { AppliedFeature, Tally, TalliedReason } from './scoring/reason-tally';
export type { MatchWeights, ModelVersion, WeightSource } from './weights/match-weights';
export type { MatchStatus, CloseReason, MatchAction } from './match.state-machine';
