import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, DomainError, FileStorage, TransactionRunner } from '@techbridge/platform';
import { ClaimDto, RateDto, ReserveVoucherDto, VoucherResponse } from './dto/voucher.dto';
import { VoucherProgramme } from './entities/programme.entity';
import { ServiceProvider } from './entities/provider.entity';
import { CLAIM_DOCUMENT_KINDS, ClaimDocumentKind, Voucher } from './entities/voucher.entity';
import { InsufficientBalanceError } from './ledger/ledger.rules';
import { VoucherLedgerService } from './ledger/voucher-ledger.service';
import { relationBetween } from './rules/related-parties';
import { VoucherViews } from './voucher-views';
import { voucherLifecycle } from './voucher.state-machine';
import { VoucherPermission, VouchersAccessPolicy } from './vouchers-access.policy';
import { VoucherErrors } from './vouchers.exception';
import { VoucherNotices } from './vouchers.notices';
import { VouchersRepository } from './vouchers.repository';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface ServiceOrder {
  category: string;
  amountFen: number;
  description: string;
  /** The order's reference: generated for a service order, the booking for an instrument. */
  orderRef?: string;
}

/**
 * Spending a voucher: reserved against a service order with a registered provider (the fraud checks run here:
 * blacklist, related parties, eligible service), delivered, then claimed by the provider with its four documents and
 * a unique invoice. The enterprise rates the provider once the voucher is paid.
 */
