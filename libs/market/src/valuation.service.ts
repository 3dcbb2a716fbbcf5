import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CatalogService } from '@techbridge/catalog';
import { ContractsService } from '@techbridge/contracts';
import { Actor, Clock, DomainError, FileStorage, storePdf, TransactionRunner } from '@techbridge/platform';
import { mapPayment, PaymentLedgerResponse, PaymentResponse, RecordPaymentDto, ValuationBandResponse } from './dto/valuation.dto';
import { MarketPayment } from './entities/market-payment.entity';
import { ListingPermission, MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { fenToYuan, toFen } from './rules/auction-rules';
import { comparableContractTypes, priceBand } from './rules/valuation';

const YEARS_BACK = 3;
const MAX_PROOF_BYTES = 10 * 1024 * 1024;
const paymentNotFound = () => DomainError.notFound({ code: 'PAYMENT_NOT_FOUND', zh: '收款记录不存在', en: 'Payment not found' });

/**
 * Market pricing: the price band of comparable registered contracts (same sub-field and transfer mode, TRL within one,
 * registered in the last three years), and the payments a seller actually received against a contract (paid vs agreed).
 */
@Injectable()
export class ValuationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: MarketAccessPolicy,
    private readonly catalog: CatalogService,
    private readonly contracts: ContractsService,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  async band(actor: Actor, listingId: string): Promise<ValuationBandResponse> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, listingId);
    const trlFrom = Math.max(1, l.trl - 1);
    const trlTo = Math.min(9, l.trl + 1);
    const achievementIds = await this.catalog.achievementIdsOfFieldAndTrl({ industry: l.industry, field: l.field, trlFrom, trlTo });
    const since = new Date(this.clock.now().getTime() - YEARS_BACK * 365.25 * 86_400_000);
    const types = comparableContractTypes(l.transferMode);
    const amounts = achievementIds.length ? await this.contracts.comparableContractAmounts({ types, industry: l.industry, achievementIds, since }) : [];
    return { listingId: l.id, ...priceBand(amounts), criteria: { industry: l.industry, field: l.field, trlFrom, trlTo, types, since: since.toISOString() } };
  }

  async ledger(actor: Actor, contractId: string): Promise<PaymentLedgerResponse> {
    const c = await this.contracts.contractForParty(actor, contractId);
    const payments = await this.tx.manager.getRepository(MarketPayment).find({ where: { contractId: c.id }, order: { receivedOn: 'ASC', createdAt: 'ASC' } });
    const paidFen = payments.reduce((s, p) => s + toFen(p.amount), 0);
    const agreedFen = toFen(c.contractAmount);
    return { contractId: c.id, agreed: c.contractAmount, paid: Number(fenToYuan(paidFen)), outstanding: Number(fenToYuan(Math.max(0, agreedFen - paidFen))), payments: payments.map(mapPayment) };
  }

  /** The seller records what it actually received; the buyer sees the ledger. */
  async record(actor: Actor, contractId: string, dto: RecordPaymentDto): Promise<PaymentResponse> {
    const c = await this.contracts.contractForParty(actor, contractId);
    if (c.seller.organisationId !== actor.orgId) throw MarketErrors.notOwner();
    const saved = await this.tx.run((m) => {
      const r = m.getRepository(MarketPayment);
      return r.save(r.create({ contractId: c.id, receivedOn: dto.receivedOn.slice(0, 10), amount: fenToYuan(toFen(dto.amount)), recordedBy: actor.userId }));
    });
    return mapPayment(saved);
  }

  async attachProof(actor: Actor, paymentId: string, file: { filename: string; content: Readable | Buffer }): Promise<PaymentResponse> {
    const p = await this.tx.manager.getRepository(MarketPayment).findOne({ where: { id: paymentId } });
    if (!p) throw paymentNotFound();
    const c = await this.contracts.contractForParty(actor, p.contractId).catch(() => {
      throw paymentNotFound();
    });
    if (c.seller.organisationId !== actor.orgId) throw MarketErrors.notOwner();
    const key = `market/payments/${p.id}/proof-${randomUUID()}.pdf`;
    await storePdf(this.storage, key, file.content, MAX_PROOF_BYTES, MarketErrors.proofNotAPdf);
    const old = p.proofKey;
    Object.assign(p, { proofKey: key, proofName: file.filename.slice(0, 200) });
    const saved = await this.tx.run((m) => m.getRepository(MarketPayment).save(p));
    if (old) await this.storage.remove(old).catch(() => undefined);
    return mapPayment(saved);
  }
}
