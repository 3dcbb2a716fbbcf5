export * from './matching.module';
export { MatchingService, PairScore } from './matching.service';
export { MatchPipelineService } from './match-pipeline.service';
export { ThesaurusService } from './thesaurus.service';
export * from './dto/matching.dto';
export type { MatchReason, FeatureCode } from './scoring/match-scoring';
export type { MatchStatus, CloseReason, MatchAction } from './match.state-machine';
