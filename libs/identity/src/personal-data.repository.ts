import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgreementAcceptance } from './entities/agreement-acceptance.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { RefreshToken } from './entities/refresh-token.entity';

/** Identity's reads and erasures for personal-data access, deletion and retention. */
@Injectable()
export class PersonalDataRepository {
  agreementsOf(m: EntityManager, userId: string): Promise<AgreementAcceptance[]> {
    return m.getRepository(AgreementAcceptance).find({ where: { userId }, order: { acceptedAt: 'ASC', document: 'ASC' } });
  }

  /** Account entries (sign-in attempts, sign-outs, password changes) or the rest, newest first. */
  auditOf(m: EntityManager, userId: string, account: boolean, limit: number): Promise<AuditEntry[]> {
    return m.getRepository(AuditEntry).createQueryBuilder('a')
      .where('a.actor_user_id = :userId', { userId })
      .andWhere(account ? `a.entity_type = 'account'` : `a.entity_type <> 'account'`)
      .orderBy('a.id', 'DESC').limit(limit).getMany();
  }

  sessionsOf(m: EntityManager, userId: string): Promise<Array<{ startedAt: Date; expiresAt: Date; endedAt: Date | null }>> {
    // One line per session (refresh-token family): its start, its last deadline, and when it was ended if it was.
    return m.query(
      `SELECT min(session_started_at) AS "startedAt", max(expires_at) AS "expiresAt",
              CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END AS "endedAt"
         FROM refresh_token WHERE user_id = $1 GROUP BY family_id ORDER BY 1 DESC`,
      [userId],
    );
  }

  /** The person's own traces: sessions, password history, invitations still open to their address. */
  async eraseCredentials(m: EntityManager, userId: string, email: string): Promise<number> {
    const tokens = await m.getRepository(RefreshToken).delete({ userId });
    const history: [unknown, number] = await m.query(`DELETE FROM password_history WHERE user_id = $1`, [userId]);
    const invitations: [unknown, number] = await m.query(`DELETE FROM invitation WHERE lower(email) = lower($1) AND accepted_at IS NULL`, [email]);
    return (tokens.affected ?? 0) + history[1] + invitations[1];
  }

  /** The row stays (business records name it); what identifies the person goes. */
  async pseudonymiseUser(m: EntityManager, userId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE app_user SET email = $2, display_name = '已注销用户', password_hash = '!deleted', roles = '{}', status = 'deleted', deleted_at = $3, updated_at = $3
        WHERE id = $1`,
      [userId, `deleted-${userId}@deleted.invalid`, at],
    );
  }

  // ---- retention ----

  async deleteEndedSessions(m: EntityManager, cutoff: Date): Promise<number> {
    const [, n]: [unknown, number] = await m.query(`DELETE FROM refresh_token WHERE expires_at < $1 OR revoked_at < $1`, [cutoff]);
    return n;
  }

  async deleteClosedInvitations(m: EntityManager, cutoff: Date): Promise<number> {
    const [, n]: [unknown, number] = await m.query(`DELETE FROM invitation WHERE accepted_at < $1 OR (accepted_at IS NULL AND expires_at < $1)`, [cutoff]);
    return n;
  }

  async deleteConsentOfDeletedAccounts(m: EntityManager, cutoff: Date): Promise<number> {
    const [, n]: [unknown, number] = await m.query(
      `DELETE FROM agreement_acceptance a USING app_user u WHERE u.id = a.user_id AND u.status = 'deleted' AND u.deleted_at < $1`,
      [cutoff],
    );
    return n;
  }
}
