export * from './roadshow.module';
export { RoadshowService } from './roadshow.service';
export type { RoadshowIntention } from './meeting-outcome.service';
export { LARGE_EVENTS_TARGET } from './roadshow.rules';
export * from './dto/roadshow.dto';
