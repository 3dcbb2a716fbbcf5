import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry, RetentionService } from '@techbridge/platform';
import { NotificationPrivacyRepository } from './notification-privacy.repository';

/**
 * 个人信息保护法 for notifications: a person's own notifications, the e-mails sent for them (with the address) and
 * their e-mail preferences are in their download and go with their account; notifications are kept no longer than
 * the `notification.read` / `notification.unread` periods. Notifications to a whole organisation are the
 * organisation's and stay until their period ends.
 */
@Injectable()
export class NotificationPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly retention: RetentionService,
    private readonly repo: NotificationPrivacyRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: 'notifications', collect: (m, userId) => this.repo.personalData(m, userId), erase: (m, userId) => this.repo.erase(m, userId) });
    this.retention.register({ recordType: 'notification.read', apply: (m, cutoff) => this.repo.deleteOlderThan(m, true, cutoff) });
    this.retention.register({ recordType: 'notification.unread', apply: (m, cutoff) => this.repo.deleteOlderThan(m, false, cutoff) });
  }
}
