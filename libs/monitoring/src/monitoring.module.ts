import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { ContractsModule } from '@techbridge/contracts';
import { DemandModule } from '@techbridge/demand';
import { IdentityModule } from '@techbridge/identity';
import { MatchingModule } from '@techbridge/matching';
import { RoadshowModule } from '@techbridge/roadshow';
import { IndicatorEntry } from './entities/entry.entity';
import { FigureCorrection, QuarterFigure } from './entities/figure.entity';
import { Indicator, Target } from './entities/indicator.entity';
import { IndexRun, IndexWeightsVersion } from './entities/innovation-index.entity';
import { ReportingQuarter } from './entities/quarter.entity';
import { InnovationIndexService } from './innovation-index.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringAccessPolicy } from './monitoring-access.policy';
import { MonitoringService } from './monitoring.service';
import { StatisticsService } from './statistics.service';
import { COMPUTED_INDICATOR_SOURCES, ComputedIndicatorSource } from './sources/computed-source';
import { CatalogIndicatorSource } from './sources/catalog.source';
import { ContractsIndicatorSource } from './sources/contracts.source';
import { DemandIndicatorSource } from './sources/demand.source';
import { MatchingIndicatorSource } from './sources/matching.source';
import { RewardsIndicatorSource } from './sources/rewards.source';
import { RoadshowIndicatorSource } from './sources/roadshow.source';
import { IndicatorSourceRegistry } from './sources/indicator-source-registry';
import { PlanTargetsService } from './plan-targets.service';

@Module({
  imports: [
    IdentityModule,
    CatalogModule,
    DemandModule,
    MatchingModule,
    RoadshowModule,
    ContractsModule,
    TypeOrmModule.forFeature([Indicator, Target, ReportingQuarter, IndicatorEntry, QuarterFigure, FigureCorrection, IndexWeightsVersion, IndexRun]),
  ],
  controllers: [MonitoringController],
  providers: [
    MonitoringAccessPolicy,
    MonitoringRepository,
    MonitoringService,
    InnovationIndexService,
    StatisticsService,
    ContractsIndicatorSource,
    CatalogIndicatorSource,
    DemandIndicatorSource,
    RoadshowIndicatorSource,
    MatchingIndicatorSource,
    RewardsIndicatorSource,
    IndicatorSourceRegistry,
    PlanTargetsService,
    // Each context below monitoring that feeds it has a source here; contexts above register with IndicatorSourceRegistry.
    {
      provide: COMPUTED_INDICATOR_SOURCES,
      useFactory: (...sources: ComputedIndicatorSource[]) => sources,
      inject: [ContractsIndicatorSource, CatalogIndicatorSource, DemandIndicatorSource, RoadshowIndicatorSource, MatchingIndicatorSource, RewardsIndicatorSource],
    },
  ],
  exports: [MonitoringService, InnovationIndexService, IndicatorSourceRegistry],
})
export class MonitoringModule {}
