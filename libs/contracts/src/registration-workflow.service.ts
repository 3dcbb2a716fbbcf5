import { Injectable } from '@nestjs/common';
import { Actor, BeijingCalendar, Clock, JobName, OutboxService, REGISTRATION_POLICY, Role, TransactionRunner } from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { ContractAccessPolicy, ContractPermission } from './contract-access.policy';
import { ContractTransitions } from './contract-transitions';
import { CONTRACT_LIFECYCLE, PENDING_STATUSES } from './contract.state-machine';
import { viewContract } from './contract.view';
import { ContractsErrors } from './contracts.exception';
import { ContractNotices } from './contracts.notices';
import { ContractsRepository } from './contracts.repository';
import { ContractResponse, CorrectAmountsDto, RefuseContractDto, ReturnContractDto } from './dto/contracts.dto';
import { ReasonEntry } from './entities/technology-contract.entity';
import { fenToYuanString, toFen } from './rules/money';
import { checkAmounts, routingProblems, submissionProblems } from './rules/registration-checks';
import { decisionSchedule, PolicyVersion } from './rules/registration-policy';
import { formatRegistrationNumber } from './rules/registration-number';

/**
 * The registration workflow (认定登记): submission, the automatic checks and routing, the reviewer's decisions,
 * the registration number, corrections after registration and the deadline reminders.
 */
