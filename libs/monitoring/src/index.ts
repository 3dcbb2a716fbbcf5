export * from './monitoring.module';
export { MonitoringService } from './monitoring.service';
export { InnovationIndexService } from './innovation-index.service';
export type { ComputedIndicatorSource, ComputedFigure, ReportingPeriod } from './sources/computed-source';
export { IndicatorSourceRegistry } from './sources/indicator-source-registry';
export { tally } from './sources/computed-source';
export {
  IndicatorResponse, QuarterResponse, EntryResponse, ReportResponse, ReportLineResponse, FigureResponse, DrillDownResponse, CorrectionResponse, WeightsResponse,
  InnovationIndexResponse, ParkIndexResponse, IndexVerificationResponse, TargetProgressResponse,
} from './dto/monitoring.dto';
