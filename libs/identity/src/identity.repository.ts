import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { OrgType, Role } from '@techbridge/platform';
import { AuditEntry } from './entities/audit-entry.entity';
import { Invitation } from './entities/invitation.entity';
import { Organisation } from './entities/organisation.entity';
import { VerificationStatus } from './organisation-verification';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';

/** The only code in identity that touches TypeORM. Every method takes the caller's EntityManager. */
@Injectable()
export class IdentityRepository {
  findUserByEmail(m: EntityManager, email: string): Promise<User | null> {
    return m.getRepository(User).findOne({ where: { email: email.toLowerCase() } });
  }

  findUser(m: EntityManager, id: string): Promise<User | null> {
    return m.getRepository(User).findOne({ where: { id } });
  }

  /** The user with its organisation, in one query: read on every authenticated request. */
  findUserWithOrganisation(m: EntityManager, id: string): Promise<(User & { organisation: Organisation }) | null> {
    // getOne without a limit: one joined query (findOne with relations pages through a second one).
    return m.getRepository(User).createQueryBuilder('u').innerJoinAndSelect('u.organisation', 'o').where('u.id = :id', { id }).getOne() as Promise<(User & { organisation: Organisation }) | null>;
  }

  findOrganisation(m: EntityManager, id: string): Promise<Organisation | null> {
    return m.getRepository(Organisation).findOne({ where: { id } });
  }

  findOrganisationsByIds(m: EntityManager, ids: string[]): Promise<Organisation[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(Organisation).createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany();
  }

  findOrganisationByCreditCode(m: EntityManager, creditCode: string): Promise<Organisation | null> {
    return m.getRepository(Organisation).findOne({ where: { creditCode } });
  }

  findOrganisationByNameAndType(m: EntityManager, name: string, type: OrgType): Promise<Organisation | null> {
    return m.getRepository(Organisation).findOne({ where: { name, type }, order: { createdAt: 'ASC' } });
  }

  async listOrganisations(m: EntityManager, f: { type?: OrgType; q?: string; verificationStatus?: VerificationStatus; skip: number; take: number }): Promise<[Organisation[], number]> {
    // The verification queue is worked oldest sign-up first; other lists read best by name.
    const qb = m.getRepository(Organisation).createQueryBuilder('o').skip(f.skip).take(f.take);
    if (f.verificationStatus === 'pending') qb.orderBy('o.created_at', 'ASC').addOrderBy('o.id', 'ASC');
    else qb.orderBy('o.name', 'ASC');
    if (f.type) qb.andWhere('o.type = :type', { type: f.type });
    if (f.verificationStatus) qb.andWhere('o.verification_status = :vs', { vs: f.verificationStatus });
    if (f.q) qb.andWhere('o.name ILIKE :q', { q: `%${f.q.replace(/[%_]/g, (c) => '\\' + c)}%` });
    return qb.getManyAndCount();
  }

