import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationService } from '@techbridge/notification';
import { Voucher } from './entities/voucher.entity';

const yuan = (fen: number | null) => ((fen ?? 0) / 100).toFixed(2);

/** What the vouchers context tells people, in the transaction of the step (a rolled-back step tells nobody). */
@Injectable()
export class VoucherNotices {
  constructor(private readonly notifications: NotificationService) {}

  issued(m: EntityManager, v: Voucher): Promise<void> {
    return this.notifications.notify({
      orgId: v.enterpriseOrgId, kind: 'voucher.issued', link: '/vouchers', dedupeKey: `voucher:${v.id}:issued`,
      title: { zh: `科技创新券已发放：${yuan(v.amountFen)} 元`, en: `Innovation voucher issued: ¥${yuan(v.amountFen)}` },
      body: { zh: `有效期至 ${v.expiresAt?.toISOString().slice(0, 10)}`, en: `Valid until ${v.expiresAt?.toISOString().slice(0, 10)}` },
    }, m);
  }

  expired(m: EntityManager, v: Voucher): Promise<void> {
    return this.notifications.notify({
      orgId: v.enterpriseOrgId, kind: 'voucher.expired', link: '/vouchers', dedupeKey: `voucher:${v.id}:expired`,
      title: { zh: '科技创新券已过期，未使用金额已退回资金池', en: 'Innovation voucher expired; the unused amount returned to the pool' },
    }, m);
  }

  claimed(m: EntityManager, v: Voucher, programmeOwnerOrgId: string): Promise<void> {
    return this.notifications.notify({
      orgId: programmeOwnerOrgId, kind: 'voucher.claimed', link: '/workspace/vouchers', dedupeKey: `voucher:${v.id}:claimed`,
      title: { zh: `创新券兑付申请待审核：${yuan(v.reservedFen)} 元`, en: `Voucher claim to audit: ¥${yuan(v.reservedFen)}` },
    }, m);
  }

  decided(m: EntityManager, v: Voucher, providerOrgId: string, outcome: 'audited' | 'rejected' | 'voided' | 'paid'): Promise<void> {
    const text = {
      audited: { zh: '创新券兑付审核通过', en: 'Voucher claim approved' },
      rejected: { zh: '创新券兑付申请被驳回', en: 'Voucher claim rejected' },
      voided: { zh: '创新券兑付被认定串通，已作废', en: 'Voucher claim found collusive and voided' },
      paid: { zh: `创新券兑付已支付：${yuan(v.reservedFen)} 元`, en: `Voucher claim paid: ¥${yuan(v.reservedFen)}` },
    }[outcome];
    return this.notifications.notify({ orgId: providerOrgId, kind: `voucher.${outcome}`, link: '/workspace/provider', dedupeKey: `voucher:${v.id}:${outcome}`, title: text }, m);
  }
}
