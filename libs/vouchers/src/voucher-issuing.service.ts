import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, BeijingCalendar, Clock, JobName, OrgType, OutboxService, TransactionRunner } from '@techbridge/platform';
import { ApplyVoucherDto, DecisionNoteDto, RecordPartnerVoucherDto, VoucherResponse } from './dto/voucher.dto';
import { Voucher } from './entities/voucher.entity';
import { InsufficientBalanceError, leftVoucher } from './ledger/ledger.rules';
import { VoucherLedgerService } from './ledger/voucher-ledger.service';
import { screen } from './rules/eligibility';
import { VoucherViews } from './voucher-views';
import { voucherLifecycle } from './voucher.state-machine';
import { VoucherPermission, VouchersAccessPolicy } from './vouchers-access.policy';
import { VoucherErrors } from './vouchers.exception';
import { VoucherNotices } from './vouchers.notices';
import { VouchersRepository } from './vouchers.repository';

const DAY_MS = 86_400_000;

/**
 * From application to an issued voucher, and back to the pool when it expires unused. An application that passes the
 * automatic rules takes its amount from the open round's quota and the enterprise's yearly cap at once (first come,
 * first served, in conditional updates); staff then issue it (the ledger moves the money) or refuse it (both return).
 */
@Injectable()
export class VoucherIssuingService {
  constructor(
    private readonly repo: VouchersRepository,
    private readonly access: VouchersAccessPolicy,
    private readonly ledger: VoucherLedgerService,
    private readonly views: VoucherViews,
    private readonly notices: VoucherNotices,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async apply(actor: Actor, dto: ApplyVoucherDto): Promise<VoucherResponse> {
    if (actor.orgType !== OrgType.Enterprise) throw VoucherErrors.notAllowed('仅企业可申领创新券', 'Only enterprises may apply for vouchers');
    return this.tx.run(async (m) => {
      const p = await this.repo.findProgramme(m, dto.programmeId);
      if (!p) throw VoucherErrors.programmeNotFound();
      if (p.status !== 'open' || p.issuingRegion !== 'HE') throw VoucherErrors.programmeClosed();
      if (!p.faceValuesFen.includes(dto.requestedFen)) throw VoucherErrors.faceValue(p.faceValuesFen);
      if (await this.repo.hasPendingApplication(m, p.id, actor.orgId)) throw VoucherErrors.alreadyApplied();
      const org = await this.identity.findOrganisation(actor.orgId, m);
      const now = this.clock.now();
      const screening = screen(await this.repo.rulesOf(m, p.id), dto.evidence);
      const passed = screening.every((o) => o.passed);
      let roundId: string | null = null;
      const year = BeijingCalendar.partsOf(now).year;
      if (passed) {
        const cap = await this.repo.claimYearlyCap(m, p.id, actor.orgId, year, p.yearlyCapFen, dto.requestedFen);
        if (!cap.ok) throw VoucherErrors.yearlyCapReached(cap.remainingFen);
        roundId = await this.repo.claimRoundQuota(m, p.id, now, dto.requestedFen);
        if (!roundId) {
          const open = await this.repo.openRound(m, p.id, now);
          throw open ? VoucherErrors.roundExhausted(open.quotaFen - open.issuedFen) : VoucherErrors.noOpenRound();
        }
      }
      const v = await this.repo.saveVoucher(m, {
        programmeId: p.id, roundId, enterpriseOrgId: actor.orgId, applicantUserId: actor.userId, creditCode: org?.creditCode ?? '', legalRepresentative: dto.legalRepresentative.trim(),
        status: 'applied', requestedFen: dto.requestedFen, evidence: { ...dto.evidence }, screening, issueYear: year,
      });
      v.status = voucherLifecycle.next(v.status, passed ? 'pass-screening' : 'fail-screening', v.id);
      if (!passed) v.decisionNote = 'automatic eligibility rules not met';
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  async issue(actor: Actor, id: string, dto: DecisionNoteDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v, programme: p } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Administer, true);
      const next = voucherLifecycle.next(v.status, 'issue', v.id);
      const now = this.clock.now();
      await this.ledger.openVoucherAccounts(m, p.id, v.id);
      await this.postIssue(m, p.id, v.id, v.requestedFen, actor.userId);
      Object.assign(v, { status: next, amountFen: v.requestedFen, issuedAt: now, expiresAt: new Date(now.getTime() + p.validityDays * DAY_MS), decidedAt: now, decisionNote: dto.note ?? null });
      await this.scheduleExpiry(m, v);
      await this.notices.issued(m, v);
      await this.identity.audit(m, actor, { action: 'voucher.issue', entityType: 'voucher', entityId: v.id, changes: { amountFen: v.amountFen } });
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  async refuse(actor: Actor, id: string, dto: DecisionNoteDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const { voucher: v } = await this.access.requireVoucher(m, actor, id, VoucherPermission.Administer, true);
      v.status = voucherLifecycle.next(v.status, 'refuse', v.id);
      await this.releaseClaims(m, v);
      Object.assign(v, { decidedAt: this.clock.now(), decisionNote: dto.note ?? null });
      await this.identity.audit(m, actor, { action: 'voucher.refuse', entityType: 'voucher', entityId: v.id, changes: { note: dto.note ?? null } });
      return this.views.view(m, await this.repo.saveVoucher(m, v));
    });
  }

  /** A Beijing or Tianjin voucher recorded under the programme of its region, to be redeemed here like ours. */
  async recordPartnerVoucher(actor: Actor, programmeId: string, dto: RecordPartnerVoucherDto): Promise<VoucherResponse> {
    return this.tx.run(async (m) => {
      const p = await this.access.requireProgrammeAdmin(m, actor, programmeId, true);
      if (p.issuingRegion === 'HE') throw VoucherErrors.noAgreement('HE');
      const a = p.agreementId ? await this.repo.findAgreement(m, p.agreementId) : null;
      const now = this.clock.now();
      const today = BeijingCalendar.dateOf(now);
      if (!a || !a.active || a.validFrom > today || a.validTo < today) throw VoucherErrors.noAgreement(p.issuingRegion);
      const org = await this.identity.findOrganisation(dto.enterpriseOrgId, m);
      if (!org || org.type !== OrgType.Enterprise) throw VoucherErrors.notAllowed('持券单位须为企业', 'The holder must be an enterprise');
      const expiresAt = new Date(dto.expiresAt);
      if (expiresAt <= now) throw VoucherErrors.expired();
      const v = await this.repo.saveVoucher(m, {
        programmeId: p.id, enterpriseOrgId: org.id, creditCode: org.creditCode ?? '', legalRepresentative: dto.legalRepresentative.trim(), status: 'issued',
        requestedFen: dto.amountFen, amountFen: dto.amountFen, externalNumber: dto.externalNumber, issueYear: BeijingCalendar.partsOf(now).year, issuedAt: now, expiresAt, decidedAt: now,
      });
      await this.ledger.openVoucherAccounts(m, p.id, v.id);
      await this.postIssue(m, p.id, v.id, dto.amountFen, actor.userId);
      await this.scheduleExpiry(m, v);
      await this.identity.audit(m, actor, { action: 'voucher.record-partner', entityType: 'voucher', entityId: v.id, changes: { externalNumber: dto.externalNumber, region: p.issuingRegion } });
      return this.views.view(m, v);
    });
  }

  /** The expiry job: an issued voucher past its expiry returns its money; anything else has moved on (skipped). */
  async expire(voucherId: string): Promise<'expired' | 'skipped'> {
    return this.tx.run(async (m) => {
      const v = await this.repo.findVoucher(m, voucherId, true);
      if (!v || !v.expiresAt || !voucherLifecycle.can(v.status, 'expire') || v.expiresAt > this.clock.now()) return 'skipped';
      v.status = voucherLifecycle.next(v.status, 'expire', v.id);
      await this.repo.giveBackClaims(m, v, leftVoucher(await this.ledger.post(m, v.programmeId, { kind: 'expire', voucherId: v.id }, null)));
      await this.repo.saveVoucher(m, v);
      await this.notices.expired(m, v);
      return 'expired';
    });
  }

  private async postIssue(m: EntityManager, programmeId: string, voucherId: string, amountFen: number, actorUserId: string): Promise<void> {
    try {
      await this.ledger.post(m, programmeId, { kind: 'issue', voucherId, amountFen }, actorUserId);
    } catch (e) {
      if (e instanceof InsufficientBalanceError) throw VoucherErrors.budgetExhausted(e.balanceFen);
      throw e;
    }
  }

  private async releaseClaims(m: EntityManager, v: Voucher): Promise<void> {
    if (v.roundId) await this.repo.releaseRoundQuota(m, v.roundId, v.requestedFen);
    if (v.issueYear) await this.repo.releaseYearlyCap(m, v.programmeId, v.enterpriseOrgId, v.issueYear, v.requestedFen);
  }

  /** One delayed job per voucher (deterministic id): a retry or a second enqueue finds the same job. */
  private async scheduleExpiry(m: EntityManager, v: Voucher): Promise<void> {
    await this.outbox.enqueue(m, JobName.VoucherExpire, { voucherId: v.id }, {
      jobId: `voucher:${v.id}:expire`,
      delayMs: Math.max(0, v.expiresAt!.getTime() - this.clock.now().getTime()),
    });
  }
}
