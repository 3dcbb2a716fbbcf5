import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager, QueryFailedError } from 'typeorm';
import {
  Actor, actsAs, Clock, CONTRACT_TYPES, DomainError, FileStorage, isPlatformStaff, isValidCreditCode, JobName, OrgType, OutboxService, Page, pageOf, REGISTRATION_POLICY,
  REWARD_RULES, Role, skipTake, TransactionRunner,
} from '@techbridge/platform';
import { IdentityService, OrganisationResponse } from '@techbridge/identity';
import { MatchPipelineService } from '@techbridge/matching';
import { NotificationService } from '@techbridge/notification';
import { RoadshowService } from '@techbridge/roadshow';
import { PENDING_STATUSES, transition } from './contract.state-machine';
import { ContractsErrors } from './contracts.exception';
import { ContractsRepository } from './contracts.repository';
import { renderCertificate } from './certificate.renderer';
import {
  AmountCorrectionResponse, BrokerProfileDto, BrokerResponse, ContractListQuery, ContractResponse, ContractStatsResponse, CorrectAmountsDto, CreateContractDto, DeductionDto,
  InstitutionResponse, mapBrokerProfile, mapContract, mapRegistrationProfile, mapTransferProfile, RefuseContractDto, RegistrationEventResponse,
  RegistrationInstitutionProfileDto, ReturnContractDto, RewardAccrualResponse, RewardLineResponse, StatsGroup, StatsRow, TransferInstitutionProfileDto, UpdateContractDto,
} from './dto/contracts.dto';
import { LegalPersonType, ReasonEntry, TechnologyContract } from './entities/technology-contract.entity';
import { contractDirection } from './rules/direction';
import { fenToYuan, fenToYuanString, toFen } from './rules/money';
import { decisionSchedule, PolicyVersion } from './rules/registration-policy';
import { defaultNumberPrefix, formatRegistrationNumber } from './rules/registration-number';
import { computeRewardLines, RewardRules } from './rules/rewards';
import { beijingDate, beijingInstant } from './rules/working-days';

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Organisation kinds that may be the seller side of a technology contract. */
const SELLER_ORG_TYPES: string[] = [OrgType.University, OrgType.Institute, OrgType.Enterprise, OrgType.TransferInstitution];

function legalPersonTypeOf(orgType: string): LegalPersonType {
  return orgType === 'university' || orgType === 'institute' || orgType === 'enterprise' ? orgType : 'other';
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as QueryFailedError & { driverError?: { code?: string; constraint?: string } };
  return e instanceof QueryFailedError && e.driverError?.code === '23505' && e.driverError?.constraint === constraint;
}

/** Which organisation kinds may file which contract type (the registrant is the seller side). */
export function canFile(orgType: string, contractType: string): boolean {
  const type = CONTRACT_TYPES.find((t) => t.code === contractType);
  if (!type || !SELLER_ORG_TYPES.includes(orgType)) return false;
  // 技术中介: the registrant is the broker side, i.e. a transfer institution.
  if (type.registrant === 'broker') return orgType === OrgType.TransferInstitution;
  return true;
}

export interface StatsRequest {
  from: string;
  to: string;
  groupBy: StatsGroup;
}

@Injectable()
export class ContractsService {
  /** A test seam: runs after a registration number is committed, before the job is acknowledged. */
  afterNumberIssued: ((contractId: string) => Promise<void> | void) | null = null;

  constructor(
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly storage: FileStorage,
    private readonly pipeline: MatchPipelineService,
    private readonly roadshows: RoadshowService,
  ) {}

  // ======== institutions and brokers ========

  async setTransferProfile(actor: Actor, orgId: string, dto: TransferInstitutionProfileDto): Promise<InstitutionResponse> {
    const org = await this.requireOrg(orgId, OrgType.TransferInstitution);
    if (dto.validTo < dto.validFrom) throw DomainError.validation('validTo', { zh: '有效期结束日不能早于开始日', en: 'validTo cannot be before validFrom' });
    try {
      await this.tx.run(async (m) => {
        const before = await this.repo.findTransferProfile(m, orgId);
        // A level change restarts the accreditation date: a municipal institution promoted to provincial is newly accredited.
        const accreditedOn = dto.accreditedOn ?? (before && before.level === dto.level ? before.accreditedOn : dto.validFrom);
        await this.repo.saveTransferProfile(m, { organisationId: orgId, level: dto.level, accreditationNumber: dto.accreditationNumber.trim(), validFrom: dto.validFrom, validTo: dto.validTo, accreditedOn });
        await this.identity.audit(m, actor, { action: 'set-transfer-institution-profile', entityType: 'organisation', entityId: orgId, changes: { ...dto } });
      });
    } catch (err) {
      if (isUniqueViolation(err, 'ux_transfer_institution_accreditation')) throw ContractsErrors.accreditationNumberTaken();
      throw err;
    }
    return this.institutionView(org);
  }

  async setRegistrationProfile(actor: Actor, orgId: string, dto: RegistrationInstitutionProfileDto): Promise<InstitutionResponse> {
    const org = await this.requireOrg(orgId, OrgType.RegistrationInstitution);
    try {
      await this.tx.run(async (m) => {
        const before = await this.repo.findRegistrationProfile(m, orgId);
        const numberPrefix = dto.numberPrefix ?? before?.numberPrefix ?? defaultNumberPrefix(org.divisionCode ? [org.divisionCode] : dto.coveredDivisions);
        const holder = await this.repo.findRegistrationProfileByPrefix(m, numberPrefix);
        if (holder && holder.organisationId !== orgId) throw ContractsErrors.numberPrefixTaken();
        await this.repo.saveRegistrationProfile(m, { organisationId: orgId, coveredDivisions: dto.coveredDivisions, numberPrefix });
        await this.identity.audit(m, actor, { action: 'set-registration-institution-profile', entityType: 'organisation', entityId: orgId, changes: { ...dto, numberPrefix } });
      });
    } catch (err) {
      if (isUniqueViolation(err, 'ux_registration_institution_number_prefix')) throw ContractsErrors.numberPrefixTaken();
      throw err;
    }
    return this.institutionView(org);
  }

