import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxMaintenanceJobs } from './outbox-maintenance.jobs';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxService, OutboxRelay, OutboxMaintenanceJobs],
  exports: [OutboxService, OutboxRelay],
})
export class OutboxModule {}
