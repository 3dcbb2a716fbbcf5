import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, actsAs, isPlatformStaff, OrgType } from '@techbridge/platform';
import { ADMITTED_STATUSES, FinancingEngagement } from './entities/financing-engagement.entity';
import { FinancingRequest } from './entities/financing-request.entity';
import { CompensationClaim, PledgeLoan } from './entities/pledge-loan.entity';
import { FinanceErrors } from './finance.exception';
import { LISTED_STATUSES } from './finance.state-machine';
import { FinancingRepository } from './financing.repository';
import { PledgeLoanRepository } from './pledge-loan.repository';

export enum FinancingPermission {
  /** The request's card: the owner, platform staff, verified investors while it is listed or they are engaged. */
  Read = 'read',
  /** Change it, upload to its data room, admit investors, record term sheets: the owner organisation. */
  Manage = 'manage',
  /** The data room's documents: the owner and the investors it admitted, nobody else (not platform staff either). */
  ReadDataRoom = 'read-data-room',
}

export enum LoanPermission {
  /** The borrower, the bank it applied to, a guarantor invited to it, platform staff. */
  Read = 'read',
  /** The borrower's own steps: valuation, withdrawal. */
  Borrow = 'borrow',
  /** The bank's decisions: approve, decline, disburse, repaid, default, compensation claim. */
  Lend = 'lend',
  /** The loan's own papers (repayment proofs): the borrower, its bank, platform staff; not the guarantors. */
  Records = 'records',
}

export const isInvestor = (actor: Actor | null | undefined): boolean => actsAs(actor, OrgType.InvestmentFund);
export const isBank = (actor: Actor | null | undefined): boolean => actsAs(actor, OrgType.Bank);
export const isGuarantor = (actor: Actor | null | undefined): boolean => actsAs(actor, OrgType.Guarantor);

/** The object rules of finance in one place: a caller who may not see an object gets 404, never a hint it exists. */
@Injectable()
export class FinanceAccessPolicy {
  constructor(
    private readonly financing: FinancingRepository,
    private readonly loans: PledgeLoanRepository,
  ) {}

  async requireRequest(m: EntityManager, actor: Actor | null, permission: FinancingPermission, id: string, lock = false): Promise<{ request: FinancingRequest; engagement: FinancingEngagement | null }> {
    const request = await this.financing.findRequest(m, id, lock);
    if (!request || !actor) throw FinanceErrors.requestNotFound();
    const owner = actor.orgId === request.ownerId;
    const engagement = !owner && isInvestor(actor) ? await this.financing.findEngagementOf(m, request.id, actor.orgId) : null;
    if (!this.allowed(actor, permission, request, owner, engagement)) throw FinanceErrors.requestNotFound();
    return { request, engagement };
  }

  private allowed(actor: Actor, permission: FinancingPermission, r: FinancingRequest, owner: boolean, engagement: FinancingEngagement | null): boolean {
    switch (permission) {
      case FinancingPermission.Manage:
        return owner;
      case FinancingPermission.ReadDataRoom:
        // A withdrawn request closes its data room to every investor, admitted or not.
        return owner || (r.status !== 'withdrawn' && !!engagement && ADMITTED_STATUSES.includes(engagement.status));
      case FinancingPermission.Read:
        if (owner) return true;
        if (r.status === 'draft') return false;
        if (isPlatformStaff(actor)) return true;
        return isInvestor(actor) && (LISTED_STATUSES.includes(r.status) || !!engagement);
    }
  }

  async requireLoan(m: EntityManager, actor: Actor | null, permission: LoanPermission, id: string, lock = false): Promise<PledgeLoan> {
    const loan = await this.loans.find(m, id, lock);
    if (!loan || !actor) throw FinanceErrors.loanNotFound();
    const borrower = actor.orgId === loan.borrowerId;
    // The bank's own loans stay its own while its verification lapses: its steps then answer 403 (assertVerified), not 404.
    const bank = actor.orgId === loan.bankId && actor.orgType === OrgType.Bank;
    const ok =
      permission === LoanPermission.Borrow ? borrower : permission === LoanPermission.Lend ? bank : borrower || bank || isPlatformStaff(actor);
    // Records fall through here like Read, without the guarantor's exception below.
    // A guarantor reads the loans it was invited to guarantee.
    if (!ok && !(permission === LoanPermission.Read && isGuarantor(actor) && (await this.loans.isGuarantorOf(m, loan.id, actor.orgId)))) throw FinanceErrors.loanNotFound();
    return loan;
  }

  /** A claim is the bank's (which filed it) and the park fund's (which decides it). */
  async requireClaim(m: EntityManager, actor: Actor, id: string, asFund: boolean, lock = false): Promise<CompensationClaim> {
    const claim = await this.loans.findClaim(m, id, lock);
    if (!claim) throw FinanceErrors.claimNotFound();
    if (claim.fundId === actor.orgId && isInvestor(actor)) return claim;
    if (!asFund) {
      const loan = await this.loans.find(m, claim.loanId);
      if (loan && (loan.bankId === actor.orgId || loan.borrowerId === actor.orgId || isPlatformStaff(actor))) return claim;
    }
    throw FinanceErrors.claimNotFound();
  }
}
