import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { DemandModule } from '@techbridge/demand';
import { MatchingModule } from '@techbridge/matching';
import { NotificationModule } from '@techbridge/notification';
import { MeetingRequest } from './entities/meeting-request.entity';
import { Meeting } from './entities/meeting.entity';
import { Participant } from './entities/participant.entity';
import { Presentation } from './entities/presentation.entity';
import { RoadshowEvent } from './entities/roadshow-event.entity';
import { RoadshowSession } from './entities/roadshow-session.entity';
import { RoadshowController } from './roadshow.controller';
import { RoadshowJobs } from './roadshow.jobs';
import { RoadshowRepository } from './roadshow.repository';
import { RoadshowService } from './roadshow.service';
import { RoadshowAccessPolicy } from './roadshow-access.policy';
import { RoadshowEventService } from './roadshow-event.service';
import { RoadshowReportService } from './roadshow-report.service';
import { PresentationService } from './presentation.service';
import { ParticipantService } from './participant.service';
import { MeetingRequestService } from './meeting-request.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { MeetingOutcomeService } from './meeting-outcome.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoadshowEvent, RoadshowSession, Presentation, Participant, MeetingRequest, Meeting]), CatalogModule, DemandModule, MatchingModule, NotificationModule],
  controllers: [RoadshowController],
  providers: [
    RoadshowRepository,
    RoadshowAccessPolicy,
    RoadshowEventService,
    PresentationService,
    ParticipantService,
    MeetingRequestService,
    MeetingScheduleService,
    MeetingOutcomeService,
    RoadshowReportService,
    RoadshowService,
    RoadshowJobs,
  ],
  exports: [RoadshowService],
})
export class RoadshowModule {}
