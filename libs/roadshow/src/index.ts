export * from './roadshow.module';
export { RoadshowService } from './roadshow.service';
export {
  EventResponse, PlanMonthResponse, YearPlanResponse, PresentationResponse, SessionResponse, AgendaResponse, ParticipantResponse, MeetingRequestResponse, MeetingResponse,
  ScheduleStatsResponse, MyScheduleResponse, ReplanResponse, WithdrawMeetingRequestResponse, EventReportResponse, HeldEventRecord,
  InvestorRoadshowRecord, AuctionSessionRecord,
} from './dto/roadshow.dto';
