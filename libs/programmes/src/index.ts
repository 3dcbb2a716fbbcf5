export * from './programmes.module';
export { MajorProjectService } from './major-project.service';
export { ProjectQuotaService } from './project-quota.service';
export { MajorProjectResponse, QuotaDashboardResponse, QuotaLineResponse } from './dto/major-project.dto';
export { ThreeListsService } from './three-lists.service';
export { ThreeListsResponse, CompletionResponse, ListItemResponse } from './dto/three-lists.dto';
export { ParkAwardsResponse, AwardEntryResponse } from './dto/park-awards.dto';
