export * from './directory.module';
export { RatingService } from './rating.service';
export { ExpertService } from './expert.service';
export { RatingResponse, RatingSummaryResponse, PublicRatingResponse, ExpertResponse, ContactRequestResponse } from './dto/directory.dto';
