import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, Clock, DomainError, JobName, OutboxService, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { Mailer } from './email/mailer';
import { mapNotification, NotificationQuery, NotificationResponse } from './dto/notification.dto';
import { Notification } from './entities/notification.entity';

export interface NewNotification {
  /** To one user, or to every member of an organisation (at least one of the two). */
  userId?: string | null;
  orgId?: string | null;
  kind: string;
  title: { zh: string; en: string };
  body?: { zh: string; en: string };
  link?: string | null;
  data?: Record<string, unknown>;
  /** Same key twice → stored once (retried jobs). */
  dedupeKey?: string;
}

@Injectable()
export class NotificationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Inside the caller's transaction when given, so a notification commits with the change that caused it. With a mail
   * server configured, each new notification's e-mail is queued through the outbox in that same transaction.
   */
  async notify(items: NewNotification | NewNotification[], m?: EntityManager): Promise<void> {
    const list = Array.isArray(items) ? items : [items];
    if (!list.length) return;
    await this.tx.run((tx) => this.insert(tx, list), m);
  }

  private async insert(m: EntityManager, list: NewNotification[]): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        list.map((n) => ({
          recipientUserId: n.userId ?? null,
          recipientOrgId: n.orgId ?? null,
          kind: n.kind,
          titleZh: n.title.zh,
          titleEn: n.title.en,
          bodyZh: n.body?.zh ?? '',
          bodyEn: n.body?.en ?? '',
          link: n.link ?? null,
          data: n.data ?? {},
          dedupeKey: n.dedupeKey ?? null,
        })) as QueryDeepPartialEntity<Notification>[],
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!this.mailer.enabled) return;
    // A duplicate (same dedupe key) inserts nothing and returns no row: its e-mail went with the first.
    for (const row of result.raw as Array<{ id: string }>) {
      await this.outbox.enqueue(m, JobName.SendNotificationEmail, { notificationId: row.id }, { jobId: `notification:${row.id}:email` });
    }
  }

  async list(actor: Actor, q: NotificationQuery): Promise<Page<NotificationResponse> & { unread: number }> {
    const base = () =>
      this.tx.manager
        .getRepository(Notification)
        .createQueryBuilder('n')
        .where(new Brackets((w) => w.where('n.recipient_user_id = :uid', { uid: actor.userId }).orWhere('(n.recipient_org_id = :oid AND n.recipient_user_id IS NULL)', { oid: actor.orgId })));
    const qb = base().orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'ASC');
    if (q.unread) qb.andWhere('n.read_at IS NULL');
    const { skip, take } = skipTake(q);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    const unread = await base().andWhere('n.read_at IS NULL').getCount();
    return { ...pageOf(rows.map(mapNotification), total, q), unread };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    const repo = this.tx.manager.getRepository(Notification);
    const n = await repo.findOne({ where: { id } });
    const mine = n && (n.recipientUserId === actor.userId || (!n.recipientUserId && n.recipientOrgId === actor.orgId));
    if (!n || !mine) throw DomainError.notFound({ code: 'NOTIFICATION_NOT_FOUND', zh: '通知不存在', en: 'Notification not found' });
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await repo.save(n);
    }
    return mapNotification(n);
  }

  /** For tests and monitoring: what a recipient has received. */
  async findFor(recipient: { userId?: string; orgId?: string }, kind?: string): Promise<NotificationResponse[]> {
    const qb = this.tx.manager.getRepository(Notification).createQueryBuilder('n').orderBy('n.created_at', 'ASC');
    if (recipient.userId) qb.andWhere('n.recipient_user_id = :u', { u: recipient.userId });
    if (recipient.orgId) qb.andWhere('n.recipient_org_id = :o', { o: recipient.orgId });
    if (kind) qb.andWhere('n.kind = :kind', { kind });
    return (await qb.getMany()).map(mapNotification);
  }
}
