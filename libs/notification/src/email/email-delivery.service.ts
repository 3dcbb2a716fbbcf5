import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig, TransactionRunner } from '@techbridge/platform';
import { Notification } from '../entities/notification.entity';
import { NotificationEmail } from '../entities/notification-email.entity';
import { categoryOf } from './email-categories';
import { EmailPreferenceService } from './email-preference.service';
import { Mailer } from './mailer';
import { renderNotificationEmail } from './notification-email';
import { NotificationRecipients } from './notification-recipients';

/** The worker's side of notification e-mail: one notification to each recipient who wants its category by e-mail. */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger('EmailDelivery');
  private recipients?: NotificationRecipients;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly mailer: Mailer,
    private readonly preferences: EmailPreferenceService,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * Re-reads the notification and what was already sent: a retry (the server refused one address, the worker died)
   * sends only to those not yet recorded. Returns how many were sent now.
   */
  async deliver(notificationId: string): Promise<{ sent: number; skipped: number }> {
    const m = this.tx.manager;
    const n = await m.getRepository(Notification).findOne({ where: { id: notificationId } });
    if (!n || !this.mailer.enabled) return { sent: 0, skipped: 0 };
    // Looked up lazily: the identity context provides it, and it sits above this one.
    this.recipients ??= this.moduleRef.get(NotificationRecipients, { strict: false });
    const people = await this.recipients.recipientsOf({ userId: n.recipientUserId, orgId: n.recipientOrgId });
    const done = new Set((await m.getRepository(NotificationEmail).find({ where: { notificationId: n.id } })).map((e) => e.userId));
    const wanting = await this.preferences.usersWanting(people.map((p) => p.userId), categoryOf(n.kind));
    let sent = 0;
    let skipped = 0;
    for (const person of people) {
      if (done.has(person.userId)) continue;
      if (!wanting.has(person.userId)) {
        skipped++;
        continue;
      }
      const mail = renderNotificationEmail({ title: { zh: n.titleZh, en: n.titleEn }, body: { zh: n.bodyZh, en: n.bodyEn }, link: n.link }, person.language, this.config.PUBLIC_URL);
      const messageId = await this.mailer.send({ to: person.email, ...mail });
      await m.createQueryBuilder().insert().into(NotificationEmail)
        .values({ notificationId: n.id, userId: person.userId, address: person.email, messageId })
        .orIgnore()
        .execute();
      sent++;
    }
    if (sent) this.logger.log({ notificationId, sent, skipped }, 'notification e-mailed');
    return { sent, skipped };
  }
}
