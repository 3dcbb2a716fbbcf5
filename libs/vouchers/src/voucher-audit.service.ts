import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, TransactionRunner } from '@techbridge/platform';
import { AuditDto, VoucherResponse } from './dto/voucher.dto';
import { Voucher } from './entities/voucher.entity';
import { VoucherLedgerService } from './ledger/voucher-ledger.service';
import { leftVoucher } from './ledger/ledger.rules';
import { VoucherViews } from './voucher-views';
import { voucherLifecycle } from './voucher.state-machine';
import { VoucherPermission, VouchersAccessPolicy } from './vouchers-access.policy';
import { VoucherNotices } from './vouchers.notices';
import { VouchersRepository } from './vouchers.repository';

/**
 * Staff audit a claim: approve (then pay), reject (the voucher's money returns for issuing again), or find collusion
 * (what the voucher still holds is voided and the provider blacklisted, in one transaction).
 */
@Injectable()
export class VoucherAuditService {
  constructor(
    private readonly repo: VouchersRepository,
    private readonly access: VouchersAccessPolicy,
    private readonly ledger: VoucherLedgerService,
    private readonly views: VoucherViews,
    private readonly notices: VoucherNotices,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async audit(actor: Actor, id: string, dto: AuditDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Administer, true);
      const now = this.clock.now();
      if (dto.decision === 'approve') {
        v.status = voucherLifecycle.next(v.status, 'approve-claim', v.id);
      } else if (dto.decision === 'reject') {
        v.status = voucherLifecycle.next(v.status, 'reject-claim', v.id);
        await this.repo.giveBackClaims(m, v, leftVoucher(await this.ledger.post(m, v.programmeId, { kind: 'return', voucherId: v.id }, actor.userId)));
      } else {
        // Collusion is found on the claim under audit; the void transition guards every state that still holds money.
        voucherLifecycle.assert(v.status, 'approve-claim');
        v.status = voucherLifecycle.next(v.status, 'void', v.id);
        await this.repo.giveBackClaims(m, v, leftVoucher(await this.ledger.post(m, v.programmeId, { kind: 'void', voucherId: v.id }, actor.userId)));
        const provider = v.providerId ? await this.repo.findProvider(m, v.providerId, true) : null;
        if (provider && !provider.blacklistedAt) {
          Object.assign(provider, { blacklistedAt: now, blacklistReason: `collusion found on the audit of voucher ${v.id}${dto.note ? `: ${dto.note}` : ''}` });
          await this.repo.saveProvider(m, provider);
        }
      }
      Object.assign(v, { decidedAt: now, decisionNote: dto.note ?? v.decisionNote });
      await this.notifyProvider(m, v, v.status as 'audited' | 'rejected' | 'voided');
      await this.identity.audit(m, actor, { action: `voucher.audit.${dto.decision}`, entityType: 'voucher', entityId: v.id, changes: { note: dto.note ?? null } });
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  /** Pay the audited claim: the reserved amount becomes paid; what the voucher did not use returns for issuing again. */
  async pay(actor: Actor, id: string): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Administer, true);
      v.status = voucherLifecycle.next(v.status, 'pay', v.id);
      await this.ledger.post(m, v.programmeId, { kind: 'pay', voucherId: v.id, amountFen: v.reservedFen! }, actor.userId);
      await this.repo.giveBackClaims(m, v, leftVoucher(await this.ledger.post(m, v.programmeId, { kind: 'return', voucherId: v.id }, actor.userId)));
      v.paidAt = this.clock.now();
      await this.notifyProvider(m, v, 'paid');
      await this.identity.audit(m, actor, { action: 'voucher.pay', entityType: 'voucher', entityId: v.id, changes: { paidFen: v.reservedFen } });
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  private async notifyProvider(m: EntityManager, v: Voucher, outcome: 'audited' | 'rejected' | 'voided' | 'paid'): Promise<void> {
    const provider = v.providerId ? await this.repo.findProvider(m, v.providerId) : null;
    if (provider) await this.notices.decided(m, v, provider.orgId, outcome);
  }
}
