export * from './notification.module';
export { NotificationService, NewNotification } from './notification.service';
export { NotificationResponse } from './dto/notification.dto';
