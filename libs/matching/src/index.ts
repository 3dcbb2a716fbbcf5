export * from './matching.module';
export { MatchingService } from './matching.service';
export type { PairScore } from './matching.service';
export { MatchPipelineService } from './match-pipeline.service';
export {
  MatchReasonResponse, AchievementMatchesResponse, DemandMatchesResponse, MatchResponse, MatchPageResponse, MatchEventResponse, ThesaurusEntryResponse, ThesaurusPageResponse,
} from './dto/matching.dto';
export type { AchievementMatchItem, DemandMatchItem, MatchAchievementSummary } from './dto/matching.dto';
export type { MatchReason, FeatureCode } from './scoring/match-scoring';
export type { MatchStatus, CloseReason, MatchAction } from './match.state-machine';
