import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { MeetingOutcomeService } from './meeting-outcome.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { PresentationService } from './presentation.service';
import { RoadshowEventService } from './roadshow-event.service';

/** Worker handlers; each re-reads the event or meeting and skips when it has moved on. Errors rethrow so BullMQ retries. */
@Injectable()
export class RoadshowJobs {
  constructor(
    private readonly events: RoadshowEventService,
    private readonly presentations: PresentationService,
    private readonly schedule: MeetingScheduleService,
    private readonly outcomes: MeetingOutcomeService,
  ) {}

  @JobHandler(JobName.RoadshowCloseRegistration)
  closeRegistration(payload: JobPayload<JobName.RoadshowCloseRegistration>): Promise<void> {
    return this.events.closeRegistrationOnTime(payload.eventId);
  }

  @JobHandler(JobName.RoadshowBuildAgenda)
  buildAgenda(payload: JobPayload<JobName.RoadshowBuildAgenda>): Promise<void> {
    return this.presentations.buildAgenda(payload.eventId);
  }

  @JobHandler(JobName.RoadshowScheduleMeetings)
  scheduleMeetings(payload: JobPayload<JobName.RoadshowScheduleMeetings>): Promise<void> {
    return this.schedule.scheduleEventMeetings(payload.eventId);
  }

  @JobHandler(JobName.RoadshowMeetingReminder)
  remind(payload: JobPayload<JobName.RoadshowMeetingReminder>): Promise<void> {
    return this.schedule.sendReminder(payload.meetingId, payload.lead);
  }

  @JobHandler(JobName.RoadshowFollowUp)
  followUp(payload: JobPayload<JobName.RoadshowFollowUp>): Promise<void> {
    return this.outcomes.requestFollowUp(payload.eventId);
  }
}
