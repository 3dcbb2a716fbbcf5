import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDeliveryService } from './email/email-delivery.service';
import { EmailPreferenceService } from './email/email-preference.service';
import { Mailer } from './email/mailer';
import { EmailPreference } from './entities/email-preference.entity';
import { Notification } from './entities/notification.entity';
import { NotificationEmail } from './entities/notification-email.entity';
import { NotificationController } from './notification.controller';
import { NotificationJobs } from './notification.jobs';
import { NotificationService } from './notification.service';
import { NotificationPrivacy } from './notification-privacy';
import { NotificationPrivacyRepository } from './notification-privacy.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, EmailPreference, NotificationEmail])],
  controllers: [NotificationController],
  providers: [NotificationService, Mailer, EmailPreferenceService, EmailDeliveryService, NotificationJobs, NotificationPrivacyRepository, NotificationPrivacy],
  exports: [NotificationService],
})
export class NotificationModule {}
