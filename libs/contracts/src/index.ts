export * from './contracts.module';
export { ContractsService, StatsRequest } from './contracts.service';
export {
  ContractResponse, ContractStatsResponse, StatsRow, StatsGroup, InstitutionResponse, BrokerResponse, RewardLineResponse, RegistrationEventResponse, AmountCorrectionResponse,
} from './dto/contracts.dto';
