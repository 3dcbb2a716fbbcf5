import { Injectable } from '@nestjs/common';
import { EmailRecipient, NotificationRecipients } from '@techbridge/notification';
import { TransactionRunner } from '@techbridge/platform';
import { IdentityRepository } from './identity.repository';

/** Addresses for notification e-mail: active users only, in the language each chose. */
@Injectable()
export class IdentityNotificationRecipients extends NotificationRecipients {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly tx: TransactionRunner,
  ) {
    super();
  }

  async recipientsOf(target: { userId: string | null; orgId: string | null }): Promise<EmailRecipient[]> {
    if (!target.userId && !target.orgId) return [];
    const users = await this.repo.findActiveRecipients(this.tx.manager, target);
    return users.map((u) => ({ userId: u.id, email: u.email, displayName: u.displayName, language: u.locale === 'en' ? 'en' : 'zh' }));
  }
}
