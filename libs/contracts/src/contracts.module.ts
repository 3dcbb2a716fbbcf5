import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
import { MatchingModule } from '@techbridge/matching';
import { NotificationModule } from '@techbridge/notification';
import { RoadshowModule } from '@techbridge/roadshow';
import { ContractsController } from './contracts.controller';
import { ContractsJobs } from './contracts.jobs';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { ContractAccessPolicy } from './contract-access.policy';
import { ContractTransitions } from './contract-transitions';
import { HolidayCalendarService } from './holiday-calendar.service';
import { InstitutionProfileService } from './institution-profile.service';
import { RegistrationWorkflowService } from './registration-workflow.service';
import { RewardService } from './reward.service';
import { TechnologyContractService } from './technology-contract.service';
import { RewardSchedules } from './reward-schedules';
import { ContractDeduction } from './entities/contract-deduction.entity';
import { BrokerProfile, RegistrationInstitutionProfile, TransferInstitutionProfile } from './entities/institution-profiles.entity';
import { TechnologyContract } from './entities/technology-contract.entity';
import { ContractsMetrics } from './contracts.metrics';
import { ContractsPrivacy } from './contracts-privacy';

@Module({
  imports: [
    TypeOrmModule.forFeature([TechnologyContract, ContractDeduction, TransferInstitutionProfile, RegistrationInstitutionProfile, BrokerProfile]),
    IdentityModule,
    NotificationModule,
    // Read-only facades for a broker's pipeline steps and events organised.
    MatchingModule,
    RoadshowModule,
  ],
  controllers: [ContractsController],
  providers: [ContractsMetrics, ContractsPrivacy, 
    ContractsRepository,
    ContractAccessPolicy,
    ContractTransitions,
    TechnologyContractService,
    RegistrationWorkflowService,
    InstitutionProfileService,
    HolidayCalendarService,
    RewardService,
    ContractsService,
    ContractsJobs,
    RewardSchedules,
  ],
  exports: [ContractsService, RewardSchedules],
})
export class ContractsModule {}
