import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { RoadshowService } from './roadshow.service';

/** Worker handlers; each re-reads the event or meeting and skips when it has moved on. Errors rethrow so BullMQ retries. */
@Injectable()
export class RoadshowJobs {
  constructor(private readonly roadshows: RoadshowService) {}

  @JobHandler(JobName.RoadshowCloseRegistration)
  closeRegistration(payload: JobPayload<JobName.RoadshowCloseRegistration>): Promise<void> {
    return this.roadshows.closeRegistrationOnTime(payload.eventId);
  }

  @JobHandler(JobName.RoadshowBuildAgenda)
  buildAgenda(payload: JobPayload<JobName.RoadshowBuildAgenda>): Promise<void> {
    return this.roadshows.buildAgenda(payload.eventId);
  }

  @JobHandler(JobName.RoadshowScheduleMeetings)
  scheduleMeetings(payload: JobPayload<JobName.RoadshowScheduleMeetings>): Promise<void> {
    return this.roadshows.scheduleEventMeetings(payload.eventId);
  }

  @JobHandler(JobName.RoadshowMeetingReminder)
  remind(payload: JobPayload<JobName.RoadshowMeetingReminder>): Promise<void> {
    return this.roadshows.sendReminder(payload.meetingId, payload.lead);
  }

  @JobHandler(JobName.RoadshowFollowUp)
  followUp(payload: JobPayload<JobName.RoadshowFollowUp>): Promise<void> {
    return this.roadshows.requestFollowUp(payload.eventId);
  }
}
