import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { ContractsModule } from '@techbridge/contracts';
import { DemandModule } from '@techbridge/demand';
import { FinanceModule } from '@techbridge/finance';
import { IdentityModule } from '@techbridge/identity';
import { MatchingModule } from '@techbridge/matching';
import { RoadshowModule } from '@techbridge/roadshow';
import { InstrumentsModule } from '@techbridge/instruments';
import { VouchersModule } from '@techbridge/vouchers';
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
import { InstrumentsIndicatorSource, VouchersIndicatorSource } from './sources/vouchers.source';
import { FinanceIndicatorSource } from './sources/finance.source';

@Module({
  imports: [
    IdentityModule,
    CatalogModule,
    DemandModule,
    MatchingModule,
    RoadshowModule,
    ContractsModule,
    VouchersModule,
    InstrumentsModule,
    FinanceModule,
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
    VouchersIndicatorSource,
    InstrumentsIndicatorSource,
    FinanceIndicatorSource,
    // Each context that feeds monitoring has a source here.
    {
      provide: COMPUTED_INDICATOR_SOURCES,
      useFactory: (...sources: ComputedIndicatorSource[]) => sources,
      inject: [ContractsIndicatorSource, CatalogIndicatorSource, DemandIndicatorSource, RoadshowIndicatorSource, MatchingIndicatorSource, RewardsIndicatorSource, VouchersIndicatorSource, InstrumentsIndicatorSource, FinanceIndicatorSource],
    },
  ],
  exports: [MonitoringService, InnovationIndexService, IndicatorSourceRegistry],
})
export class MonitoringModule {}
