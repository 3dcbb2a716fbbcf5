import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
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

/** The zone's programmes: the major transfer projects portfolio (and, later, each park's three lists and awards). */
@Module({
  imports: [IdentityModule, NotificationModule, TypeOrmModule.forFeature([MajorProject, ProjectObjection, ProjectMilestone])],
  controllers: [MajorProjectController],
  providers: [ProgrammesRepository, ProgrammesAccessPolicy, MajorProjectService, ProjectNoticeService, ProjectQuotaService],
  exports: [MajorProjectService, ProjectQuotaService],
})
export class ProgrammesModule {}
