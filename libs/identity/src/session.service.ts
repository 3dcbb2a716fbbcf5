import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessTokenClaims, AppConfig, AuthStateStore, Clock, TransactionRunner, verifyAccessToken } from '@techbridge/platform';
import { AuditLog } from './audit-log';
import { ChangePasswordDto, mapOrganisation, mapUser, SessionResponse, SignInDto } from './dto/identity.dto';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { IdentityErrors } from './identity.exception';
import { IdentityRepository } from './identity.repository';
import { mayExercisePowers } from './organisation-verification';
import { BrokerStanding } from './broker-certification.port';
import { effectiveRoles } from './role-eligibility';
import { passwordProblems } from './password-policy';
import { SessionRepository } from './session.repository';
import { sha256 } from './token-hash';

/** A pre-computed hash so that sign-in with an unknown e-mail costs the same as a wrong password. */
let dummyHash: Promise<string> | null = null;

interface SessionFamily {
  id: string;
  startedAt: Date;
}

/**
 * Credentials and sessions, with the 等保 2.0 controls: password policy, history and expiry; a lock per account
 * after repeated failures (whatever address they come from); sessions that end when idle and at an absolute
 * lifetime; sign-out that revokes the access tokens too; and every sign-in attempt in the audit log with its address.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly sessions: SessionRepository,
    private readonly tx: TransactionRunner,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly authState: AuthStateStore,
    private readonly auditLog: AuditLog,
    private readonly brokers: BrokerStanding,
  ) {}

  // ---- passwords ----

  /** A new password under the policy (400 naming the field otherwise), hashed. */
  async hashNewPassword(password: string, field = 'password'): Promise<string> {
    const problems = passwordProblems(password, { minLength: this.config.PASSWORD_MIN_LENGTH, minClasses: this.config.PASSWORD_MIN_CLASSES }, field);
    if (problems.length) throw IdentityErrors.weakPassword(problems);
    return argonHash(password);
  }

  /** Starts the user's password history with the password just set. */
  async rememberPassword(m: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await this.sessions.rememberPassword(m, userId, passwordHash, this.config.PASSWORD_HISTORY);
  }

  private isExpired(user: User): boolean {
    const days = this.config.PASSWORD_MAX_AGE_DAYS;
    return days > 0 && user.passwordChangedAt.getTime() + days * 86_400_000 <= this.clock.now().getTime();
  }

  // ---- sign-in ----

  async signIn(dto: SignInDto, address: string): Promise<SessionResponse> {
    const user = await this.authenticate(dto.email, dto.password, address, 'sign-in');
    if (this.isExpired(user)) {
      await this.recordAttempt(user.email, user, address, 'sign-in-refused', 'password-expired');
      throw IdentityErrors.passwordExpired();
    }
    return this.tx.run(async (m) => {
      const org = await this.repo.findOrganisation(m, user.organisationId);
      await this.auditLog.record(m, { userId: user.id, orgId: user.organisationId }, { action: 'sign-in', entityType: 'account', entityId: user.email, address, changes: { outcome: 'success' } });
      return this.issue(m, user, org!);
    });
  }

  /** Changing the password proves the current one (and counts towards the lock like a sign-in); it works when expired. */
  async changePassword(dto: ChangePasswordDto, address: string): Promise<SessionResponse> {
    const user = await this.authenticate(dto.email, dto.password, address, 'change-password');
    const newHash = await this.hashNewPassword(dto.newPassword, 'newPassword');
    const { session, endedSessions } = await this.tx.run(async (m) => {
      for (const old of await this.sessions.recentPasswordHashes(m, user.id, this.config.PASSWORD_HISTORY)) {
        if (await argonVerify(old, dto.newPassword).catch(() => false)) throw IdentityErrors.passwordReused('newPassword', this.config.PASSWORD_HISTORY);
      }
      const now = this.clock.now();
      await this.sessions.setPassword(m, user.id, newHash, now);
      await this.sessions.rememberPassword(m, user.id, newHash, this.config.PASSWORD_HISTORY);
      // Whoever holds another session of this account (perhaps the reason for the change) loses it.
      const live = await this.sessions.liveSessionIds(m, user.id, now);
      await this.sessions.revokeUserSessions(m, user.id, now);
      await this.auditLog.record(m, { userId: user.id, orgId: user.organisationId }, { action: 'password-change', entityType: 'account', entityId: user.email, address });
      const org = await this.repo.findOrganisation(m, user.organisationId);
      return { session: await this.issue(m, { ...user, passwordHash: newHash, passwordChangedAt: now }, org!), endedSessions: live };
    });
    for (const sid of endedSessions) await this.authState.revokeSession(sid, this.config.JWT_ACCESS_TTL_SECONDS);
    return session;
  }

  /**
   * The account's user when the password matches. A locked account is refused before the password is looked at;
   * each failure counts for the account (the per-address limit is the throttler's), and the one that reaches
   * SIGN_IN_MAX_FAILURES locks it for SIGN_IN_LOCK_MINUTES. Every failure is audited with the address.
   */
  private async authenticate(email: string, password: string, address: string, purpose: 'sign-in' | 'change-password'): Promise<User> {
    const account = email.toLowerCase();
    const now = this.clock.now();
    const lockedMs = await this.authState.lockRemainingMs(account, now);
    if (lockedMs > 0) {
      await this.recordAttempt(account, null, address, `${purpose}-failed`, 'locked');
      throw IdentityErrors.accountLocked(Math.ceil(lockedMs / 1000));
    }
    const user = await this.repo.findUserByEmail(this.tx.manager, account);
    let ok = false;
    if (user && user.status === 'active') ok = await argonVerify(user.passwordHash, password).catch(() => false);
    else await argonVerify(await (dummyHash ??= argonHash('not-a-real-password-0')), password).catch(() => false);
    if (ok && user) {
      await this.authState.clearFailures(account);
      return user;
    }
    const lockMs = await this.authState.recordFailure(account, now, this.config.SIGN_IN_MAX_FAILURES, this.config.SIGN_IN_LOCK_MINUTES * 60_000);
    await this.recordAttempt(account, user, address, `${purpose}-failed`, lockMs ? 'wrong-credentials-locked' : 'wrong-credentials');
    if (lockMs) throw IdentityErrors.accountLocked(Math.ceil(lockMs / 1000));
    throw IdentityErrors.invalidCredentials();
  }

  /** Its own transaction: the attempt stays recorded although the request fails. */
  private async recordAttempt(account: string, user: User | null, address: string, action: string, reason: string): Promise<void> {
    await this.tx.run((m) =>
      this.auditLog.record(m, user ? { userId: user.id, orgId: user.organisationId } : null, { action, entityType: 'account', entityId: account, address, changes: { reason } }),
    );
  }

  // ---- sessions ----

  /** Rotate: the presented token is spent; presenting a spent token revokes its whole family. */
  async refresh(refreshToken: string): Promise<SessionResponse> {
    const outcome = await this.tx.run(async (m) => {
      const now = this.clock.now();
      const token = await this.repo.findRefreshTokenForUpdate(m, sha256(refreshToken));
      if (!token) return { error: true as const };
      if (token.revokedAt) {
        if (!token.replacedBy) return { error: true as const };
        await this.repo.revokeFamily(m, token.familyId, now);
        return { error: true as const, leakedSession: token.familyId };
      }
      // expiresAt is the idle deadline (and never past the absolute end); the absolute end is checked on its own too.
      if (token.expiresAt <= now || this.sessionEnd(token.sessionStartedAt) <= now) return { error: true as const };
      const user = await this.repo.findUser(m, token.userId);
      if (!user || user.status !== 'active') return { error: true as const };
      const org = await this.repo.findOrganisation(m, user.organisationId);
      const session = await this.issueInFamily(m, user, org!, { id: token.familyId, startedAt: token.sessionStartedAt });
      await this.repo.markRefreshTokenReplaced(m, token.id, session.refreshTokenId, now);
      return { error: false as const, session: session.response };
    });
    // Family revocation must commit even though the request fails, hence the error is thrown after the transaction;
    // a replayed token means it leaked, so the session's access tokens stop too.
    if (outcome.error) {
      if ('leakedSession' in outcome && outcome.leakedSession) await this.authState.revokeSession(outcome.leakedSession, this.config.JWT_ACCESS_TTL_SECONDS);
      throw IdentityErrors.invalidRefreshToken();
    }
    return outcome.session;
  }

  /**
   * Ends the session of the refresh token and of the presented access token: refresh tokens revoked in PostgreSQL,
   * access tokens denied in Redis until they would have expired anyway.
   */
  async signOut(refreshToken: string, bearer: string | undefined, address: string): Promise<void> {
    const claims = bearer ? await verifyAccessToken(this.jwt, this.authState, bearer) : null;
    const token = await this.tx.run(async (m) => {
      const t = await this.repo.findRefreshTokenForUpdate(m, sha256(refreshToken));
      if (t) await this.repo.revokeFamily(m, t.familyId, this.clock.now());
      const userId = t?.userId ?? claims?.sub;
      const user = userId ? await this.repo.findUser(m, userId) : null;
      if (user) await this.auditLog.record(m, { userId: user.id, orgId: user.organisationId }, { action: 'sign-out', entityType: 'account', entityId: user.email, address });
      return t;
    });
    const sids = new Set([token?.familyId, claims?.sid].filter((s): s is string => !!s));
    for (const sid of sids) await this.authState.revokeSession(sid, this.config.JWT_ACCESS_TTL_SECONDS);
  }

  private sessionEnd(startedAt: Date): Date {
    return new Date(startedAt.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
  }

  /** A new session (sign-up, sign-in, invitation, password change). */
  async issue(m: EntityManager, user: User, org: Organisation): Promise<SessionResponse> {
    return (await this.issueInFamily(m, user, org, { id: randomUUID(), startedAt: this.clock.now() })).response;
  }

  private async issueInFamily(m: EntityManager, user: User, org: Organisation, family: SessionFamily): Promise<{ response: SessionResponse; refreshTokenId: string }> {
    // Informative for clients (the guard re-reads the records on every request): the roles in effect now.
    const brokerCertified = await this.brokers.isCertified(user);
    const claims: AccessTokenClaims = {
      sub: user.id, org: org.id, orgType: org.type, roles: effectiveRoles(user.roles, org, { brokerCertified }), park: org.parkCode, verified: mayExercisePowers(org.verificationStatus), sid: family.id,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const idleDeadline = this.clock.now().getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    const row = await this.repo.insertRefreshToken(m, {
      userId: user.id,
      familyId: family.id,
      tokenHash: sha256(refreshToken),
      sessionStartedAt: family.startedAt,
      expiresAt: new Date(Math.min(idleDeadline, this.sessionEnd(family.startedAt).getTime())),
    });
    const response: SessionResponse = { accessToken, refreshToken, expiresIn: this.config.JWT_ACCESS_TTL_SECONDS, user: mapUser(user, org, brokerCertified), organisation: mapOrganisation(org) };
    return { response, refreshTokenId: row.id };
  }
}