  async getInstitution(orgId: string): Promise<InstitutionResponse> {
    const org = await this.identity.findOrganisation(orgId);
    if (!org || (org.type !== OrgType.TransferInstitution && org.type !== OrgType.RegistrationInstitution)) throw ContractsErrors.institutionNotFound();
    return this.institutionView(org);
  }

  async listInstitutions(kind: 'transfer' | 'registration', q: { page: number; pageSize: number }): Promise<Page<InstitutionResponse>> {
    const { skip, take } = skipTake(q);
    const [ids, total] = await this.repo.listInstitutionIds(this.tx.manager, kind, skip, take);
    const orgs = await this.identity.findOrganisations(ids);
    const items = await Promise.all(ids.map((id) => orgs.get(id)).filter((o): o is OrganisationResponse => !!o).map((o) => this.institutionView(o)));
    return pageOf(items, total, q);
  }

  private async institutionView(org: OrganisationResponse): Promise<InstitutionResponse> {
    const [transfer, registration] = await Promise.all([this.repo.findTransferProfile(this.tx.manager, org.id), this.repo.findRegistrationProfile(this.tx.manager, org.id)]);
    const today = beijingDate(this.clock.now());
    return {
      organisationId: org.id, name: org.name, type: org.type, region: org.region,
      transfer: transfer ? mapTransferProfile(transfer, today) : null,
      registration: registration ? mapRegistrationProfile(registration) : null,
    };
  }

  private async requireOrg(orgId: string, type: OrgType): Promise<OrganisationResponse> {
    const org = await this.identity.findOrganisation(orgId);
    if (!org) throw ContractsErrors.institutionNotFound();
    if (org.type !== type) throw ContractsErrors.wrongOrgType('organisationId', type);
    return org;
  }

  /** Platform staff, or the org-admin of the broker's own organisation. */
  async setBrokerProfile(actor: Actor, userId: string, dto: BrokerProfileDto): Promise<BrokerResponse> {
    const user = await this.identity.findUser(userId);
    const mayEdit = !!user && (isPlatformStaff(actor) || (actor.orgId === user.organisationId && actor.roles.includes(Role.OrgAdmin)));
    if (!user || !mayEdit) throw ContractsErrors.brokerNotFound();
    if (!user.effectiveRoles.includes(Role.Broker)) throw DomainError.validation('userId', { zh: '该用户没有技术经纪人角色', en: 'This user does not have the broker role' }, 'NOT_A_BROKER');
    if (dto.institutionId) {
      const inst = await this.identity.findOrganisation(dto.institutionId);
      if (!inst || inst.type !== OrgType.TransferInstitution) throw ContractsErrors.wrongOrgType('institutionId', OrgType.TransferInstitution);
    }
    try {
      await this.tx.run(async (m) => {
        await this.repo.saveBrokerProfile(m, { userId, tier: dto.tier, filingNumber: dto.filingNumber.trim(), professionalTitle: dto.professionalTitle ?? null, institutionId: dto.institutionId ?? null });
        await this.identity.audit(m, actor, { action: 'set-broker-profile', entityType: 'user', entityId: userId, changes: { ...dto } });
      });
    } catch (err) {
      if (isUniqueViolation(err, 'ux_broker_profile_filing_number')) throw ContractsErrors.filingNumberTaken();
      throw err;
    }
    return this.getBroker(userId);
  }

  async getBroker(userId: string): Promise<BrokerResponse> {
    const [profile, user] = await Promise.all([this.repo.findBrokerProfile(this.tx.manager, userId), this.identity.findUser(userId)]);
    if (!profile || !user) throw ContractsErrors.brokerNotFound();
    // Contracts from our own records; pipeline steps and events through the matching and roadshow facades.
    const [p, pipeline, events] = await Promise.all([this.repo.brokerPerformance(this.tx.manager, userId), this.pipeline.brokerPipelineFigures(userId), this.roadshows.eventsOrganisedBy(userId)]);
    return mapBrokerProfile(profile, user, {
      contractsRegistered: p.registered, contractAmount: Number(p.contractAmount), technologyAmount: Number(p.technologyAmount), contractsInProgress: p.inProgress,
      matchesTaken: pipeline.matchesTaken, matchesMovedForward: pipeline.matchesMovedForward, matchesSigned: pipeline.matchesSigned,
      eventsOrganised: events.held, eventsUpcoming: events.upcoming,
    });
  }

  // ======== contracts ========

  async create(actor: Actor, dto: CreateContractDto): Promise<ContractResponse> {
    const seller = await this.identity.findOrganisation(actor.orgId);
    if (!seller) throw ContractsErrors.contractNotFound();
    const fields = await this.validateContractInput(actor, seller, dto);
    return this.tx.run(async (m) => {
      const c = await this.repo.insertContract(m, {
        ...fields.columns,
        sellerOrgId: seller.id, sellerName: seller.name, sellerCreditCode: seller.creditCode, sellerRegion: seller.region,
        sellerLegalType: legalPersonTypeOf(seller.type), sellerDivisionCode: seller.divisionCode,
        status: 'draft', createdBy: actor.userId,
      });
      c.deductions = await this.repo.replaceDeductions(m, c.id, fields.deductions);
      await this.identity.audit(m, actor, { action: 'create-contract', entityType: 'technology-contract', entityId: c.id, changes: { title: c.title, type: c.type } });
      return this.view(c);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lockForSeller(m, actor, id);
      transition(c.status, 'edit');
      const merged = { ...this.toInput(c), ...dto } as CreateContractDto;
      const seller = await this.identity.findOrganisation(c.sellerOrgId, m);
      const fields = await this.validateContractInput(actor, seller!, merged);
      Object.assign(c, fields.columns);
      const saved = await this.repo.updateContract(m, c);
      saved.deductions = await this.repo.replaceDeductions(m, c.id, fields.deductions);
      await this.identity.audit(m, actor, { action: 'update-contract', entityType: 'technology-contract', entityId: id, changes: { ...dto } });
      return this.view(saved);
    });
  }