@Injectable()
export class VoucherRedemptionService {
  constructor(
    private readonly repo: VouchersRepository,
    private readonly access: VouchersAccessPolicy,
    private readonly ledger: VoucherLedgerService,
    private readonly views: VoucherViews,
    private readonly notices: VoucherNotices,
    private readonly identity: IdentityService,
    private readonly storage: FileStorage,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async reserve(actor: Actor, id: string, dto: ReserveVoucherDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher, programme } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Hold, true);
      const provider = await this.repo.findProvider(m, dto.providerId);
      if (!provider) throw VoucherErrors.providerNotFound();
      const v = await this.reserveWith(m, actor, voucher, programme, provider, { category: dto.serviceCategory, amountFen: dto.amountFen, description: dto.orderDescription });
      return this.views.view(m, v);
    });
  }

  /**
   * Within the caller's transaction (an instrument booking paid by voucher): reserve the voucher against the order with
   * the provider registered for `providerOrgId`, and mark it delivered, since the service has been used.
   */
  async reserveDelivered(m: EntityManager, actor: Actor, voucherId: string, providerOrgId: string, order: ServiceOrder): Promise<VoucherResponse> {
    const { voucher, programme } = await this.access.requireVoucher(m, actor, voucherId, VoucherPermission.Hold, true);
    const provider = await this.repo.findProviderOfOrg(m, providerOrgId);
    if (!provider) throw VoucherErrors.providerNotFound();
    const v = await this.reserveWith(m, actor, voucher, programme, provider, order);
    v.status = voucherLifecycle.next(v.status, 'deliver', v.id);
    v.deliveredAt = this.clock.now();
    return this.views.view(m, await this.repo.saveVoucher(m, v));
  }

  async release(actor: Actor, id: string): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Hold, true);
      v.status = voucherLifecycle.next(v.status, 'release', v.id);
      await this.ledger.post(m, v.programmeId, { kind: 'release', voucherId: v.id }, actor.userId);
      Object.assign(v, { providerId: null, serviceCategory: null, orderRef: null, orderDescription: null, reservedFen: null });
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  async deliver(actor: Actor, id: string): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Serve, true);
      v.status = voucherLifecycle.next(v.status, 'deliver', v.id);
      v.deliveredAt = this.clock.now();
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  async uploadDocument(actor: Actor, id: string, kind: string, file: { filename: string; content: Readable | Buffer }): Promise<VoucherResponse> {
    if (!(CLAIM_DOCUMENT_KINDS as readonly string[]).includes(kind)) throw DomainError.validation('kind', { zh: '材料类型无效', en: `kind must be one of ${CLAIM_DOCUMENT_KINDS.join(', ')}` });
    await this.tx.run(async (m) => {
      const { voucher } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Serve);
      voucherLifecycle.assert(voucher.status, 'claim');
    });
    const key = `vouchers/${id}/${kind}-${randomUUID()}`;
    await this.storage.put(key, file.content, MAX_DOCUMENT_BYTES);
    return this.tx.run(async (m) => {
      const { voucher } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Serve, true);
      voucherLifecycle.assert(voucher.status, 'claim');
      await this.repo.upsertDocument(m, { voucherId: id, kind: kind as ClaimDocumentKind, storageKey: key, filename: file.filename.slice(0, 200), uploadedAt: this.clock.now() });
      return this.views.view(m, voucher);
    });
  }

  async claim(actor: Actor, id: string, dto: ClaimDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v, programme } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Serve, true);
      const next = voucherLifecycle.next(v.status, 'claim', v.id);
      const have = new Set((await this.repo.documentsOf(m, id)).map((d) => d.kind));
      const missing = CLAIM_DOCUMENT_KINDS.filter((k) => !have.has(k));
      if (missing.length) throw VoucherErrors.documentsMissing(missing);
      if (dto.invoiceFen < (v.reservedFen ?? 0)) throw DomainError.validation('invoiceFen', { zh: '发票金额不得低于创新券抵扣金额', en: 'The invoice must cover the amount paid by the voucher' });
      // The unique index on the invoice number answers a second claim on the same invoice with 409.
      await this.repo.insertClaim(m, { voucherId: id, invoiceNumber: dto.invoiceNumber.toUpperCase(), invoiceFen: dto.invoiceFen, submittedBy: actor.userId, submittedAt: this.clock.now() });
      Object.assign(v, { status: next, claimedAt: this.clock.now() });
      await this.notices.claimed(m, v, programme.ownerOrgId);
      await this.identity.audit(m, actor, { action: 'voucher.claim', entityType: 'voucher', entityId: id, changes: { invoiceNumber: dto.invoiceNumber } });
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  async rate(actor: Actor, id: string, dto: RateDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Hold, true);
      if (v.status !== 'paid' || v.rating !== null || !v.providerId) throw DomainError.illegalTransition('voucher', v.status, 'rate');
      v.rating = dto.rating;
      await this.repo.addRating(m, v.providerId, dto.rating);
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  private async reserveWith(m: EntityManager, actor: Actor, v: Voucher, p: VoucherProgramme, provider: ServiceProvider, order: ServiceOrder): Promise<Voucher> {
    const next = voucherLifecycle.next(v.status, 'reserve', v.id);
    if (v.expiresAt && v.expiresAt <= this.clock.now()) throw VoucherErrors.expired();
    if (provider.blacklistedAt) throw VoucherErrors.providerBlacklisted();
    if (!provider.acceptsVouchers) throw VoucherErrors.providerRefusesVouchers();
    if (order.category === 'statutory-testing' || !p.categories.includes(order.category) || !provider.categories.includes(order.category)) throw VoucherErrors.categoryNotEligible(order.category);
    const relation = relationBetween(
      { creditCode: v.creditCode, legalRepresentative: v.legalRepresentative },
      { creditCode: provider.creditCode, legalRepresentative: provider.legalRepresentative },
      await this.repo.shareholdingsOf(m, [v.creditCode, provider.creditCode].filter(Boolean)),
    );
    if (relation) throw VoucherErrors.relatedParty(relation);
    try {
      await this.ledger.post(m, v.programmeId, { kind: 'reserve', voucherId: v.id, amountFen: order.amountFen }, actor.userId);
    } catch (e) {
      if (e instanceof InsufficientBalanceError) throw VoucherErrors.overVoucher(e.balanceFen);
      throw e;
    }
    Object.assign(v, {
      status: next, providerId: provider.id, serviceCategory: order.category, orderRef: order.orderRef ?? `order:${randomUUID()}`,
      orderDescription: order.description, reservedFen: order.amountFen,
    });
    return this.repo.saveVoucher(m, v);
  }
}
