import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In } from 'typeorm';
import { LoanGuarantee } from './entities/loan-guarantee.entity';
import { LoanRepayment } from './entities/loan-repayment.entity';
import { CompensationClaim, LoanStatus, PledgeLoan } from './entities/pledge-loan.entity';

/** TypeORM access for pledge loans and their compensation claims. */
@Injectable()
export class PledgeLoanRepository {
  find(m: EntityManager, id: string, lock = false): Promise<PledgeLoan | null> {
    return m.getRepository(PledgeLoan).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  save(m: EntityManager, l: Partial<PledgeLoan>): Promise<PledgeLoan> {
    return m.getRepository(PledgeLoan).save(m.getRepository(PledgeLoan).create(l));
  }

  listOfBorrower(m: EntityManager, borrowerId: string, skip: number, take: number): Promise<[PledgeLoan[], number]> {
    return m.getRepository(PledgeLoan).findAndCount({ where: { borrowerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  listOfBank(m: EntityManager, bankId: string, statuses: LoanStatus[] | null, skip: number, take: number): Promise<[PledgeLoan[], number]> {
    return m.getRepository(PledgeLoan).findAndCount({ where: { bankId, ...(statuses ? { status: In(statuses) } : {}) }, order: { createdAt: 'ASC', id: 'ASC' }, skip, take });
  }

  /** Loans disbursed before `to` that were still on the books at some point after `from` (for the credit figures). */
  disbursedTouching(m: EntityManager, from: Date, to: Date): Promise<PledgeLoan[]> {
    return m
      .getRepository(PledgeLoan)
      .createQueryBuilder('l')
      .where('l.disbursed_at IS NOT NULL AND l.disbursed_at < :to', { to })
      .andWhere(new Brackets((w) => w.where('l.closed_at IS NULL').orWhere('l.closed_at >= :from', { from })))
      .orderBy('l.disbursed_at', 'ASC')
      .getMany();
  }

  findClaimOfLoan(m: EntityManager, loanId: string): Promise<CompensationClaim | null> {
    return m.getRepository(CompensationClaim).findOne({ where: { loanId } });
  }

  findClaim(m: EntityManager, id: string, lock = false): Promise<CompensationClaim | null> {
    return m.getRepository(CompensationClaim).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  saveClaim(m: EntityManager, c: Partial<CompensationClaim>): Promise<CompensationClaim> {
    return m.getRepository(CompensationClaim).save(m.getRepository(CompensationClaim).create(c));
  }

  listClaimsOfFund(m: EntityManager, fundId: string, skip: number, take: number): Promise<[CompensationClaim[], number]> {
    return m.getRepository(CompensationClaim).findAndCount({ where: { fundId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  saveRepayment(m: EntityManager, r: Partial<LoanRepayment>): Promise<LoanRepayment> {
    return m.getRepository(LoanRepayment).save(m.getRepository(LoanRepayment).create(r));
  }

  findRepayment(m: EntityManager, loanId: string, id: string): Promise<LoanRepayment | null> {
    return m.getRepository(LoanRepayment).findOne({ where: { loanId, id } });
  }

  repaymentsOf(m: EntityManager, loanId: string): Promise<LoanRepayment[]> {
    return m.getRepository(LoanRepayment).find({ where: { loanId }, order: { repaidOn: 'ASC', createdAt: 'ASC' } });
  }

  /** Principal repaid per loan with a value date before `beforeDate` (YYYY-MM-DD), fen. */
  async repaidBefore(m: EntityManager, loanIds: string[], beforeDate: string): Promise<Map<string, number>> {
    if (!loanIds.length) return new Map();
    const rows: Array<{ loan_id: string; fen: string }> = await m.query(
      `SELECT loan_id, sum(amount_fen)::text AS fen FROM loan_repayment WHERE loan_id = ANY($1::uuid[]) AND repaid_on < $2::date GROUP BY loan_id`,
      [loanIds, beforeDate],
    );
    return new Map(rows.map((r) => [r.loan_id, Number(r.fen)]));
  }

  findGuarantee(m: EntityManager, loanId: string, id: string, lock = false): Promise<LoanGuarantee | null> {
    return m.getRepository(LoanGuarantee).findOne({ where: { id, loanId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  guaranteesOf(m: EntityManager, loanId: string): Promise<LoanGuarantee[]> {
    return m.getRepository(LoanGuarantee).find({ where: { loanId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  isGuarantorOf(m: EntityManager, loanId: string, guarantorId: string): Promise<boolean> {
    return m.getRepository(LoanGuarantee).exists({ where: { loanId, guarantorId } });
  }

  saveGuarantee(m: EntityManager, g: Partial<LoanGuarantee>): Promise<LoanGuarantee> {
    return m.getRepository(LoanGuarantee).save(m.getRepository(LoanGuarantee).create(g));
  }

  listGuaranteesOf(m: EntityManager, guarantorId: string, skip: number, take: number): Promise<[LoanGuarantee[], number]> {
    return m.getRepository(LoanGuarantee).findAndCount({ where: { guarantorId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }
}