@Injectable()
export class RegistrationWorkflowService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly access: ContractAccessPolicy,
    private readonly steps: ContractTransitions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
  ) {}

  /** The seller side submits; automatic checks run as a job after commit. */
  async submit(actor: Actor, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Edit, id, { lock: true });
      if (PENDING_STATUSES.includes(c.status)) throw ContractsErrors.alreadyPending(c.status);
      c.submissionCount += 1;
      c.submittedAt = this.clock.now();
      c.checkProblems = [];
      c.returnReasons = [];
      c.deadlineAt = null;
      c.registrationInstitutionId = null;
      const saved = await this.steps.apply(m, c, 'submit', { actorUserId: actor.userId, at: c.submittedAt });
      await this.outbox.enqueue(m, JobName.CheckContract, { contractId: id, submission: c.submissionCount }, { jobId: `contract:${id}:check:${c.submissionCount}` });
      return viewContract(saved);
    });
  }

  /** Job: completeness, amounts, credit codes, type rules; then route to the institution covering the registrant. */
  async runChecks(contractId: string, submission: number): Promise<'skipped' | 'returned' | 'routed'> {
    return this.tx.run(async (m) => {
      const c = await this.repo.findContractForUpdate(m, contractId);
      if (!c || c.status !== 'submitted' || c.submissionCount !== submission) return 'skipped';
      const now = this.clock.now();
      const seller = await this.identity.findOrganisation(c.sellerOrgId, m);
      const division = seller?.divisionCode ?? c.sellerDivisionCode;
      const institutionId = division ? await this.repo.findRegistrationInstitutionFor(m, division) : null;
      const problems = [...submissionProblems(c, BeijingCalendar.dateOf(now)), ...routingProblems(seller?.type ?? null, c.type, division, institutionId)];
      if (problems.length) {
        c.checkProblems = problems;
        await this.steps.apply(m, c, 'checks-failed', { actorUserId: null, reasons: problems, at: now });
        await this.notifications.notify(ContractNotices.checksFailed(c, submission), m);
        return 'returned';
      }
      const calendar = await this.repo.loadCalendar(m);
      const schedule = decisionSchedule(REGISTRATION_POLICY.versions as PolicyVersion[], c.submittedAt ?? now, Number(c.contractAmount), calendar);
      c.checkProblems = [];
      // A public seller's transfer should have gone through the market's listing or notice: flag it for the reviewer.
      c.marketNoticeMissing = (c.sellerLegalType === 'university' || c.sellerLegalType === 'institute') && !c.marketListingId;
      c.registrationInstitutionId = institutionId;
      c.policyVersion = schedule.policyVersion;
      c.deadlineAt = schedule.deadlineAt;
      await this.steps.apply(m, c, 'checks-passed', { actorUserId: null, at: now });
      const payload = { contractId, submission };
      await this.outbox.enqueue(m, JobName.RemindRegistrationDeadline, payload, { jobId: `contract:${contractId}:remind:${submission}`, delayMs: schedule.reminderAt.getTime() - now.getTime() });
      await this.outbox.enqueue(m, JobName.EscalateRegistrationDeadline, payload, { jobId: `contract:${contractId}:escalate:${submission}`, delayMs: schedule.deadlineAt.getTime() - now.getTime() });
      await this.notifications.notify(ContractNotices.toReview(c, institutionId!, submission, schedule.deadlineDate), m);
      return 'routed';
    });
  }

  /** The reviewer decides to register; the number is issued by an idempotent job. */
  async register(actor: Actor, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Review, id, { lock: true });
      c.reviewedBy = actor.userId;
      const saved = await this.steps.apply(m, c, 'register', { actorUserId: actor.userId, at: this.clock.now() });
      await this.outbox.enqueue(m, JobName.IssueRegistrationNumber, { contractId: id }, { jobId: `contract:${id}:register` });
      return viewContract(saved);
    });
  }

  /**
   * Job: issue the number exactly once. The contract row lock serialises concurrent runs, the status check
   * skips a retry after a commit, and the unique contract_id makes a double issue impossible even so.
   */
  async issueRegistrationNumber(contractId: string): Promise<string | null> {
    return this.tx.run(async (m) => {
      const c = await this.repo.findContractForUpdate(m, contractId);
      if (!c) return null;
      if (c.status === 'registered') return c.registrationNumber;
      if (c.status !== 'registering' || !c.registrationInstitutionId) return null;
      const issued = await this.repo.findIssuedNumber(m, contractId);
      const now = this.clock.now();
      let value = issued?.number;
      if (!value) {
        const profile = await this.repo.findRegistrationProfile(m, c.registrationInstitutionId);
        if (!profile) throw new Error(`registration institution ${c.registrationInstitutionId} has no profile`);
        const year = Number(BeijingCalendar.dateOf(now).slice(0, 4));
        const sequence = await this.repo.nextSequence(m, c.registrationInstitutionId, year);
        value = formatRegistrationNumber(year, profile.numberPrefix, sequence);
        await this.repo.insertIssuedNumber(m, { contractId, institutionId: c.registrationInstitutionId, year, sequence, number: value, at: now });
      }
      c.registrationNumber = value;
      c.registeredAt = now;
      await this.steps.apply(m, c, 'issue-number', { actorUserId: c.reviewedBy, at: now });
      await this.notifications.notify(ContractNotices.registered(c, value), m);
      return value;
    });
  }

  /** Terminal failure of the number job: back to review so a person sees it and can decide again. */
  async numberIssueFailed(contractId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await this.repo.findContractForUpdate(m, contractId);
      if (!c || c.status !== 'registering') return;
      await this.steps.apply(m, c, 'issue-failed', { actorUserId: null, at: this.clock.now() });
    });
  }

  async returnForCorrection(actor: Actor, id: string, dto: ReturnContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Review, id, { lock: true });
      c.reviewedBy = actor.userId;
      c.returnReasons = dto.reasons.map((r) => ({ code: 'REVIEWER', field: r.field, zh: r.message, en: r.message }));
      const saved = await this.steps.apply(m, c, 'return', { actorUserId: actor.userId, reasons: c.returnReasons, at: this.clock.now() });
      await this.notifications.notify(ContractNotices.returned(c), m);
      return viewContract(saved);
    });
  }

  async refuse(actor: Actor, id: string, dto: RefuseContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Review, id, { lock: true });
      c.reviewedBy = actor.userId;
      c.refusalReason = dto.reason;
      const reasons: ReasonEntry[] = [{ code: 'NOT_A_TECHNOLOGY_CONTRACT', zh: dto.reason, en: dto.reason }];
      const saved = await this.steps.apply(m, c, 'refuse', { actorUserId: actor.userId, reasons, at: this.clock.now() });
      await this.notifications.notify(ContractNotices.refused(c), m);
      return viewContract(saved);
    });
  }

  /** After registration, amounts change only through the institution, and every change is kept. */
  async correctAmounts(actor: Actor, id: string, dto: CorrectAmountsDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Review, id, { lock: true });
      CONTRACT_LIFECYCLE.assert(c.status, 'correct-amounts');
      const deductions = checkAmounts(dto.contractAmount, dto.technologyAmount, dto.deductions ?? []);
      const now = this.clock.now();
      const contractAmount = fenToYuanString(toFen(dto.contractAmount));
      const technologyAmount = fenToYuanString(toFen(dto.technologyAmount));
      await this.repo.insertCorrection(m, {
        contractId: id, oldContract: c.contractAmount, newContract: contractAmount, oldTechnology: c.technologyAmount, newTechnology: technologyAmount,
        oldDeductions: (c.deductions ?? []).map((d) => ({ kind: d.kind, amount: d.amount, note: d.note })), reason: dto.reason, by: actor.userId, at: now,
      });
      c.contractAmount = contractAmount;
      c.technologyAmount = technologyAmount;
      const saved = await this.steps.apply(m, c, 'correct-amounts', { actorUserId: actor.userId, reasons: [{ code: 'CORRECTION', zh: dto.reason, en: dto.reason }], at: now });
      saved.deductions = await this.repo.replaceDeductions(m, id, deductions);
      return viewContract(saved);
    });
  }

  /** Job: a reminder before the deadline, if the same submission is still waiting for a decision. */
  async remindDeadline(contractId: string, submission: number): Promise<boolean> {
    return this.tx.run(async (m) => {
      const c = await this.repo.findContract(m, contractId);
      if (!c || c.status !== 'under-review' || c.submissionCount !== submission || !c.registrationInstitutionId) return false;
      await this.notifications.notify(ContractNotices.deadlineReminder(c, c.registrationInstitutionId, submission), m);
      await this.steps.record(m, c, 'deadline-reminder', { actorUserId: null, at: this.clock.now() });
      return true;
    });
  }

  /** Job: at the deadline, escalate to the institution and the platform's administrators. */
  async escalateDeadline(contractId: string, submission: number): Promise<boolean> {
    const admins = await this.identity.usersWithRole(Role.PlatformAdmin);
    return this.tx.run(async (m) => {
      const c = await this.repo.findContract(m, contractId);
      if (!c || c.status !== 'under-review' || c.submissionCount !== submission || !c.registrationInstitutionId) return false;
      await this.notifications.notify(ContractNotices.deadlineEscalation(c, c.registrationInstitutionId, admins.map((a) => a.id), submission), m);
      await this.steps.record(m, c, 'deadline-escalation', { actorUserId: null, at: this.clock.now() });
      return true;
    });
  }
}