  async get(actor: Actor, id: string): Promise<ContractResponse> {
    return this.view(await this.requireVisible(actor, id));
  }

  async list(actor: Actor, q: ContractListQuery): Promise<Page<ContractResponse>> {
    const { skip, take } = skipTake(q);
    // Only a verified registration institution has a review queue.
    if (q.scope === 'review' && !actsAs(actor, OrgType.RegistrationInstitution)) return pageOf([], 0, q);
    const filter = q.scope === 'review'
      ? { reviewInstitution: actor.orgId }
      : isPlatformStaff(actor) && !q.scope ? {} : { visibleToOrg: actor.orgId, visibleToUser: actor.userId };
    const [rows, total] = await this.repo.listContracts(this.tx.manager, { ...filter, status: q.status, skip, take });
    return pageOf(rows.map((c) => this.view(c)), total, q);
  }

  async events(actor: Actor, id: string): Promise<RegistrationEventResponse[]> {
    await this.requireVisible(actor, id);
    const rows = await this.repo.listEvents(this.tx.manager, id);
    return rows.map((r) => ({ action: r.action, fromStatus: r.from_status, toStatus: r.to_status, actorUserId: r.actor_user_id, reasons: r.reasons, at: new Date(r.at).toISOString() }));
  }

  async corrections(actor: Actor, id: string): Promise<AmountCorrectionResponse[]> {
    await this.requireVisible(actor, id);
    const rows = await this.repo.listCorrections(this.tx.manager, id);
    return rows.map((r) => ({
      oldContractAmount: Number(r.old_contract_amount), newContractAmount: Number(r.new_contract_amount), oldTechnologyAmount: Number(r.old_technology_amount),
      newTechnologyAmount: Number(r.new_technology_amount), reason: String(r.reason), correctedBy: String(r.corrected_by), correctedAt: new Date(r.corrected_at).toISOString(),
    }));
  }

  async uploadAttachment(actor: Actor, id: string, file: { filename: string; mimetype: string; content: Readable | Buffer }): Promise<ContractResponse> {
    await this.tx.run(async (m) => {
      const c = await this.lockForSeller(m, actor, id);
      transition(c.status, 'edit');
    });
    if (file.mimetype !== 'application/pdf' && !file.filename.toLowerCase().endsWith('.pdf')) throw ContractsErrors.notAPdf();
    const key = `contracts/${id}/signed-${randomUUID()}.pdf`;
    await this.storage.put(key, file.content, MAX_ATTACHMENT_BYTES);
    const head = await this.readHead(key);
    if (head !== '%PDF') {
      await this.storage.remove(key);
      throw ContractsErrors.notAPdf();
    }
    return this.tx.run(async (m) => {
      const c = await this.lockForSeller(m, actor, id);
      transition(c.status, 'edit');
      const old = c.attachmentKey;
      c.attachmentKey = key;
      c.attachmentName = file.filename.slice(0, 200);
      const saved = await this.repo.updateContract(m, c);
      if (old) await this.storage.remove(old).catch(() => undefined);
      return this.view(saved);
    });
  }

  async openAttachment(actor: Actor, id: string): Promise<{ stream: Readable; name: string }> {
    const c = await this.requireVisible(actor, id);
    if (!c.attachmentKey) throw ContractsErrors.attachmentMissing();
    return { stream: await this.storage.open(c.attachmentKey), name: c.attachmentName ?? 'contract.pdf' };
  }

  private async readHead(key: string): Promise<string> {
    const stream = await this.storage.open(key);
    for await (const chunk of stream) {
      stream.destroy();
      return Buffer.from(chunk as Buffer).subarray(0, 4).toString('latin1');
    }
    return '';
  }

  // ======== registration workflow ========

