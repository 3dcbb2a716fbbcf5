import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { ContractsModule } from '@techbridge/contracts';
import { IdentityModule } from '@techbridge/identity';
import { MonitoringModule } from '@techbridge/monitoring';
import { NotificationModule } from '@techbridge/notification';
import { MajorProject } from './entities/major-project.entity';
import { ProjectMilestone } from './entities/project-milestone.entity';
import { ProjectObjection } from './entities/project-objection.entity';
import { MajorProjectController } from './major-project.controller';
import { MajorProjectService } from './major-project.service';
import { ProgrammesAccessPolicy } from './programmes-access.policy';
import { ProgrammesRepository } from './programmes.repository';
import { ProjectNoticeService } from './project-notice.service';
import { ProjectQuotaService } from './project-quota.service';
import { ParkListItem } from './entities/park-list-item.entity';
import { ThreeListsController } from './three-lists.controller';
import { ThreeListsService } from './three-lists.service';
import { ProgrammesIndicatorSource } from './programmes-indicator.source';
import { ProgrammesPrivacy } from './programmes-privacy';

import { ParkAwardRound } from './entities/park-award-round.entity';
import { ParkAwardsController } from './park-awards.controller';
import { ParkAwardsService } from './park-awards.service';

/** The zone's programmes: the major transfer projects portfolio, each park's three lists and the park awards. */
@Module({
  imports: [IdentityModule, NotificationModule, CatalogModule, ContractsModule, MonitoringModule, TypeOrmModule.forFeature([MajorProject, ProjectObjection, ProjectMilestone, ParkListItem, ParkAwardRound])],
  controllers: [MajorProjectController, ThreeListsController, ParkAwardsController],
  providers: [ProgrammesRepository, ProgrammesAccessPolicy, MajorProjectService, ProjectNoticeService, ProjectQuotaService, ThreeListsService, ProgrammesIndicatorSource, ParkAwardsService, ProgrammesPrivacy],
  exports: [MajorProjectService, ProjectQuotaService, ThreeListsService],
})
export class ProgrammesModule {}
