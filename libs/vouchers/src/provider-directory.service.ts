import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, isPlatformStaff, OrgType, Page, pageOf, PageQuery, skipTake, TransactionRunner } from '@techbridge/platform';
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

  private async assertRelationKeeper(m: Parameters<VouchersAccessPolicy['assertProgrammeCreator']>[0], actor: Actor): Promise<void> {
    if (isPlatformStaff(actor)) return;
    await this.access.assertProgrammeCreator(m, actor);
  }
}
