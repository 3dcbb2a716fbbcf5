import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './entities/audit-entry.entity';

/** Reads and the retention delete of the audit log (appends go through IdentityRepository.insertAudit). */
@Injectable()
export class AuditTrailRepository {
  /** Entries in [from, to), oldest first, `take` at a time after id `after` (keyset: an export reads the range once). */
  page(m: EntityManager, from: Date, to: Date, after: string, take: number): Promise<AuditEntry[]> {
    return m.getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.at >= :from AND a.at < :to AND a.id > :after', { from, to, after })
      .orderBy('a.id', 'ASC')
      .take(take)
      .getMany();
  }

  /** Delete entries older than `before`, in bounded batches (the database refuses any younger than 180 days). */
  async deleteBefore(m: EntityManager, before: Date, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, n]: [unknown, number] = await m.query(`DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry WHERE at < $1 ORDER BY id LIMIT $2)`, [before, batch]);
      total += Number(n);
      if (Number(n) < batch) return total;
    }
  }

  /** Entries the user made or that name them (sign-ins are recorded under the account's e-mail), newest first. */
  forUser(m: EntityManager, userId: string, email: string, take: number): Promise<AuditEntry[]> {
    return m.getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.actor_user_id = :userId OR (a.entity_type = :account AND a.entity_id = :email)', { userId, account: 'account', email })
      .orderBy('a.id', 'DESC')
      .take(take)
      .getMany();
  }
}
