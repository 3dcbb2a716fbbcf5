export * from './roadshow.module';
export { RoadshowService, RoadshowIntention, LARGE_EVENTS_TARGET } from './roadshow.service';
export * from './dto/roadshow.dto';
