import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataRegistry } from './personal-data.registry';
import { RetentionPolicy } from './retention-policy.entity';
import { RetentionService } from './retention.service';

/** Personal-information plumbing every context registers into: data sections (access, deletion) and retention rules. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RetentionPolicy])],
  providers: [PersonalDataRegistry, RetentionService],
  exports: [PersonalDataRegistry, RetentionService],
})
export class PrivacyModule {}
