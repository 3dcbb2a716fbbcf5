import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, DomainError, OrgType, Page, PageQuery, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { CompensationClaimDto, CompensationClaimPageResponse, CompensationClaimResponse, LoanNoteDto, mapClaim } from './dto/loan.dto';
import { outstandingFen } from './entities/pledge-loan.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, isInvestor, LoanPermission } from './finance-access.policy';
import { CLAIM_LIFECYCLE, ClaimAction, LOAN_LIFECYCLE } from './finance.state-machine';
import { GuaranteeService } from './guarantee.service';
import { PledgeLoanRepository } from './pledge-loan.repository';

/**
 * Risk compensation (风险补偿): the bank of a defaulted pledge loan claims on the sub-fund of the borrower's park; the
 * fund pays (the loan is then compensated) or rejects. One claim per loan.
 */
@Injectable()
export class CompensationClaimService {
  constructor(
    private readonly repo: PledgeLoanRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly guarantees: GuaranteeService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async file(actor: Actor, loanId: string, dto: CompensationClaimDto): Promise<CompensationClaimResponse> {
    const funds = await this.identity.verifiedOrganisationsOfType(OrgType.InvestmentFund);
    const saved = await this.tx.run(async (m) => {
      const loan = await this.access.requireLoan(m, actor, LoanPermission.Lend, loanId, true);
      await this.identity.assertVerified(actor, m);
      if (loan.status !== 'defaulted') throw DomainError.illegalTransition('pledge loan', loan.status, 'claim-compensation');
      const existing = await this.repo.findClaimOfLoan(m, loan.id);
      if (existing) throw DomainError.illegalTransition('compensation claim', existing.status, 'file');
      // The accepted guarantors answer for their share first; the fund compensates at most what is left.
      const calledFen = await this.guarantees.callAll(m, loan, outstandingFen(loan));
      if (Math.round(dto.amount * 100) > outstandingFen(loan) - calledFen) {
        throw FinanceErrors.amountField('amount', { zh: '补偿申请金额不能超过剩余本金减去担保机构分担的部分', en: "The claim may not exceed the outstanding principal less the guarantors' share" });
      }
      const fund = funds.find((f) => !!loan.parkCode && f.parkCode === loan.parkCode);
      if (!fund) throw FinanceErrors.noParkFund();
      const claim = await this.repo.saveClaim(m, { loanId: loan.id, fundId: fund.id, amount: dto.amount, status: 'filed', note: dto.note ?? null });
      await this.identity.audit(m, actor, { action: 'compensation-claim.file', entityType: 'pledge-loan', entityId: loan.id, changes: { claimId: claim.id, fundId: fund.id, amount: dto.amount } });
      await this.notifications.notify({
        orgId: fund.id, kind: 'finance.compensation-claimed', title: { zh: '新的知识产权质押贷款风险补偿申请', en: 'New risk-compensation claim on a pledge loan' },
        link: `/workspace/compensation-claims/${claim.id}`, dedupeKey: `claim:${claim.id}:filed`,
      }, m);
      return claim;
    });
    return mapClaim(saved);
  }

  /** The park fund decides: paid (the loan becomes compensated) or rejected. */
  async decide(actor: Actor, claimId: string, action: ClaimAction, dto: LoanNoteDto): Promise<CompensationClaimResponse> {
    const saved = await this.tx.run(async (m) => {
      const claim = await this.access.requireClaim(m, actor, claimId, true, true);
      await this.identity.assertVerified(actor, m);
      claim.status = CLAIM_LIFECYCLE.next(claim.status, action, claim.id);
      claim.decidedAt = this.clock.now();
      if (dto.note !== undefined) claim.note = dto.note;
      if (action === 'pay') {
        const loan = (await this.repo.find(m, claim.loanId, true))!;
        loan.status = LOAN_LIFECYCLE.next(loan.status, 'compensate', loan.id);
        await this.repo.save(m, loan);
      }
      const c = await this.repo.saveClaim(m, claim);
      await this.identity.audit(m, actor, { action: `compensation-claim.${action}`, entityType: 'pledge-loan', entityId: c.loanId, changes: { claimId: c.id } });
      return c;
    });
    return mapClaim(saved);
  }

  async get(actor: Actor, claimId: string): Promise<CompensationClaimResponse> {
    return mapClaim(await this.access.requireClaim(this.tx.manager, actor, claimId, false));
  }

  async ofLoan(actor: Actor, loanId: string): Promise<CompensationClaimResponse> {
    const loan = await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Read, loanId);
    const claim = await this.repo.findClaimOfLoan(this.tx.manager, loan.id);
    if (!claim) throw FinanceErrors.claimNotFound();
    return mapClaim(claim);
  }

  async mine(actor: Actor, q: PageQuery): Promise<CompensationClaimPageResponse> {
    if (!isInvestor(actor)) throw FinanceErrors.notAnInvestor();
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listClaimsOfFund(this.tx.manager, actor.orgId, skip, take);
    return pageOf(rows.map(mapClaim), total, q) as Page<CompensationClaimResponse>;
  }
}
