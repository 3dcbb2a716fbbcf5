import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefField, RefIndustry, RefPark } from '../reference/entities/reference-tables.entity';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxMaintenanceJobs } from './outbox-maintenance.jobs';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  // The reference tables ride along: every context's foreign keys to industries, fields and parks need their metadata.
  imports: [TypeOrmModule.forFeature([OutboxMessage, RefIndustry, RefField, RefPark])],
  providers: [OutboxService, OutboxRelay, OutboxMaintenanceJobs],
  exports: [OutboxService, OutboxRelay],
})
export class OutboxModule {}
