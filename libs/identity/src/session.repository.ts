import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { PasswordHistory } from './entities/password-history.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';

/** Storage of credentials and sessions beyond the refresh tokens themselves: password history, password changes. */
@Injectable()
export class SessionRepository {
  /** The last `n` password hashes of the user, newest first (the current one among them). */
  async recentPasswordHashes(m: EntityManager, userId: string, n: number): Promise<string[]> {
    if (n <= 0) return [];
    const rows = await m.getRepository(PasswordHistory).find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' }, take: n, select: { passwordHash: true } });
    return rows.map((r) => r.passwordHash);
  }

  /** Appends the hash and forgets entries older than the last `keep`. */
  async rememberPassword(m: EntityManager, userId: string, passwordHash: string, keep: number): Promise<void> {
    await m.getRepository(PasswordHistory).insert({ userId, passwordHash });
    await m.query(
      `DELETE FROM password_history WHERE user_id = $1 AND id NOT IN (SELECT id FROM password_history WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2)`,
      [userId, Math.max(1, keep)],
    );
  }

  async setPassword(m: EntityManager, userId: string, passwordHash: string, at: Date): Promise<void> {
    await m.getRepository(User).update({ id: userId }, { passwordHash, passwordChangedAt: at });
  }

  /** Families (sessions) of the user with a token still usable at `now`: signed out together on a password change. */
  async liveSessionIds(m: EntityManager, userId: string, now: Date): Promise<string[]> {
    const rows = await m.getRepository(RefreshToken).find({ where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(now) }, select: { familyId: true } });
    return [...new Set(rows.map((r) => r.familyId))];
  }

  async revokeUserSessions(m: EntityManager, userId: string, at: Date): Promise<void> {
    await m.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
