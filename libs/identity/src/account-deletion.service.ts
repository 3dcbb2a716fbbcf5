import { Injectable } from '@nestjs/common';
import { verify as argonVerify } from '@node-rs/argon2';
import { Actor, AppConfig, AuthStateStore, Clock, DomainError, PersonalDataRegistry, Role, TransactionRunner } from '@techbridge/platform';
import { AuditLog } from './audit-log';
import { AccountDeletionResponse, DeleteAccountDto } from './dto/privacy.dto';
import { IdentityErrors } from './identity.exception';
import { IdentityRepository } from './identity.repository';
import { PersonalDataRepository } from './personal-data.repository';
import { SessionRepository } from './session.repository';

/**
 * 个人信息保护法 deletion (Art. 47) at the person's request: what is only theirs is deleted (sessions, password history,
 * notifications, favourites, saved searches: each context's section), the account row is pseudonymised (business
 * records of the organisation that name it — contracts, reviews, match steps — keep pointing at "已注销用户"), sign-in
 * becomes impossible, every session ends at once (access tokens included) and the deletion is audited. Agreement
 * acceptances stay as proof of consent until the `deleted-account.consent` retention period ends; audit entries
 * stay for their legal period (等保 2.0).
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly data: PersonalDataRepository,
    private readonly sessions: SessionRepository,
    private readonly registry: PersonalDataRegistry,
    private readonly auditLog: AuditLog,
    private readonly authState: AuthStateStore,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async deleteOwnAccount(actor: Actor, dto: DeleteAccountDto, address: string): Promise<AccountDeletionResponse> {
    const { response, endedSessions } = await this.tx.run(async (m) => {
      const user = await this.repo.findUserForUpdate(m, actor.userId);
      if (!user || user.status !== 'active') throw IdentityErrors.userNotFound();
      if (!(await argonVerify(user.passwordHash, dto.password).catch(() => false))) throw confirmationFailed();
      // An organisation with members keeps an org-admin; the platform keeps an administrator.
      if (user.roles.includes(Role.OrgAdmin) && (await this.repo.countOtherOrgAdmins(m, user.organisationId, user.id)) === 0
        && (await this.repo.countOtherActiveMembers(m, user.organisationId, user.id)) > 0) {
        throw lastOrgAdmin();
      }
      if (user.roles.includes(Role.PlatformAdmin) && (await this.repo.countOtherActiveWithRole(m, Role.PlatformAdmin, user.id)) === 0) throw lastPlatformAdmin();

      const now = this.clock.now();
      const endedSessions = await this.sessions.liveSessionIds(m, user.id, now);
      const erased: Record<string, number> = {};
      for (const section of this.registry.all()) erased[section.name] = await section.erase(m, user.id);
      erased.credentials = await this.data.eraseCredentials(m, user.id, user.email);
      await this.data.pseudonymiseUser(m, user.id, now);
      erased.account = 1;
      // By id, not e-mail: the entry must not keep what was just erased.
      await this.auditLog.record(m, { userId: user.id, orgId: user.organisationId }, { action: 'account.deletion', entityType: 'user', entityId: user.id, address, changes: { erased } });
      return { response: { deletedAt: now.toISOString(), erased }, endedSessions };
    });
    for (const sid of endedSessions) await this.authState.revokeSession(sid, this.config.JWT_ACCESS_TTL_SECONDS);
    return response;
  }
}

function confirmationFailed(): DomainError {
  return new DomainError('forbidden', 'CONFIRMATION_FAILED', { zh: '密码不正确，未注销账号', en: 'Wrong password: the account was not deleted' }, [
    { field: 'password', message: 'Wrong password', zh: '密码不正确', code: 'CONFIRMATION_FAILED' },
  ]);
}

function lastOrgAdmin(): DomainError {
  return new DomainError('conflict', IdentityErrors.lastOrgAdmin().code, {
    zh: '您是本机构唯一的机构管理员，请先将机构管理员角色授予其他成员，再注销账号',
    en: 'You are the only org-admin of your organisation: grant the org-admin role to another member before deleting your account',
  });
}

function lastPlatformAdmin(): DomainError {
  return new DomainError('conflict', 'LAST_PLATFORM_ADMIN', {
    zh: '您是唯一的平台管理员，不能注销账号',
    en: 'You are the only platform administrator: the account cannot be deleted',
  });
}
