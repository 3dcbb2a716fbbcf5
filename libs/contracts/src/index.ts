export * from './contracts.module';
export { ContractsService, StatsRequest } from './contracts.service';
export { RewardSchedules, REWARD_SCHEDULES } from './reward-schedules';
export { ContractResponse, RegistrationEventResponse, AmountCorrectionResponse } from './dto/contracts.dto';
export { InstitutionResponse, BrokerResponse } from './dto/institutions.dto';
export { ContractStatsResponse, StatsRow, StatsGroup, RewardLineResponse, RewardAccrualResponse, RegisteredContractRecord } from './dto/ledger.dto';
