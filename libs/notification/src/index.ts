export * from './notification.module';
export { NotificationService } from './notification.service';
export type { NewNotification } from './notification.service';
export { NotificationResponse } from './dto/notification.dto';
