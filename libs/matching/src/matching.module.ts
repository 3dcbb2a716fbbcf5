import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { DemandModule } from '@techbridge/demand';
import { IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';
import { MatchEvent } from './entities/match-event.entity';
import { MatchComputation } from './entities/match-computation.entity';
import { Match } from './entities/match.entity';
import { ThesaurusEntry } from './entities/thesaurus-entry.entity';
import { MatchWeightsVersion } from './entities/match-weights.entity';
import { MatchWeightsRepository } from './weights/match-weights.repository';
import { MatchWeightsService } from './weights/match-weights.service';
import { MatchRescoreService } from './match-rescore.service';
import { WeightRefitService } from './weights/weight-refit.service';
import { MatchComputationRepository } from './match-computation.repository';
import { MatchComputationService } from './match-computation.service';
import { MatchPipelineService } from './match-pipeline.service';
import { MatchAccessPolicy } from './match-access.policy';
import { MatchRepository } from './match.repository';
import { MatchingController, MatchPipelineController, MatchWeightsController, ThesaurusController } from './matching.controller';
import { MatchingJobs } from './matching.jobs';
import { MatchingService } from './matching.service';
import { ThesaurusRepository } from './thesaurus.repository';
import { ThesaurusService } from './thesaurus.service';
import { MatchingMetrics } from './matching.metrics';

@Module({
  imports: [IdentityModule, NotificationModule, CatalogModule, DemandModule, TypeOrmModule.forFeature([ThesaurusEntry, Match, MatchEvent, MatchComputation, MatchWeightsVersion])],
  controllers: [MatchingController, MatchPipelineController, ThesaurusController, MatchWeightsController],
  providers: [
    MatchingMetrics, ThesaurusRepository, MatchRepository, MatchComputationRepository, MatchWeightsRepository, MatchAccessPolicy, ThesaurusService, MatchWeightsService, MatchingService,
    MatchPipelineService, MatchComputationService, MatchRescoreService, WeightRefitService, MatchingJobs,
  ],
  exports: [MatchingService, MatchPipelineService, ThesaurusService, MatchWeightsService],
})
export class MatchingModule implements OnModuleInit {
  constructor(
    private readonly thesaurus: ThesaurusService,
    private readonly weights: MatchWeightsService,
  ) {}

  // Before SearchSettingsBootstrap applies index settings (application bootstrap), so the synonyms are in from the start.
  async onModuleInit(): Promise<void> {
    await this.thesaurus.initialise();
    await this.weights.initialise();
  }
}