  /** The seller side submits; automatic checks run as a job after commit. */
  async submit(actor: Actor, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lockForSeller(m, actor, id);
      if (PENDING_STATUSES.includes(c.status)) throw ContractsErrors.alreadyPending(c.status);
      const from = c.status;
      c.status = transition(c.status, 'submit');
      c.submissionCount += 1;
      c.submittedAt = this.clock.now();
      c.checkProblems = [];
      c.returnReasons = [];
      c.deadlineAt = null;
      c.registrationInstitutionId = null;
      const saved = await this.repo.updateContract(m, c);
      await this.repo.insertEvent(m, { contractId: id, action: 'submit', from, to: c.status, actorUserId: actor.userId, at: c.submittedAt });
      await this.outbox.enqueue(m, JobName.CheckContract, { contractId: id, submission: c.submissionCount }, { jobId: `contract:${id}:check:${c.submissionCount}` });
      return this.view(saved);
    });
  }

  /** Job: completeness, amounts, credit codes, type rules; then route to the institution covering the registrant. */
  async runChecks(contractId: string, submission: number): Promise<'skipped' | 'returned' | 'routed'> {
    return this.tx.run(async (m) => {
      const c = await this.repo.findContractForUpdate(m, contractId);
      if (!c || c.status !== 'submitted' || c.submissionCount !== submission) return 'skipped';
      const now = this.clock.now();
      const problems = this.checkProblems(c, now);
      const seller = await this.identity.findOrganisation(c.sellerOrgId, m);
      const division = seller?.divisionCode ?? c.sellerDivisionCode;
      const institutionId = division ? await this.repo.findRegistrationInstitutionFor(m, division) : null;
      if (!seller || !canFile(seller.type, c.type)) problems.push({ code: 'TYPE_NOT_FILABLE', field: 'type', zh: '卖方机构不能登记该类合同', en: 'The seller cannot register this contract type' });
      if (!division) {
        problems.push({ code: 'NO_DIVISION_CODE', field: 'seller.divisionCode', zh: '卖方机构未填写行政区划代码，无法确定登记机构', en: 'The seller has no administrative division code: no registration institution can be determined' });
      } else if (!institutionId) {
        problems.push({ code: 'NO_REGISTRATION_INSTITUTION', field: 'seller.divisionCode', zh: `行政区划 ${division} 暂无技术合同登记机构`, en: `No registration institution covers division ${division}` });
      }
      const from = c.status;
      if (problems.length) {
        c.status = transition(c.status, 'checks-failed');
        c.checkProblems = problems;
        await this.repo.updateContract(m, c);
        await this.repo.insertEvent(m, { contractId, action: 'checks-failed', from, to: c.status, actorUserId: null, reasons: problems, at: now });
        await this.notifications.notify({
          orgId: c.sellerOrgId, kind: 'contract.returned', title: { zh: `技术合同「${c.title}」未通过形式审查，已退回`, en: `Contract '${c.title}' failed the automatic checks and was returned` },
          link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:checks-failed:${submission}`,
        }, m);
        return 'returned';
      }
      const calendar = await this.repo.loadCalendar(m);
      const schedule = decisionSchedule(REGISTRATION_POLICY.versions as PolicyVersion[], c.submittedAt ?? now, Number(c.contractAmount), calendar);
      c.status = transition(c.status, 'checks-passed');
      c.checkProblems = [];
      c.registrationInstitutionId = institutionId;
      c.policyVersion = schedule.policyVersion;
      c.deadlineAt = schedule.deadlineAt;
      await this.repo.updateContract(m, c);
      await this.repo.insertEvent(m, { contractId, action: 'routed', from, to: c.status, actorUserId: null, at: now });
      const payload = { contractId, submission };
      await this.outbox.enqueue(m, JobName.RemindRegistrationDeadline, payload, { jobId: `contract:${contractId}:remind:${submission}`, delayMs: schedule.reminderAt.getTime() - now.getTime() });
      await this.outbox.enqueue(m, JobName.EscalateRegistrationDeadline, payload, { jobId: `contract:${contractId}:escalate:${submission}`, delayMs: schedule.deadlineAt.getTime() - now.getTime() });
      await this.notifications.notify({
        orgId: institutionId, kind: 'contract.to-review', title: { zh: `待认定登记：${c.title}`, en: `Contract to review: ${c.title}` },
        body: { zh: `请于 ${schedule.deadlineDate} 前作出决定`, en: `Decide by ${schedule.deadlineDate}` }, link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:to-review:${submission}`,
      }, m);
      return 'routed';
    });
  }

  /** The reviewer decides to register; the number is issued by an idempotent job. */
  async register(actor: Actor, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lockForReviewer(m, actor, id);
      const from = c.status;
      c.status = transition(c.status, 'register');
      c.reviewedBy = actor.userId;
      const saved = await this.repo.updateContract(m, c);
      await this.repo.insertEvent(m, { contractId: id, action: 'register', from, to: c.status, actorUserId: actor.userId, at: this.clock.now() });
      await this.outbox.enqueue(m, JobName.IssueRegistrationNumber, { contractId: id }, { jobId: `contract:${id}:register` });
      return this.view(saved);
    });
  }

  /**
   * Job: issue the number exactly once. The contract row lock serialises concurrent runs, the status check
   * skips a retry after a commit, and the unique contract_id makes a double issue impossible even so.
   */
  async issueRegistrationNumber(contractId: string): Promise<string | null> {
    const number = await this.tx.run(async (m) => {
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
        const year = Number(beijingDate(now).slice(0, 4));
        const sequence = await this.repo.nextSequence(m, c.registrationInstitutionId, year);
        value = formatRegistrationNumber(year, profile.numberPrefix, sequence);
        await this.repo.insertIssuedNumber(m, { contractId, institutionId: c.registrationInstitutionId, year, sequence, number: value, at: now });
      }
      const from = c.status;
      c.status = transition(c.status, 'issue-number');
      c.registrationNumber = value;
      c.registeredAt = now;
      await this.repo.updateContract(m, c);
      await this.repo.insertEvent(m, { contractId, action: 'registered', from, to: c.status, actorUserId: c.reviewedBy, at: now });
      await this.notifications.notify({
        orgId: c.sellerOrgId, kind: 'contract.registered', title: { zh: `技术合同「${c.title}」已登记，登记编号 ${value}`, en: `Contract '${c.title}' registered as ${value}` },
        link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:registered`,
      }, m);
      return value;
    });
    if (number && this.afterNumberIssued) await this.afterNumberIssued(contractId);
    return number;
  }

  /** Terminal failure of the number job: back to review so a person sees it and can decide again. */
  async numberIssueFailed(contractId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await this.repo.findContractForUpdate(m, contractId);
      if (!c || c.status !== 'registering') return;
      c.status = 'under-review';
      await this.repo.updateContract(m, c);
      await this.repo.insertEvent(m, { contractId, action: 'issue-failed', from: 'registering', to: 'under-review', actorUserId: null, at: this.clock.now() });
    });
  }

  async returnForCorrection(actor: Actor, id: string, dto: ReturnContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lockForReviewer(m, actor, id);
      const from = c.status;
      c.status = transition(c.status, 'return');
      c.reviewedBy = actor.userId;
      c.returnReasons = dto.reasons.map((r) => ({ code: 'REVIEWER', field: r.field, zh: r.message, en: r.message }));
      const saved = await this.repo.updateContract(m, c);
      await this.repo.insertEvent(m, { contractId: id, action: 'return', from, to: c.status, actorUserId: actor.userId, reasons: c.returnReasons, at: this.clock.now() });
      await this.notifications.notify({
        orgId: c.sellerOrgId, kind: 'contract.returned', title: { zh: `技术合同「${c.title}」被退回补正`, en: `Contract '${c.title}' was returned for correction` },
        link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:returned:${c.submissionCount}`,
      }, m);
      return this.view(saved);
    });
  }

  async refuse(actor: Actor, id: string, dto: RefuseContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lockForReviewer(m, actor, id);
      const from = c.status;
      c.status = transition(c.status, 'refuse');
      c.reviewedBy = actor.userId;
      c.refusalReason = dto.reason;
      const saved = await this.repo.updateContract(m, c);
      const reasons: ReasonEntry[] = [{ code: 'NOT_A_TECHNOLOGY_CONTRACT', zh: dto.reason, en: dto.reason }];
      await this.repo.insertEvent(m, { contractId: id, action: 'refuse', from, to: c.status, actorUserId: actor.userId, reasons, at: this.clock.now() });
      await this.notifications.notify({
        orgId: c.sellerOrgId, kind: 'contract.refused', title: { zh: `技术合同「${c.title}」不予登记`, en: `Contract '${c.title}' was refused registration` },
        link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:refused`,
      }, m);
      return this.view(saved);
    });
  }

  /** After registration, amounts change only through the institution, and every change is kept. */
  async correctAmounts(actor: Actor, id: string, dto: CorrectAmountsDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lockForReviewer(m, actor, id);
      transition(c.status, 'correct-amounts');
      const deductions = this.checkAmounts(dto.contractAmount, dto.technologyAmount, dto.deductions ?? []);
      const now = this.clock.now();
      await this.repo.insertCorrection(m, {
        contractId: id, oldContract: c.contractAmount, newContract: fenToYuanString(toFen(dto.contractAmount)), oldTechnology: c.technologyAmount,
        newTechnology: fenToYuanString(toFen(dto.technologyAmount)), oldDeductions: (c.deductions ?? []).map((d) => ({ kind: d.kind, amount: d.amount, note: d.note })),
        reason: dto.reason, by: actor.userId, at: now,
      });
      c.contractAmount = fenToYuanString(toFen(dto.contractAmount));
      c.technologyAmount = fenToYuanString(toFen(dto.technologyAmount));
      const saved = await this.repo.updateContract(m, c);
      saved.deductions = await this.repo.replaceDeductions(m, id, deductions);
      await this.repo.insertEvent(m, { contractId: id, action: 'correct-amounts', from: c.status, to: c.status, actorUserId: actor.userId, reasons: [{ code: 'CORRECTION', zh: dto.reason, en: dto.reason }], at: now });
      return this.view(saved);
    });
  }

  /** Job: a reminder before the deadline, if the same submission is still waiting for a decision. */
  async remindDeadline(contractId: string, submission: number): Promise<boolean> {
    return this.tx.run(async (m) => {
      const c = await this.repo.findContract(m, contractId);
      if (!c || c.status !== 'under-review' || c.submissionCount !== submission || !c.registrationInstitutionId) return false;
      await this.notifications.notify({
        orgId: c.registrationInstitutionId, kind: 'contract.deadline-reminder',
        title: { zh: `认定登记即将到期：${c.title}`, en: `Registration decision due soon: ${c.title}` },
        body: { zh: `决定期限 ${c.deadlineAt?.toISOString()}`, en: `Deadline ${c.deadlineAt?.toISOString()}` }, link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:remind:${submission}`,
      }, m);
      await this.repo.insertEvent(m, { contractId, action: 'deadline-reminder', from: c.status, to: c.status, actorUserId: null, at: this.clock.now() });
      return true;
    });
  }

  /** Job: at the deadline, escalate to the institution and the platform's administrators. */
  async escalateDeadline(contractId: string, submission: number): Promise<boolean> {
    const admins = await this.identity.usersWithRole(Role.PlatformAdmin);
    return this.tx.run(async (m) => {
      const c = await this.repo.findContract(m, contractId);
      if (!c || c.status !== 'under-review' || c.submissionCount !== submission || !c.registrationInstitutionId) return false;
      const title = { zh: `认定登记已超期：${c.title}`, en: `Registration decision overdue: ${c.title}` };
      await this.notifications.notify([
        { orgId: c.registrationInstitutionId, kind: 'contract.deadline-escalation', title, link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:escalate:${submission}:inst` },
        ...admins.map((a) => ({ userId: a.id, kind: 'contract.deadline-escalation', title, link: `/contracts/${c.id}`, dedupeKey: `contract:${c.id}:escalate:${submission}:${a.id}` })),
      ], m);
      await this.repo.insertEvent(m, { contractId, action: 'deadline-escalation', from: c.status, to: c.status, actorUserId: null, at: this.clock.now() });
      return true;
    });
  }

  // ======== certificate ========

  async certificate(actor: Actor, id: string): Promise<Buffer> {
    const c = await this.requireVisible(actor, id);
    if (c.status !== 'registered' || !c.registrationNumber) throw ContractsErrors.certificateUnavailable(c.status);
    const institution = c.registrationInstitutionId ? await this.identity.findOrganisation(c.registrationInstitutionId) : null;
    const type = CONTRACT_TYPES.find((t) => t.code === c.type);
    return renderCertificate({
      registrationNumber: c.registrationNumber, title: c.title, typeName: type?.zh ?? c.type, licenseScope: c.licenseScope,
      seller: { name: c.sellerName, creditCode: c.sellerCreditCode }, buyer: { name: c.buyerName, creditCode: c.buyerCreditCode },
      contractAmount: c.contractAmount, technologyAmount: c.technologyAmount, signedOn: c.signedOn,
      registeredOn: beijingDate(c.registeredAt ?? this.clock.now()), institutionName: institution?.name ?? '',
    });
  }

  // ======== holiday calendar ========

  async listHolidays(year: number): Promise<Array<{ day: string; kind: string; name: string }>> {
    return this.repo.listHolidays(this.tx.manager, year);
  }

  async setHoliday(actor: Actor, day: string, kind: 'holiday' | 'workday', name: string): Promise<{ day: string; kind: string; name: string }> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw DomainError.validation('day', { zh: '日期格式应为 YYYY-MM-DD', en: 'day must be YYYY-MM-DD' });
    await this.tx.run(async (m) => {
      await this.repo.upsertHoliday(m, day, kind, name);
      await this.identity.audit(m, actor, { action: 'set-holiday', entityType: 'holiday', entityId: day, changes: { kind, name } });
    });
    return { day, kind, name };
  }

  async removeHoliday(actor: Actor, day: string): Promise<void> {
    const removed = await this.tx.run(async (m) => {
      const ok = await this.repo.deleteHoliday(m, day);
      if (ok) await this.identity.audit(m, actor, { action: 'remove-holiday', entityType: 'holiday', entityId: day });
      return ok;
    });
    if (!removed) throw DomainError.notFound({ zh: '该日期不在节假日日历中', en: 'No calendar entry for this day' });
  }

  // ======== rewards ========

  async requestRewardComputation(year: number): Promise<{ year: number; jobId: string }> {
    const jobId = `contracts:rewards:${year}:${this.clock.now().getTime()}`;
    await this.tx.run((m) => this.outbox.enqueue(m, JobName.ComputeRewards, { year }, { jobId }));
    return { year, jobId };
  }

  /** Job: the year's ledger, recomputed from the registered contracts (replaces the year's per-mille lines). */
  async computeRewards(year: number, rules: RewardRules = REWARD_RULES): Promise<RewardLineResponse[]> {
    await this.tx.run(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(72616006, $1)', [year]);
      const from = beijingInstant(`${year}-01-01`, 0);
      const to = beijingInstant(`${year + 1}-01-01`, 0);
      const contracts = await this.repo.findRegisteredForRewards(m, from, to);
      const accredited = (await this.repo.findTransferProfiles(m, [...new Set(contracts.map((c) => c.transferInstitutionId).filter((x): x is string => !!x))])).map((p) => p.organisationId);
      // Only verified institutions are credited facilitation rewards: an unverified one may not carry a public subsidy.
      const orgs = await this.identity.findOrganisations(accredited, m);
      const transferIds = new Set(accredited.filter((id) => orgs.get(id)?.verified));
      const lines = computeRewardLines(contracts, rules, (id) => transferIds.has(id));
      const now = this.clock.now();
      await this.repo.deleteRateLines(m, year);
      for (const l of lines) {
        await this.repo.insertRewardLine(m, {
          year, institutionId: l.institutionId, kind: l.kind, basisAmount: fenToYuanString(l.basisFen), uncappedAmount: fenToYuanString(l.uncappedFen), amount: fenToYuanString(l.amountFen),
          capped: l.capped, note: l.capped ? `capped at ${rules.annualCapYuan} yuan` : null, computedAt: now,
          items: l.contracts.map((c) => ({ contractId: c.id, registrationNumber: c.registrationNumber, technologyAmount: fenToYuanString(c.technologyAmountFen) })),
        });
      }
      for (const a of await this.repo.newlyAccreditedUnawarded(m, year)) {
        const award = fenToYuanString(toFen(rules.newAccreditationAwardYuan));
        await this.repo.insertRewardLine(m, {
          year, institutionId: a.organisation_id, kind: 'new-accreditation', basisAmount: '0.00', uncappedAmount: award, amount: award, capped: false,
          note: `${a.level} accreditation ${a.accreditation_number}`, computedAt: now, items: [],
        });
      }
    });
    return this.listRewards(year);
  }

  async listRewards(year: number, institutionId?: string): Promise<RewardLineResponse[]> {
    const rows = await this.repo.listRewardLines(this.tx.manager, year, institutionId);
    const yearEnd = beijingInstant(`${year + 1}-01-01`, 0);
    return rows.map((r) => ({
      id: r.id, year: r.year, institutionId: r.institution_id, kind: r.kind, basisAmount: Number(r.basis_amount), uncappedAmount: Number(r.uncapped_amount), amount: Number(r.amount),
      capped: r.capped, note: r.note, computedAt: new Date(r.computed_at).toISOString(), 
      // The accreditation award is fixed once granted; only the per-mille lines move until the year is over.
      provisional: r.kind !== 'new-accreditation' && new Date(r.computed_at) < yearEnd, contracts: r.items.map((i) => ({ contractId: i.contract_id, registrationNumber: i.registration_number, technologyAmount: Number(i.technology_amount) })),
    }));
  }

  // ======== statistics feed (facade for monitoring) ========

  async registeredContractStats(q: StatsRequest): Promise<ContractStatsResponse> {
    if (q.to < q.from) throw DomainError.validation('to', { zh: '结束日期不能早于开始日期', en: 'to cannot be before from' });
    const raw = await this.repo.registeredStats(this.tx.manager, q.from, q.to, q.groupBy);
    const rows: StatsRow[] = raw.map((r) => ({ key: r.key, contracts: r.contracts, contractAmount: Number(r.contract_amount), technologyAmount: Number(r.technology_amount) }));
    const sum = (f: (r: (typeof raw)[number]) => string) => fenToYuan(raw.reduce((acc, r) => acc + toFen(f(r)), 0n));
    return {
      from: q.from, to: q.to, groupBy: q.groupBy, rows,
      total: { key: null, contracts: raw.reduce((a, r) => a + r.contracts, 0), contractAmount: sum((r) => r.contract_amount), technologyAmount: sum((r) => r.technology_amount) },
    };
  }

  // ======== helpers ========

  private view(c: TechnologyContract): ContractResponse {
    const t = CONTRACT_TYPES.find((x) => x.code === c.type);
    return mapContract(c, { zh: t?.zh ?? c.type, en: t?.en ?? c.type }, contractDirection(c.sellerRegion, c.buyerRegion));
  }

  private canSee(actor: Actor, c: TechnologyContract): boolean {
    if (isPlatformStaff(actor)) return true;
    if ([c.sellerOrgId, c.buyerOrgId, c.transferInstitutionId].includes(actor.orgId) || c.brokerUserId === actor.userId) return true;
    // Reading the contracts filed with it is a registration institution's power: gone while it is not verified.
    return c.status !== 'draft' && c.registrationInstitutionId === actor.orgId && actsAs(actor, OrgType.RegistrationInstitution);
  }

  private mayReview(actor: Actor, c: TechnologyContract): boolean {
    return actor.roles.includes(Role.Reviewer) && !!c.registrationInstitutionId && c.registrationInstitutionId === actor.orgId;
  }

  private async requireVisible(actor: Actor, id: string): Promise<TechnologyContract> {
    const c = await this.repo.findContract(this.tx.manager, id);
    if (!c || !this.canSee(actor, c)) throw ContractsErrors.contractNotFound();
    return c;
  }

  private async lockForSeller(m: EntityManager, actor: Actor, id: string): Promise<TechnologyContract> {
    const c = await this.repo.findContractForUpdate(m, id);
    if (!c || !this.canSee(actor, c)) throw ContractsErrors.contractNotFound();
    if (c.sellerOrgId !== actor.orgId) {
      throw new DomainError('forbidden', 'NOT_THE_REGISTRANT', { zh: '只有卖方（登记方）可以修改或提交该合同', en: 'Only the seller side (the registrant) may edit or submit this contract' });
    }
    return c;
  }

  /** Reviewers of another institution get 404, as if the contract did not exist. */
  private async lockForReviewer(m: EntityManager, actor: Actor, id: string): Promise<TechnologyContract> {
    const c = await this.repo.findContractForUpdate(m, id);
    if (!c || !this.mayReview(actor, c)) throw ContractsErrors.contractNotFound();
    // Registering contracts is a public power: a self-declared institution must be verified first (403).
    await this.identity.assertVerified(actor, m);
    return c;
  }

  private toInput(c: TechnologyContract): CreateContractDto {
    return {
      title: c.title, type: c.type, licenseScope: c.licenseScope ?? undefined,
      buyer: { organisationId: c.buyerOrgId ?? undefined, name: c.buyerName, creditCode: c.buyerCreditCode, region: c.buyerRegion, legalPersonType: c.buyerLegalType },
      contractAmount: Number(c.contractAmount), technologyAmount: Number(c.technologyAmount),
      deductions: (c.deductions ?? []).map((d) => ({ kind: d.kind, amount: Number(d.amount), note: d.note ?? undefined })),
      signedOn: c.signedOn, termFrom: c.termFrom ?? undefined, termTo: c.termTo ?? undefined, industry: c.industry ?? undefined, parkCode: c.parkCode ?? undefined,
      achievementId: c.achievementId ?? undefined, demandId: c.demandId ?? undefined, proposalId: c.proposalId ?? undefined, matchId: c.matchId ?? undefined,
      transferInstitutionId: c.transferInstitutionId ?? undefined, brokerUserId: c.brokerUserId ?? undefined,
    };
  }

  /** technologyAmount ≤ contractAmount, and the deductions explain the difference to the fen. */
  private checkAmounts(contractAmount: number, technologyAmount: number, deductions: DeductionDto[]): Array<{ kind: DeductionDto['kind']; amount: string; note: string | null }> {
    const contractFen = toFen(contractAmount);
    const techFen = toFen(technologyAmount);
    if (techFen > contractFen) throw ContractsErrors.technologyAboveContract();
    const sum = deductions.reduce((acc, d) => acc + toFen(d.amount), 0n);
    if (sum !== contractFen - techFen) throw ContractsErrors.deductionsMismatch(fenToYuanString(contractFen - techFen));
    return deductions.map((d) => ({ kind: d.kind, amount: fenToYuanString(toFen(d.amount)), note: d.note ?? null }));
  }

  private async validateContractInput(actor: Actor, seller: OrganisationResponse, dto: CreateContractDto) {
    const today = beijingDate(this.clock.now());
    if (!canFile(seller.type, dto.type)) throw ContractsErrors.typeNotFilable(dto.type);
    const type = CONTRACT_TYPES.find((t) => t.code === dto.type)!;
    if (type.scopes?.length && !dto.licenseScope) throw ContractsErrors.licenseScopeRequired();
    if (!type.scopes?.length && dto.licenseScope) throw ContractsErrors.licenseScopeNotApplicable();
    if (dto.signedOn > today) throw ContractsErrors.signedInFuture();
    if (dto.termFrom && dto.termTo && dto.termTo < dto.termFrom) throw ContractsErrors.termOrder();
    if (dto.buyer.organisationId === seller.id || (seller.creditCode && dto.buyer.creditCode === seller.creditCode)) throw ContractsErrors.sellerIsBuyer();
    const deductions = this.checkAmounts(dto.contractAmount, dto.technologyAmount, dto.deductions ?? []);
    let buyerOrg: OrganisationResponse | null = null;
    if (dto.buyer.organisationId) {
      buyerOrg = await this.identity.findOrganisation(dto.buyer.organisationId);
      if (!buyerOrg) throw DomainError.validation('buyer.organisationId', { zh: '买方机构不存在', en: 'Buyer organisation not found' }, 'NOT_FOUND');
    }
    if (dto.transferInstitutionId) {
      const inst = await this.identity.findOrganisation(dto.transferInstitutionId);
      if (!inst || inst.type !== OrgType.TransferInstitution) throw ContractsErrors.wrongOrgType('transferInstitutionId', OrgType.TransferInstitution);
      if (!inst.verified) throw ContractsErrors.institutionNotVerified('transferInstitutionId');
    }
    if (dto.brokerUserId) {
      const broker = await this.identity.findUser(dto.brokerUserId);
      if (!broker || !broker.effectiveRoles.includes(Role.Broker)) throw ContractsErrors.notABroker();
    }
    void actor;
    return {
      deductions,
      columns: {
        title: dto.title.trim(), type: dto.type, licenseScope: dto.licenseScope ?? null,
        buyerOrgId: buyerOrg?.id ?? null, buyerName: dto.buyer.name.trim(), buyerCreditCode: dto.buyer.creditCode, buyerRegion: dto.buyer.region, buyerLegalType: dto.buyer.legalPersonType,
        contractAmount: fenToYuanString(toFen(dto.contractAmount)), technologyAmount: fenToYuanString(toFen(dto.technologyAmount)),
        signedOn: dto.signedOn, termFrom: dto.termFrom ?? null, termTo: dto.termTo ?? null, industry: dto.industry ?? null,
        parkCode: dto.parkCode ?? buyerOrg?.parkCode ?? null,
        achievementId: dto.achievementId ?? null, demandId: dto.demandId ?? null, proposalId: dto.proposalId ?? null, matchId: dto.matchId ?? null,
        transferInstitutionId: dto.transferInstitutionId ?? null, brokerUserId: dto.brokerUserId ?? null,
      },
    };
  }

  /** The automatic checks at submission: each problem names its field. */
  private checkProblems(c: TechnologyContract, now: Date): ReasonEntry[] {
    const problems: ReasonEntry[] = [];
    const add = (code: string, field: string, zh: string, en: string) => problems.push({ code, field, zh, en });
    if (!c.attachmentKey) add('ATTACHMENT_MISSING', 'attachment', '未上传已签署的合同文本（PDF）', 'The signed contract (PDF) is missing');
    if (!c.termTo) add('TERM_MISSING', 'termTo', '未填写合同期限', 'The contract term is missing');
    const contractFen = toFen(c.contractAmount);
    const techFen = toFen(c.technologyAmount);
    const deductionFen = (c.deductions ?? []).reduce((a, d) => a + toFen(d.amount), 0n);
    if (techFen > contractFen || deductionFen !== contractFen - techFen) {
      add('AMOUNTS_INCONSISTENT', 'technologyAmount', '技术交易额与合同成交额、非技术性款项不一致', 'technologyAmount, contractAmount and deductions do not agree');
    }
    if (!isValidCreditCode(c.sellerCreditCode)) add('SELLER_CREDIT_CODE', 'seller.creditCode', '卖方统一社会信用代码无效', 'The seller\'s credit code is invalid');
    if (!isValidCreditCode(c.buyerCreditCode)) add('BUYER_CREDIT_CODE', 'buyer.creditCode', '买方统一社会信用代码无效', 'The buyer\'s credit code is invalid');
    const type = CONTRACT_TYPES.find((t) => t.code === c.type);
    if (!type) add('TYPE_UNKNOWN', 'type', '合同类型无效', 'Unknown contract type');
    else if (type.scopes?.length && !c.licenseScope) add('LICENSE_SCOPE_REQUIRED', 'licenseScope', '许可类合同须注明许可范围', 'Licence contracts need a licence scope');
    if (c.signedOn > beijingDate(now)) add('SIGNED_IN_FUTURE', 'signedOn', '签订日期晚于今天', 'signedOn is in the future');
    return problems;
  }

  // ======== monitoring feed (read-only; added for the monitoring context, owner may reshape) ========

  /** The reward ledger of a year with the contracts behind each line placed in time and park: the records behind 'rewards accrued'. */
  async rewardAccruals(year: number): Promise<RewardAccrualResponse[]> {
    const rows = await this.repo.rewardAccrualRows(this.tx.manager, year);
    const buyerIds = [...new Set(rows.flatMap((r) => r.items.map((i) => i.buyer_org_id)).filter((x): x is string => !!x))];
    const buyers = buyerIds.length ? await this.identity.findOrganisations(buyerIds) : new Map<string, OrganisationResponse>();
    return rows.map((r) => ({
      lineId: r.id, institutionId: r.institution_id, kind: r.kind, amount: Number(r.amount), accruedOn: r.accredited_on,
      contracts: r.items.map((i) => ({
        contractId: i.contract_id, technologyAmount: Number(i.technology_amount), registeredAt: i.registered_at ? new Date(i.registered_at).toISOString() : null,
        parkCode: i.park_code ?? (i.buyer_org_id ? buyers.get(i.buyer_org_id)?.parkCode ?? null : null),
      })),
    }));
  }

  /** Registered contracts whose registration falls in [from, to): the records behind monitoring's contract indicators. */
  async registeredContractsBetween(from: Date, to: Date): Promise<ContractResponse[]> {
    const out: ContractResponse[] = [];
    const take = 500;
    for (let skip = 0; ; skip += take) {
      const [rows, total] = await this.repo.listContracts(this.tx.manager, { status: 'registered', skip, take });
      for (const c of rows) if (c.registeredAt && c.registeredAt >= from && c.registeredAt < to) out.push(this.view(c));
      if (skip + take >= total) break;
    }
    return out;
  }
}
