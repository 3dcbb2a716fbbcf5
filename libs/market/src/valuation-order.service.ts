import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { IdentityService } from '@techbridge/identity';
import { Actor, actsAs, DomainError, FileStorage, OrgType, StateMachine, storePdf, TransactionRunner } from '@techbridge/platform';
import { mapValuationOrder, OrderValuationDto, QuoteValuationDto, ValuationOrderResponse } from './dto/valuation-order.dto';
import { MarketValuationOrder, ValuationOrderStatus } from './entities/market-valuation-order.entity';
import { ListingPermission, MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { fenToYuan, toFen } from './rules/auction-rules';

const ORDER_LIFECYCLE = new StateMachine<ValuationOrderStatus, 'quote' | 'deliver'>('valuation order', {
  quote: { from: ['requested'], to: 'quoted' },
  deliver: { from: ['quoted'], to: 'delivered' },
});
const MAX_REPORT_BYTES = 30 * 1024 * 1024;
const orderNotFound = () => DomainError.notFound({ code: 'VALUATION_ORDER_NOT_FOUND', zh: '评估委托不存在', en: 'Valuation order not found' });

/** Valuation reports ordered by a listing's owner from a verified transfer institution: requested → quoted → delivered (PDF). */
@Injectable()
export class ValuationOrderService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: MarketAccessPolicy,
    private readonly identity: IdentityService,
    private readonly storage: FileStorage,
  ) {}

  async order(actor: Actor, listingId: string, dto: OrderValuationDto): Promise<ValuationOrderResponse> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Own, listingId);
    const inst = await this.identity.findOrganisation(dto.institutionId);
    if (!inst || inst.type !== OrgType.TransferInstitution || !inst.verified) {
      throw DomainError.validation('institutionId', { zh: '请选择已核验的技术转移机构', en: 'Choose a verified transfer institution' });
    }
    const o = await this.tx.run((m) => {
      const r = m.getRepository(MarketValuationOrder);
      return r.save(r.create({ listingId: l.id, ownerOrgId: l.ownerOrgId, institutionId: inst.id, note: dto.note.trim(), status: 'requested', createdBy: actor.userId }));
    });
    return mapValuationOrder(o);
  }

  async get(actor: Actor, id: string): Promise<ValuationOrderResponse> {
    return mapValuationOrder(await this.load(actor, id));
  }

  async quote(actor: Actor, id: string, dto: QuoteValuationDto): Promise<ValuationOrderResponse> {
    return this.tx.run(async (m) => {
      const o = await this.loadAsInstitution(actor, id);
      o.status = ORDER_LIFECYCLE.next(o.status, 'quote', o.id);
      o.quoteAmount = fenToYuan(toFen(dto.amount));
      return mapValuationOrder(await m.getRepository(MarketValuationOrder).save(o));
    });
  }

  /** The institution delivers the report (PDF): it is attached to the listing, for its owner to show. */
  async deliver(actor: Actor, id: string, file: { filename: string; content: Readable | Buffer }): Promise<ValuationOrderResponse> {
    const o = await this.loadAsInstitution(actor, id);
    ORDER_LIFECYCLE.assert(o.status, 'deliver');
    const key = `market/valuations/${o.id}/report-${randomUUID()}.pdf`;
    await storePdf(this.storage, key, file.content, MAX_REPORT_BYTES, MarketErrors.reportNotAPdf);
    return this.tx.run(async (m) => {
      o.status = ORDER_LIFECYCLE.next(o.status, 'deliver', o.id);
      Object.assign(o, { reportKey: key, reportName: file.filename.slice(0, 200) });
      return mapValuationOrder(await m.getRepository(MarketValuationOrder).save(o));
    });
  }

  async openReport(actor: Actor, id: string): Promise<{ stream: Readable; name: string }> {
    const o = await this.load(actor, id);
    if (!o.reportKey) throw DomainError.illegalTransition('valuation order', o.status, 'download-report');
    return { stream: await this.storage.open(o.reportKey), name: o.reportName ?? 'valuation.pdf' };
  }

  /** The owner's organisation and the institution see an order; anyone else gets 404. */
  private async load(actor: Actor, id: string): Promise<MarketValuationOrder> {
    const o = await this.tx.manager.getRepository(MarketValuationOrder).findOne({ where: { id } });
    if (!o || (o.ownerOrgId !== actor.orgId && o.institutionId !== actor.orgId)) throw orderNotFound();
    return o;
  }

  private async loadAsInstitution(actor: Actor, id: string): Promise<MarketValuationOrder> {
    const o = await this.load(actor, id);
    if (o.institutionId !== actor.orgId || !actsAs(actor, OrgType.TransferInstitution)) throw MarketErrors.notOwner();
    return o;
  }
}
