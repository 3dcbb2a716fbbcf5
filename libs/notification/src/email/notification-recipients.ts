/** A person a notification reaches, with where to write and in which language. */
export interface EmailRecipient {
  userId: string;
  email: string;
  displayName: string;
  language: 'zh' | 'en';
}

/**
 * Who a notification addressed to a user or an organisation reaches: the identity context answers (active users only;
 * every active member for an organisation). A port, because notification sits below identity in the context order.
 */
export abstract class NotificationRecipients {
  abstract recipientsOf(target: { userId: string | null; orgId: string | null }): Promise<EmailRecipient[]>;
}
