export * from './contracts.module';
export { ContractsService } from './contracts.service';
export type { StatsRequest } from './contracts.service';
export type { DealContractInput } from './technology-contract.service';
export { RewardSchedules } from './reward-schedules';
export { ContractResponse, RegistrationEventResponse, AmountCorrectionResponse } from './dto/contracts.dto';
export { InstitutionResponse, BrokerResponse } from './dto/institutions.dto';
export { ContractStatsResponse, DealRecordResponse, DealLineResponse, RewardLineResponse, RewardAccrualResponse, RegisteredContractRecord } from './dto/ledger.dto';
export type { StatsRow, StatsGroup } from './dto/ledger.dto';