  /** Locks the row: two administrators deciding at once are serialised. */
  findOrganisationForUpdate(m: EntityManager, id: string): Promise<Organisation | null> {
    return m.getRepository(Organisation).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  async findVerificationStatus(m: EntityManager, id: string): Promise<VerificationStatus | null> {
    const row = await m.getRepository(Organisation).findOne({ where: { id }, select: { id: true, verificationStatus: true } });
    return row?.verificationStatus ?? null;
  }

  saveOrganisation(m: EntityManager, o: Partial<Organisation>): Promise<Organisation> {
    return m.getRepository(Organisation).save(m.getRepository(Organisation).create(o));
  }

  saveUser(m: EntityManager, u: Partial<User>): Promise<User> {
    return m.getRepository(User).save(m.getRepository(User).create(u));
  }

  listMembers(m: EntityManager, organisationId: string, skip: number, take: number): Promise<[User[], number]> {
    return m.getRepository(User).findAndCount({ where: { organisationId }, order: { createdAt: 'ASC' }, skip, take });
  }

  findUsersWithRole(m: EntityManager, role: Role, organisationId?: string): Promise<Array<User & { organisation: Organisation }>> {
    const qb = m.getRepository(User).createQueryBuilder('u').innerJoinAndSelect('u.organisation', 'o').where(':role = ANY(u.roles)', { role });
    if (organisationId) qb.andWhere('u.organisation_id = :organisationId', { organisationId });
    return qb.getMany() as Promise<Array<User & { organisation: Organisation }>>;
  }

  /** Org-admins of the organisation other than this user: an organisation must keep one. */
  countOtherOrgAdmins(m: EntityManager, organisationId: string, exceptUserId: string): Promise<number> {
    return m.getRepository(User).createQueryBuilder('u')
      .where('u.organisation_id = :organisationId', { organisationId }).andWhere('u.id <> :exceptUserId', { exceptUserId })
      .andWhere(`'org-admin' = ANY(u.roles)`).andWhere(`u.status = 'active'`).getCount();
  }

  countOtherActiveMembers(m: EntityManager, organisationId: string, exceptUserId: string): Promise<number> {
    return m.getRepository(User).createQueryBuilder('u')
      .where('u.organisation_id = :organisationId', { organisationId }).andWhere('u.id <> :exceptUserId', { exceptUserId })
      .andWhere(`u.status = 'active'`).getCount();
  }

  countOtherActiveWithRole(m: EntityManager, role: Role, exceptUserId: string): Promise<number> {
    return m.getRepository(User).createQueryBuilder('u')
      .where(':role = ANY(u.roles)', { role }).andWhere('u.id <> :exceptUserId', { exceptUserId })
      .andWhere(`u.status = 'active'`).getCount();
  }

  /** Active users a notification reaches: the one user, or every active member of the organisation. */
  findActiveRecipients(m: EntityManager, target: { userId: string | null; orgId: string | null }): Promise<User[]> {
    const qb = m.getRepository(User).createQueryBuilder('u').where(`u.status = 'active'`).orderBy('u.created_at', 'ASC');
    if (target.userId) qb.andWhere('u.id = :userId', { userId: target.userId });
    else qb.andWhere('u.organisation_id = :orgId', { orgId: target.orgId });
    return qb.getMany();
  }

  findUserForUpdate(m: EntityManager, id: string): Promise<User | null> {
    return m.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  async platformAdminExists(m: EntityManager): Promise<boolean> {
    return (await m.getRepository(User).createQueryBuilder('u').where(`'platform-admin' = ANY(u.roles)`).getCount()) > 0;
  }

  insertRefreshToken(m: EntityManager, t: Partial<RefreshToken>): Promise<RefreshToken> {
    return m.getRepository(RefreshToken).save(m.getRepository(RefreshToken).create(t));
  }

  /** Locks the row so two concurrent refreshes with one token cannot both succeed. */
  findRefreshTokenForUpdate(m: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return m.getRepository(RefreshToken).createQueryBuilder('t').setLock('pessimistic_write').where('t.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  async markRefreshTokenReplaced(m: EntityManager, id: string, replacedBy: string | null, at: Date): Promise<void> {
    await m.getRepository(RefreshToken).update({ id }, { revokedAt: at, replacedBy });
  }

  async revokeFamily(m: EntityManager, familyId: string, at: Date): Promise<void> {
    await m.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  saveInvitation(m: EntityManager, i: Partial<Invitation>): Promise<Invitation> {
    return m.getRepository(Invitation).save(m.getRepository(Invitation).create(i));
  }

  findInvitationForUpdate(m: EntityManager, tokenHash: string): Promise<Invitation | null> {
    return m.getRepository(Invitation).createQueryBuilder('i').setLock('pessimistic_write').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  async markInvitationAccepted(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.getRepository(Invitation).update({ id }, { acceptedAt: at });
  }

  async insertAudit(m: EntityManager, a: Partial<AuditEntry>): Promise<void> {
    await m.getRepository(AuditEntry).save(m.getRepository(AuditEntry).create(a));
  }

  listAudit(m: EntityManager, f: { entityType?: string; entityId?: string; action?: string; skip: number; take: number }): Promise<[AuditEntry[], number]> {
    const where: Record<string, string> = {};
    if (f.entityType) where.entityType = f.entityType;
    if (f.entityId) where.entityId = f.entityId;
    if (f.action) where.action = f.action;
    return m.getRepository(AuditEntry).findAndCount({ where, order: { id: 'DESC' }, skip: f.skip, take: f.take });
  }
}
