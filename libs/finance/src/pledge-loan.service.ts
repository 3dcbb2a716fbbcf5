import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { CatalogService } from '@techbridge/catalog';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, FileStorage, OrgType, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { ApplyPledgeLoanDto, ApproveLoanDto, LoanListQuery, mapLoan, PledgeLoanResponse } from './dto/loan.dto';
import { PledgeLoan } from './entities/pledge-loan.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, isBank, LoanPermission } from './finance-access.policy';
import { GuaranteeService } from './guarantee.service';
import { LOAN_LIFECYCLE, LoanAction } from './finance.state-machine';
import { PledgeLoanRepository } from './pledge-loan.repository';
import { readDocument } from './upload-content';

/** The bank's steps after approval (and its refusal before it). */
export type BankStep = Extract<LoanAction, 'decline' | 'disburse' | 'default'>;

/**
 * IP-pledge loans (知识产权质押贷款): the enterprise applies with an achievement's patents, attaches the valuation
 * report, and a verified bank approves, disburses and records default (repayments: LoanRepaymentService).
 */
@Injectable()
export class PledgeLoanService {
  constructor(
    private readonly repo: PledgeLoanRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly catalog: CatalogService,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly storage: FileStorage,
    private readonly guarantees: GuaranteeService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async apply(actor: Actor, dto: ApplyPledgeLoanDto): Promise<PledgeLoanResponse> {
    if (actor.orgType !== OrgType.Enterprise) throw FinanceErrors.notABorrower();
    const bank = await this.identity.findOrganisation(dto.bankId);
    if (!bank || bank.type !== OrgType.Bank || !bank.verified) throw FinanceErrors.bankNotFound();
    const [achievement] = await this.catalog.getAchievementsByIds([dto.achievementId]);
    if (!achievement || achievement.owner.id !== actor.orgId) throw FinanceErrors.achievementNotYours('achievementId');
    if (!achievement.patents.length) throw FinanceErrors.noPatents();
    const org = await this.identity.findOrganisation(actor.orgId);
    const saved = await this.tx.run(async (m) => {
      const loan = await this.repo.save(m, {
        borrowerId: actor.orgId, bankId: bank.id, achievementId: achievement.id, patents: [...achievement.patents], amount: dto.amount, termMonths: dto.termMonths,
        parkCode: org?.parkCode ?? null, status: 'applied',
      });
      await this.identity.audit(m, actor, { action: 'pledge-loan.apply', entityType: 'pledge-loan', entityId: loan.id, changes: { bankId: bank.id, amount: dto.amount, patents: loan.patents } });
      await this.notifications.notify({
        orgId: bank.id, kind: 'finance.loan-applied', title: { zh: `新的知识产权质押贷款申请：${achievement.title}`, en: `New IP-pledge loan application: ${achievement.title}` },
        link: `/workspace/loans/${loan.id}`, dedupeKey: `loan:${loan.id}:applied`,
      }, m);
      return loan;
    });
    return mapLoan(saved, org?.name ?? null);
  }

  /** The borrower attaches the valuation report (PDF or image) with the appraised value: applied → valued. */
  async attachValuation(actor: Actor, id: string, valuationAmount: number, file: { stream: Readable; filename?: string | null }): Promise<PledgeLoanResponse> {
    try {
      const loan = await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Borrow, id);
      LOAN_LIFECYCLE.assert(loan.status, 'value');
    } catch (err) {
      file.stream.destroy();
      throw err;
    }
    const doc = await readDocument(file.stream, file.filename);
    const key = `pledge-loans/${id}/${randomUUID()}.${doc.extension}`;
    await this.storage.put(key, doc.content);
    try {
      return await this.step(actor, id, 'value', LoanPermission.Borrow, (l) => {
        l.valuationAmount = valuationAmount;
        l.valuationReportKey = key;
        l.valuationReportName = doc.filename;
      });
    } catch (err) {
      await this.storage.remove(key);
      throw err;
    }
  }

  async approve(actor: Actor, id: string, dto: ApproveLoanDto): Promise<PledgeLoanResponse> {
    return this.step(actor, id, 'approve', LoanPermission.Lend, (l) => {
      if (dto.approvedAmount <= 0 || dto.approvedAmount > l.amount) {
        throw FinanceErrors.amountField('approvedAmount', { zh: '批准金额须大于零且不超过申请金额', en: 'approvedAmount must be positive and at most the amount applied for' });
      }
      l.approvedAmount = dto.approvedAmount;
      l.decisionNote = dto.note ?? null;
    });
  }

  async bankStep(actor: Actor, id: string, action: BankStep, note?: string): Promise<PledgeLoanResponse> {
    return this.step(actor, id, action, LoanPermission.Lend, (l) => {
      if (note !== undefined) l.decisionNote = note;
      if (action === 'disburse') l.disbursedAt = this.clock.now();
      if (action === 'default') l.closedAt = this.clock.now();
    });
  }

  async withdraw(actor: Actor, id: string): Promise<PledgeLoanResponse> {
    return this.step(actor, id, 'withdraw', LoanPermission.Borrow);
  }

  /** One lifecycle step under the row lock; a bank's steps need its organisation verified at this moment. */
  async step(actor: Actor, id: string, action: LoanAction, permission: LoanPermission, apply?: (l: PledgeLoan) => void, within?: EntityManager): Promise<PledgeLoanResponse> {
    const saved = await this.tx.run(async (m) => {
      const loan = await this.access.requireLoan(m, actor, permission, id, true);
      if (permission === LoanPermission.Lend) await this.identity.assertVerified(actor, m);
      const from = loan.status;
      LOAN_LIFECYCLE.assert(from, action);
      if (action === 'disburse') await this.guarantees.assertNonePending(m, loan.id);
      apply?.(loan);
      loan.status = LOAN_LIFECYCLE.next(from, action, loan.id);
      const l = await this.repo.save(m, loan);
      await this.identity.audit(m, actor, { action: `pledge-loan.${action}`, entityType: 'pledge-loan', entityId: l.id, changes: { from, to: l.status } });
      await this.notifications.notify({
        orgId: permission === LoanPermission.Lend ? l.borrowerId : l.bankId, kind: `finance.loan-${l.status}`,
        title: { zh: `知识产权质押贷款状态：${l.status}`, en: `IP-pledge loan is now ${l.status}` }, link: `/workspace/loans/${l.id}`, dedupeKey: `loan:${l.id}:${l.status}`,
      }, m);
      return l;
    }, within);
    return mapLoan(saved);
  }

  async get(actor: Actor, id: string): Promise<PledgeLoanResponse> {
    const loan = await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Read, id);
    const org = await this.identity.findOrganisation(loan.borrowerId);
    return mapLoan(loan, org?.name ?? null);
  }

  /** The borrower's loans, or the bank's queue (oldest first, optionally of one status). */
  async list(actor: Actor, q: LoanListQuery): Promise<Page<PledgeLoanResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = isBank(actor)
      ? await this.repo.listOfBank(this.tx.manager, actor.orgId, q.status ? [q.status] : null, skip, take)
      : await this.repo.listOfBorrower(this.tx.manager, actor.orgId, skip, take);
    const orgs = await this.identity.findOrganisations(rows.map((r) => r.borrowerId));
    return pageOf(rows.map((l) => mapLoan(l, orgs.get(l.borrowerId)?.name ?? null)), total, q);
  }
}
