import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';
import { DemandController, DemandSearchController, ProposalController } from './demand.controller';
import { DemandImportKind } from './demand-import.kind';
import { DemandJobs } from './demand.jobs';
import { DemandProjection } from './demand.projection';
import { DemandRepository } from './demand.repository';
import { DemandAccessPolicy } from './demand-access.policy';
import { DemandQueryService } from './demand-query.service';
import { DemandService } from './demand.service';
import { DemandBroker } from './entities/demand-broker.entity';
import { Demand } from './entities/demand.entity';
import { Proposal } from './entities/proposal.entity';
import { ProposalService } from './proposal.service';
import { DemandMetrics } from './demand.metrics';
import { DemandPrivacy } from './demand-privacy';

@Module({
  imports: [IdentityModule, NotificationModule, CatalogModule, TypeOrmModule.forFeature([Demand, Proposal, DemandBroker])],
  controllers: [DemandController, ProposalController, DemandSearchController],
  providers: [DemandMetrics, DemandPrivacy, DemandRepository, DemandAccessPolicy, DemandService, DemandQueryService, ProposalService, DemandProjection, DemandJobs, DemandImportKind],
  exports: [DemandService, DemandQueryService],
})
export class DemandModule {}
