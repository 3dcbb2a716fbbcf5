import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, BeijingCalendar, Clock, DomainError, FileStorage, TransactionRunner } from '@techbridge/platform';
import { mapLoan } from './dto/loan.dto';
import { LoanRepaymentListResponse, mapRepayment, RecordRepaymentQuery, RepaymentRecordedResponse } from './dto/repayment.dto';
import { outstandingFen, principalFen } from './entities/pledge-loan.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, LoanPermission } from './finance-access.policy';
import { LOAN_LIFECYCLE } from './finance.state-machine';
import { GuaranteeService } from './guarantee.service';
import { PledgeLoanRepository } from './pledge-loan.repository';
import { contentTypeOfKey, DocumentContentType, readDocument } from './upload-content';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export interface RepaymentProof {
  stream: Readable;
  contentType: DocumentContentType;
  filename: string;
}

/**
 * Repayments of a disbursed pledge loan, recorded by its bank with the proof: each lowers the outstanding principal,
 * the one that clears it makes the loan repaid. The loan row is locked while the sum is checked and raised, so two
 * repayments recorded at once cannot together repay more than was lent.
 */
@Injectable()
export class LoanRepaymentService {
  constructor(
    private readonly repo: PledgeLoanRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly storage: FileStorage,
    private readonly guarantees: GuaranteeService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, loanId: string, q: RecordRepaymentQuery, file: { stream: Readable; filename?: string | null }): Promise<RepaymentRecordedResponse> {
    try {
      await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Lend, loanId);
    } catch (err) {
      file.stream.destroy();
      throw err;
    }
    const doc = await readDocument(file.stream, file.filename);
    const key = `pledge-loans/${loanId}/repayments/${randomUUID()}.${doc.extension}`;
    await this.storage.put(key, doc.content);
    try {
      return await this.tx.run(async (m) => {
        const loan = await this.access.requireLoan(m, actor, LoanPermission.Lend, loanId, true);
        await this.identity.assertVerified(actor, m);
        if (loan.status !== 'disbursed') throw DomainError.illegalTransition('pledge loan', loan.status, 'record-repayment');
        const today = BeijingCalendar.dateOf(this.clock.now());
        if (q.repaidOn > today) throw DomainError.validation('repaidOn', { zh: '还款日期不能晚于今天', en: 'repaidOn may not be in the future' }, 'REPAID_ON');
        if (loan.disbursedAt && q.repaidOn < BeijingCalendar.dateOf(loan.disbursedAt)) {
          throw DomainError.validation('repaidOn', { zh: '还款日期不能早于放款日期', en: 'repaidOn may not be before the disbursement' }, 'REPAID_ON');
        }
        const outstanding = outstandingFen(loan);
        if (q.amountFen > outstanding) throw FinanceErrors.overpayment(outstanding);
        const repayment = await this.repo.saveRepayment(m, { loanId: loan.id, repaidOn: q.repaidOn, amountFen: q.amountFen, proofKey: key, proofName: doc.filename, recordedBy: actor.userId });
        loan.repaidFen += q.amountFen;
        const cleared = outstandingFen(loan) === 0;
        if (cleared) {
          loan.status = LOAN_LIFECYCLE.next(loan.status, 'repay', loan.id);
          loan.closedAt = this.clock.now();
          await this.guarantees.releaseAll(m, loan);
        }
        const saved = await this.repo.save(m, loan);
        await this.identity.audit(m, actor, {
          action: 'pledge-loan.repayment', entityType: 'pledge-loan', entityId: loan.id,
          changes: { repaymentId: repayment.id, repaidOn: q.repaidOn, amountFen: q.amountFen, outstandingFen: outstandingFen(saved), ...(cleared ? { to: 'repaid' } : {}) },
        });
        await this.notifications.notify({
          orgId: loan.borrowerId, kind: cleared ? 'finance.loan-repaid' : 'finance.loan-repayment',
          title: cleared
            ? { zh: '知识产权质押贷款已全部结清', en: 'Your IP-pledge loan is repaid in full' }
            : { zh: `已登记还款 ¥${yuan(q.amountFen)}，剩余本金 ¥${yuan(outstandingFen(saved))}`, en: `Repayment of ¥${yuan(q.amountFen)} recorded, ¥${yuan(outstandingFen(saved))} outstanding` },
          link: `/workspace/loans/${loan.id}`, dedupeKey: `loan:${loan.id}:repayment:${repayment.id}`,
        }, m);
        return { repayment: mapRepayment(repayment), loan: mapLoan(saved) };
      });
    } catch (err) {
      await this.storage.remove(key);
      throw err;
    }
  }

  async list(actor: Actor, loanId: string): Promise<LoanRepaymentListResponse> {
    const loan = await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Read, loanId);
    const rows = await this.repo.repaymentsOf(this.tx.manager, loan.id);
    return { items: rows.map(mapRepayment), principalFen: principalFen(loan), repaidFen: loan.repaidFen, outstandingFen: outstandingFen(loan) };
  }

  /** A repayment's proof, for the borrower, the bank and platform staff (404 for anyone else, guarantors included). */
  async proof(actor: Actor, loanId: string, repaymentId: string): Promise<RepaymentProof> {
    const loan = await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Records, loanId);
    const row = await this.repo.findRepayment(this.tx.manager, loan.id, repaymentId);
    if (!row) throw FinanceErrors.repaymentNotFound();
    return { stream: await this.storage.open(row.proofKey), contentType: contentTypeOfKey(row.proofKey), filename: row.proofName };
  }
}
