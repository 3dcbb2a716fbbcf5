export * from './notification.module';
export { NotificationService } from './notification.service';
export type { NewNotification } from './notification.service';
export { NotificationResponse } from './dto/notification.dto';
export { EmailPreferencesResponse } from './dto/email-preference.dto';
export { NotificationRecipients } from './email/notification-recipients';
export type { EmailRecipient } from './email/notification-recipients';
