import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, isPlatformStaff, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { VoucherListQuery, VoucherResponse } from './dto/voucher.dto';
import { ServiceOrder, VoucherRedemptionService } from './voucher-redemption.service';
import { VoucherViews } from './voucher-views';
import { VoucherPermission, VouchersAccessPolicy } from './vouchers-access.policy';
import { VouchersRepository } from './vouchers.repository';

/** A voucher movement as statistics and monitoring see it. */
export interface VoucherFlowRecord {
  voucherId: string;
  /** The holder's park (null outside the zone's parks). */
  parkCode: string | null;
  amountFen: number;
  at: Date;
  programmeRegion: string;
  providerRegion: string | null;
}

/**
 * The vouchers facade: lists and reads for callers, paying an instrument booking with a voucher (joins the
 * caller's transaction), and the issued and redeemed flows statistics and monitoring count.
 */
@Injectable()
export class VoucherService {
  constructor(
    private readonly repo: VouchersRepository,
    private readonly access: VouchersAccessPolicy,
    private readonly redemption: VoucherRedemptionService,
    private readonly views: VoucherViews,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, q: VoucherListQuery): Promise<Page<VoucherResponse>> {
    const m = this.tx.manager;
    const { skip, take } = skipTake(q);
    const as = q.as ?? 'enterprise';
    let where: Parameters<VouchersRepository['listVouchers']>[1];
    if (as === 'enterprise') where = { enterpriseOrgId: actor.orgId };
    else if (as === 'provider') {
      const provider = await this.repo.findProviderOfOrg(m, actor.orgId);
      where = { providerId: provider?.id ?? '00000000-0000-0000-0000-000000000000' };
    } else {
      const verified = isPlatformStaff(actor) || (await this.identity.isOrganisationVerified(actor.orgId, m));
      where = { programmeIds: verified ? await this.repo.programmeIdsOwnedBy(m, isPlatformStaff(actor) ? null : actor.orgId) : [] };
    }
    const [rows, total] = await this.repo.listVouchers(m, { ...where, status: q.status, programmeId: q.programmeId }, skip, take);
    return pageOf(await Promise.all(rows.map((v) => this.views.view(m, v))), total, q);
  }

  async get(actor: Actor, id: string): Promise<VoucherResponse> {
    const m = this.tx.manager;
    const { voucher } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Read);
    return this.views.view(m, voucher);
  }

  /** Pay a used service (an instrument booking) with a voucher the actor's enterprise holds, in the caller's transaction. */
  payForUsedService(m: EntityManager, actor: Actor, voucherId: string, providerOrgId: string, order: ServiceOrder): Promise<VoucherResponse> {
    return this.redemption.reserveDelivered(m, actor, voucherId, providerOrgId, order);
  }

  /** Vouchers issued and vouchers paid in [from, to), with the holder's park and the regions of programme and provider. */
  async flowsBetween(from: Date, to: Date): Promise<{ issued: VoucherFlowRecord[]; redeemed: VoucherFlowRecord[] }> {
    const m = this.tx.manager;
    const rows: Array<{ id: string; enterprise_org_id: string; amount_fen: number; reserved_fen: number | null; issued_at: Date | null; paid_at: Date | null; issuing_region: string; provider_region: string | null }> = await m.query(
      `SELECT v.id, v.enterprise_org_id, v.amount_fen, v.reserved_fen, v.issued_at, v.paid_at, p.issuing_region, pr.region AS provider_region
         FROM voucher v JOIN voucher_programme p ON p.id = v.programme_id LEFT JOIN voucher_provider pr ON pr.id = v.provider_id
        WHERE (v.issued_at >= $1 AND v.issued_at < $2) OR (v.paid_at >= $1 AND v.paid_at < $2)`, [from, to]);
    const orgs = await this.identity.findOrganisations([...new Set(rows.map((r) => r.enterprise_org_id))], m);
    const rec = (r: (typeof rows)[number], amountFen: number, at: Date): VoucherFlowRecord => ({
      voucherId: r.id, parkCode: orgs.get(r.enterprise_org_id)?.parkCode ?? null, amountFen, at, programmeRegion: r.issuing_region, providerRegion: r.provider_region,
    });
    return {
      issued: rows.filter((r) => r.issued_at && r.issued_at >= from && r.issued_at < to).map((r) => rec(r, r.amount_fen, r.issued_at!)),
      redeemed: rows.filter((r) => r.paid_at && r.paid_at >= from && r.paid_at < to).map((r) => rec(r, r.reserved_fen ?? 0, r.paid_at!)),
    };
  }
}
