import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, DomainError, OrgType, Page, PageQuery, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DeclineGuaranteeDto, InviteGuarantorDto, LoanGuaranteeResponse, mapGuarantee } from './dto/guarantee.dto';
import { LoanGuarantee } from './entities/loan-guarantee.entity';
import { PledgeLoan } from './entities/pledge-loan.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, isBank, isGuarantor, LoanPermission } from './finance-access.policy';
import { GUARANTEE_LIFECYCLE, GUARANTEE_OPEN_LOAN_STATES, GuaranteeAction } from './finance.state-machine';
import { PledgeLoanRepository } from './pledge-loan.repository';

const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * Guarantees of pledge loans (担保): the loan's bank invites a verified guarantor before disbursement; the guarantor
 * accepts or declines with a reason. The loan's other steps move accepted guarantees on: a compensation claim calls
 * them for their share (`callAll`), a full repayment releases them (`releaseAll`).
 */
@Injectable()
export class GuaranteeService {
  constructor(
    private readonly repo: PledgeLoanRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async invite(actor: Actor, loanId: string, dto: InviteGuarantorDto): Promise<LoanGuaranteeResponse> {
    const guarantor = await this.identity.findOrganisation(dto.guarantorId);
    const saved = await this.tx.run(async (m) => {
      const loan = await this.access.requireLoan(m, actor, LoanPermission.Lend, loanId, true);
      await this.identity.assertVerified(actor, m);
      if (!guarantor || guarantor.type !== OrgType.Guarantor || !guarantor.verified) throw FinanceErrors.guarantorNotFound();
      if (!GUARANTEE_OPEN_LOAN_STATES.includes(loan.status)) throw DomainError.illegalTransition('pledge loan', loan.status, 'invite-guarantor');
      const existing = (await this.repo.guaranteesOf(m, loan.id)).find((g) => g.guarantorId === guarantor.id);
      if (existing) throw FinanceErrors.alreadyInvited(existing.status);
      const g = await this.repo.saveGuarantee(m, { loanId: loan.id, guarantorId: guarantor.id, amount: dto.amount, sharePercent: dto.sharePercent, status: 'invited' });
      await this.identity.audit(m, actor, { action: 'loan-guarantee.invite', entityType: 'pledge-loan', entityId: loan.id, changes: { guaranteeId: g.id, guarantorId: guarantor.id, amount: dto.amount, sharePercent: dto.sharePercent } });
      await this.notifications.notify({
        orgId: guarantor.id, kind: 'finance.guarantee-invited',
        title: { zh: `邀请为知识产权质押贷款提供担保：¥${dto.amount}，分担 ${dto.sharePercent}%`, en: `Invitation to guarantee an IP-pledge loan: ¥${dto.amount}, ${dto.sharePercent}% share` },
        link: `/workspace/loans/${loan.id}`, dedupeKey: `guarantee:${g.id}:invited`,
      }, m);
      return g;
    });
    return mapGuarantee(saved, guarantor?.name ?? null, 'bank');
  }

  accept(actor: Actor, loanId: string, id: string): Promise<LoanGuaranteeResponse> {
    return this.step(actor, loanId, id, 'accept');
  }

  decline(actor: Actor, loanId: string, id: string, dto: DeclineGuaranteeDto): Promise<LoanGuaranteeResponse> {
    return this.step(actor, loanId, id, 'decline', (g) => {
      g.declineReason = dto.reason;
    });
  }

  withdraw(actor: Actor, loanId: string, id: string): Promise<LoanGuaranteeResponse> {
    return this.step(actor, loanId, id, 'withdraw');
  }

  /** The guarantor records that it paid what the claim called on it. */
  honour(actor: Actor, loanId: string, id: string): Promise<LoanGuaranteeResponse> {
    return this.step(actor, loanId, id, 'honour');
  }

  /** A hand step: the guarantor's (accept, decline, honour) or the bank's (withdraw), each on its verified organisation. */
  private async step(actor: Actor, loanId: string, id: string, action: Exclude<GuaranteeAction, 'call' | 'release'>, apply?: (g: LoanGuarantee) => void): Promise<LoanGuaranteeResponse> {
    const byBank = action === 'withdraw';
    const saved = await this.tx.run(async (m) => {
      const loan = await this.access.requireLoan(m, actor, LoanPermission.Read, loanId, true);
      const g = await this.repo.findGuarantee(m, loan.id, id, true);
      const mine = byBank ? isBank(actor) && loan.bankId === actor.orgId : !!g && isGuarantor(actor) && g.guarantorId === actor.orgId;
      if (!g || !mine) throw FinanceErrors.guaranteeNotFound();
      await this.identity.assertVerified(actor, m);
      const from = g.status;
      g.status = GUARANTEE_LIFECYCLE.next(from, action, g.id);
      g.decidedAt = this.clock.now();
      apply?.(g);
      const s = await this.repo.saveGuarantee(m, g);
      await this.identity.audit(m, actor, { action: `loan-guarantee.${action}`, entityType: 'pledge-loan', entityId: loan.id, changes: { guaranteeId: g.id, from, to: s.status } });
      const title = {
        accept: { zh: '担保机构已接受担保邀请', en: 'The guarantor accepted the guarantee' },
        decline: { zh: `担保机构婉拒担保：${g.declineReason ?? ''}`, en: `The guarantor declined: ${g.declineReason ?? ''}` },
        withdraw: { zh: '银行已撤回担保邀请', en: 'The bank withdrew the guarantee invitation' },
        honour: { zh: '担保机构已履行代偿', en: 'The guarantor honoured its guarantee' },
      }[action];
      const to = byBank ? [g.guarantorId] : [loan.bankId, loan.borrowerId];
      for (const orgId of to) {
        await this.notifications.notify({ orgId, kind: `finance.guarantee-${s.status}`, title, link: `/workspace/loans/${loan.id}`, dedupeKey: `guarantee:${g.id}:${s.status}:${orgId}` }, m);
      }
      return s;
    });
    const org = await this.identity.findOrganisation(saved.guarantorId);
    return mapGuarantee(saved, org?.name ?? null, byBank ? 'bank' : 'guarantor');
  }

  async list(actor: Actor, loanId: string): Promise<LoanGuaranteeResponse[]> {
    const loan = await this.access.requireLoan(this.tx.manager, actor, LoanPermission.Read, loanId);
    const rows = await this.repo.guaranteesOf(this.tx.manager, loan.id);
    const orgs = await this.identity.findOrganisations(rows.map((g) => g.guarantorId));
    // A guarantor sees its own guarantee of the loan, not the terms other guarantors agreed.
    const visible = isGuarantor(actor) && actor.orgId !== loan.borrowerId ? rows.filter((g) => g.guarantorId === actor.orgId) : rows;
    return visible.map((g) => mapGuarantee(g, orgs.get(g.guarantorId)?.name ?? null, this.party(actor, loan, g)));
  }

  /** The guarantor's invitations and guarantees, newest first. */
  async mine(actor: Actor, q: PageQuery): Promise<Page<LoanGuaranteeResponse>> {
    if (!isGuarantor(actor)) throw FinanceErrors.notAGuarantor();
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listGuaranteesOf(this.tx.manager, actor.orgId, skip, take);
    const org = await this.identity.findOrganisation(actor.orgId);
    return pageOf(rows.map((g) => mapGuarantee(g, org?.name ?? null, 'guarantor')), total, q);
  }

  /** Disbursement waits for every invited guarantor's answer. */
  async assertNonePending(m: EntityManager, loanId: string): Promise<void> {
    if ((await this.repo.guaranteesOf(m, loanId)).some((g) => g.status === 'invited')) throw FinanceErrors.guaranteePending();
  }

  /**
   * A compensation claim on a defaulted loan calls every accepted guarantee for its share of the outstanding principal
   * (capped by the amount guaranteed); what they answer for is no longer the park fund's to compensate. Returns the
   * total called, fen. Runs inside the claim's transaction, the loan row locked.
   */
  async callAll(m: EntityManager, loan: PledgeLoan, outstandingFen: number): Promise<number> {
    let called = 0;
    for (const g of await this.repo.guaranteesOf(m, loan.id)) {
      if (g.status !== 'accepted') continue;
      const share = Math.min(fen(g.amount), Math.round((outstandingFen * g.sharePercent) / 100));
      g.status = GUARANTEE_LIFECYCLE.next(g.status, 'call', g.id);
      g.calledAmount = share / 100;
      g.decidedAt = this.clock.now();
      await this.repo.saveGuarantee(m, g);
      called += share;
      await this.notifications.notify({
        orgId: g.guarantorId, kind: 'finance.guarantee-called',
        title: { zh: `质押贷款违约，请履行担保代偿 ¥${(share / 100).toFixed(2)}`, en: `The pledge loan defaulted: your guarantee is called for ¥${(share / 100).toFixed(2)}` },
        link: `/workspace/loans/${loan.id}`, dedupeKey: `guarantee:${g.id}:called`,
      }, m);
    }
    return called;
  }

  /** A loan repaid in full releases its accepted guarantees; open invitations lapse with it. */
  async releaseAll(m: EntityManager, loan: PledgeLoan): Promise<void> {
    for (const g of await this.repo.guaranteesOf(m, loan.id)) {
      if (g.status !== 'accepted') continue;
      g.status = GUARANTEE_LIFECYCLE.next(g.status, 'release', g.id);
      g.decidedAt = this.clock.now();
      await this.repo.saveGuarantee(m, g);
      await this.notifications.notify({
        orgId: g.guarantorId, kind: 'finance.guarantee-released', title: { zh: '质押贷款已结清，担保责任解除', en: 'The pledge loan is repaid: your guarantee is released' },
        link: `/workspace/loans/${loan.id}`, dedupeKey: `guarantee:${g.id}:released`,
      }, m);
    }
  }

  private party(actor: Actor, loan: PledgeLoan, g: LoanGuarantee): 'guarantor' | 'bank' | null {
    if (isGuarantor(actor) && g.guarantorId === actor.orgId) return 'guarantor';
    return isBank(actor) && loan.bankId === actor.orgId ? 'bank' : null;
  }
}
