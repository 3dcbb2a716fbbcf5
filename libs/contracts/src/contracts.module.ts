import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';
import { ContractsController } from './contracts.controller';
import { ContractsJobs } from './contracts.jobs';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { ContractDeduction } from './entities/contract-deduction.entity';
import { BrokerProfile, RegistrationInstitutionProfile, TransferInstitutionProfile } from './entities/institution-profiles.entity';
import { TechnologyContract } from './entities/technology-contract.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([TechnologyContract, ContractDeduction, TransferInstitutionProfile, RegistrationInstitutionProfile, BrokerProfile]),
    IdentityModule,
    NotificationModule,
  ],
  controllers: [ContractsController],
  providers: [ContractsRepository, ContractsService, ContractsJobs],
  exports: [ContractsService],
})
export class ContractsModule {}
