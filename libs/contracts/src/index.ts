export * from './contracts.module';
export { ContractsService, StatsRequest } from './contracts.service';
export { RewardSchedules, REWARD_SCHEDULES } from './reward-schedules';
export {
  ContractResponse, ContractStatsResponse, StatsRow, StatsGroup, InstitutionResponse, BrokerResponse, RewardLineResponse, RegistrationEventResponse, AmountCorrectionResponse,
  RewardAccrualResponse,
} from './dto/contracts.dto';
