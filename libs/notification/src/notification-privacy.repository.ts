import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The notification tables as personal data: one person's rows, and rows past their retention period. */
@Injectable()
export class NotificationPrivacyRepository {
  async personalData(m: EntityManager, userId: string): Promise<Record<string, unknown[]>> {
    return {
      notifications: await m.query(
        `SELECT id, kind, title_zh AS "titleZh", title_en AS "titleEn", body_zh AS "bodyZh", body_en AS "bodyEn", link, created_at AS "createdAt", read_at AS "readAt"
           FROM notification WHERE recipient_user_id = $1 ORDER BY created_at DESC`,
        [userId],
      ),
      emailsSent: await m.query(`SELECT notification_id AS "notificationId", address, sent_at AS "sentAt" FROM notification_email WHERE user_id = $1 ORDER BY sent_at DESC`, [userId]),
      emailPreferences: await m.query(`SELECT category, email, updated_at AS "updatedAt" FROM notification_email_preference WHERE user_id = $1 ORDER BY category`, [userId]),
    };
  }

  async erase(m: EntityManager, userId: string): Promise<number> {
    return (await count(m, `DELETE FROM notification_email WHERE user_id = $1`, userId))
      + (await count(m, `DELETE FROM notification WHERE recipient_user_id = $1`, userId))
      + (await count(m, `DELETE FROM notification_email_preference WHERE user_id = $1`, userId));
  }

  deleteOlderThan(m: EntityManager, read: boolean, cutoff: Date): Promise<number> {
    return count(m, `DELETE FROM notification WHERE read_at IS ${read ? 'NOT NULL' : 'NULL'} AND created_at < $1`, cutoff);
  }
}

async function count(m: EntityManager, sql: string, param: unknown): Promise<number> {
  const [, n]: [unknown, number] = await m.query(sql, [param]);
  return n;
}
