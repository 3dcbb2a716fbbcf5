export * from './demand.module';
export { DemandService } from './demand.service';
export { DemandQueryService } from './demand-query.service';
export type { DemandSearchQuery } from './dto/demand.dto';
export type { DemandImportRecord } from './demand.service';
export { DEMANDS_INDEX } from './demand.projection';
export type { DemandDocument } from './demand.projection';
export type { DemandVisibility } from './demand.visibility';
export type { DemandStatus } from './demand.state-machine';
export {
  DemandResponse, RedactedDemandResponse, DemandEnterpriseResponse, DemandContactResponse, DemandPageResponse, DemandSearchResponse, DemandBrokerResponse,
  PublishedDemandRecord, AwardedProposalRecord,
} from './dto/demand.dto';
export type { DemandView } from './dto/demand.dto';
export { ProposalResponse } from './dto/proposal.dto';
