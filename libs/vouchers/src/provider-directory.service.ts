import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, DomainError, isPlatformStaff, OrgType, Page, pageOf, PageQuery, skipTake, TransactionRunner } from '@techbridge/platform';
import {
  BlacklistDto, mapProvider, mapRelation, ProviderResponse, ProviderSearchQuery, RecordRelationDto, RegisterProviderDto, RelationResponse,
} from './dto/provider.dto';
import { PROVIDER_REGIONS, ProviderRegion } from './rules/service-categories';
import { VouchersAccessPolicy } from './vouchers-access.policy';
import { VoucherErrors } from './vouchers.exception';
import { VouchersRepository } from './vouchers.repository';

/**
 * The service-provider directory: organisations of this province, Beijing or Tianjin register the services they
 * offer; anyone searches by category and park; platform staff blacklist; staff keep the shareholder relations the
 * related-party check reads.
 */
@Injectable()
export class ProviderDirectoryService {
  constructor(
    private readonly repo: VouchersRepository,
    private readonly access: VouchersAccessPolicy,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, dto: RegisterProviderDto): Promise<ProviderResponse> {
    return this.tx.run(async (m) => {
      const org = await this.identity.findOrganisation(actor.orgId, m);
      if (!org || org.type === OrgType.Platform) throw VoucherErrors.notAllowed('该机构不能登记为服务机构', 'This organisation cannot register as a provider');
      if (!(PROVIDER_REGIONS as readonly string[]).includes(org.region)) {
        throw VoucherErrors.notAllowed('仅河北及京津服务机构可登记（互认范围）', 'Only providers of Hebei, Beijing or Tianjin are accepted (mutual recognition)');
      }
      const p = await this.repo.saveProvider(m, {
        orgId: org.id, name: org.name, creditCode: org.creditCode ?? '', legalRepresentative: dto.legalRepresentative.trim(), region: org.region as ProviderRegion,
        parkCode: dto.parkCode ?? org.parkCode ?? null, categories: dto.categories, acceptsVouchers: dto.acceptsVouchers ?? true, description: dto.description ?? '',
      });
      await this.identity.audit(m, actor, { action: 'voucher-provider.register', entityType: 'voucher_provider', entityId: p.id, changes: { categories: dto.categories } });
      return mapProvider(p);
    });
  }

  async search(q: ProviderSearchQuery): Promise<Page<ProviderResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.searchProviders(this.tx.manager, q, skip, take);
    return pageOf(rows.map(mapProvider), total, q);
  }

  async get(id: string): Promise<ProviderResponse> {
    const p = await this.repo.findProvider(this.tx.manager, id);
    if (!p) throw VoucherErrors.providerNotFound();
    return mapProvider(p);
  }

  async blacklist(actor: Actor, id: string, dto: BlacklistDto): Promise<ProviderResponse> {
    return this.tx.run(async (m) => {
      const p = await this.repo.findProvider(m, id, true);
      if (!p) throw VoucherErrors.providerNotFound();
      Object.assign(p, { blacklistedAt: p.blacklistedAt ?? this.clock.now(), blacklistReason: dto.reason });
      await this.identity.audit(m, actor, { action: 'voucher-provider.blacklist', entityType: 'voucher_provider', entityId: id, changes: { reason: dto.reason } });
      return mapProvider(await this.repo.saveProvider(m, p));
    });
  }

  /**
   * Programme administrators (platform staff, verified park administrations: those whose audits blacklist) lift a
   * blacklisting with a reason; the reason it was set is kept in the audit trail. Not blacklisted: 409 with the state.
   */
  async liftBlacklist(actor: Actor, id: string, dto: BlacklistDto): Promise<ProviderResponse> {
    return this.tx.run(async (m) => {
      if (!(await this.isRelationKeeper(m, actor))) throw VoucherErrors.providerNotFound();
      const p = await this.repo.findProvider(m, id, true);
      if (!p) throw VoucherErrors.providerNotFound();
      if (!p.blacklistedAt) throw DomainError.illegalTransition('service provider blacklisting', 'not-blacklisted', 'lift');
      const changes = { reason: dto.reason, blacklistedAt: p.blacklistedAt.toISOString(), blacklistReason: p.blacklistReason };
      Object.assign(p, { blacklistedAt: null, blacklistReason: null });
      await this.identity.audit(m, actor, { action: 'voucher-provider.lift-blacklist', entityType: 'voucher_provider', entityId: id, changes });
      return mapProvider(await this.repo.saveProvider(m, p));
    });
  }

  async recordRelation(actor: Actor, dto: RecordRelationDto): Promise<RelationResponse> {
    return this.tx.run(async (m) => {
      await this.assertRelationKeeper(m, actor);
      const r = await this.repo.saveRelation(m, { shareholderCreditCode: dto.shareholderCreditCode.toUpperCase(), heldCreditCode: dto.heldCreditCode.toUpperCase(), note: dto.note ?? '', recordedBy: actor.userId });
      await this.identity.audit(m, actor, { action: 'voucher-relation.record', entityType: 'voucher_party_relation', entityId: r.id, changes: {} });
      return mapRelation(r);
    });
  }

  async listRelations(actor: Actor, q: PageQuery): Promise<Page<RelationResponse>> {
    const m = this.tx.manager;
    await this.assertRelationKeeper(m, actor);
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listRelations(m, skip, take);
    return pageOf(rows.map(mapRelation), total, q);
  }

  /** A relation recorded in error is deleted by a programme administrator; the audit entry keeps what it said. Others: 404. */
  async deleteRelation(actor: Actor, id: string): Promise<RelationResponse> {
    return this.tx.run(async (m) => {
      if (!(await this.isRelationKeeper(m, actor))) throw VoucherErrors.relationNotFound();
      const r = await this.repo.findRelation(m, id, true);
      if (!r) throw VoucherErrors.relationNotFound();
      await this.repo.deleteRelation(m, id);
      await this.identity.audit(m, actor, {
        action: 'voucher-relation.delete', entityType: 'voucher_party_relation', entityId: id,
        changes: { shareholderCreditCode: r.shareholderCreditCode, heldCreditCode: r.heldCreditCode, note: r.note },
      });
      return mapRelation(r);
    });
  }

  private async isRelationKeeper(m: Parameters<VouchersAccessPolicy['assertProgrammeCreator']>[0], actor: Actor): Promise<boolean> {
    if (isPlatformStaff(actor)) return true;
    return actor.orgType === OrgType.ParkAdministration && this.identity.isOrganisationVerified(actor.orgId, m);
  }

  private async assertRelationKeeper(m: Parameters<VouchersAccessPolicy['assertProgrammeCreator']>[0], actor: Actor): Promise<void> {
    if (isPlatformStaff(actor)) return;
    await this.access.assertProgrammeCreator(m, actor);
  }
}
