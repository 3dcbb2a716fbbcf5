import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { EmailDeliveryService } from './email/email-delivery.service';

/** Worker handlers of the notification context. */
@Injectable()
export class NotificationJobs {
  constructor(private readonly delivery: EmailDeliveryService) {}

  /** A server refusing throws: BullMQ retries, and the retry skips recipients already sent to. */
  @JobHandler(JobName.SendNotificationEmail)
  sendEmail(payload: JobPayload<JobName.SendNotificationEmail>): Promise<{ sent: number; skipped: number }> {
    return this.delivery.deliver(payload.notificationId);
  }
}
