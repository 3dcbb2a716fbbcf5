import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, BeijingCalendar, Clock, DomainError, isPlatformStaff, Page, pageOf, PageQuery, skipTake, TransactionRunner } from '@techbridge/platform';
import {
  AgreementResponse, CreateAgreementDto, CreateProgrammeDto, LedgerEntryResponse, LedgerViewResponse, mapAgreement, mapLedgerEntry, mapLedgerView, mapProgramme,
  ProgrammeListQuery, ProgrammeResponse, ReplaceRulesDto,
} from './dto/programme.dto';
import { VoucherLedgerService } from './ledger/voucher-ledger.service';
import { VouchersAccessPolicy } from './vouchers-access.policy';
import { VoucherErrors } from './vouchers.exception';
import { VouchersRepository } from './vouchers.repository';

/** Programmes (budget, cap, face values, validity, eligible services, eligibility rules, rounds), their ledger view, and recognition agreements. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly repo: VouchersRepository,
    private readonly access: VouchersAccessPolicy,
    private readonly ledger: VoucherLedgerService,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    if (dto.categories.includes('statutory-testing')) throw VoucherErrors.statutoryTesting();
    if (dto.yearlyCapFen > dto.budgetFen) throw DomainError.validation('yearlyCapFen', { zh: '企业年度上限不得超过计划预算', en: 'The yearly cap cannot exceed the budget' });
    if (dto.faceValuesFen.some((f) => f > dto.yearlyCapFen)) throw DomainError.validation('faceValuesFen', { zh: '面额不得超过企业年度上限', en: 'A face value cannot exceed the yearly cap' });
    // Rounds never promise more than the budget: what quotas allow, the ledger can always pay out.
    if (dto.rounds.reduce((s, r) => s + r.quotaFen, 0) > dto.budgetFen) throw DomainError.validation('rounds', { zh: '各批次额度之和不得超过预算', en: 'The rounds’ quotas together cannot exceed the budget' });
    dto.rounds.forEach((r, i) => {
      if (Date.parse(r.closesAt) <= Date.parse(r.opensAt)) throw DomainError.validation(`rounds[${i}].closesAt`, { zh: '批次结束时间须晚于开始时间', en: 'A round must close after it opens' });
    });
    const region = dto.issuingRegion ?? 'HE';
    return this.tx.run(async (m) => {
      await this.access.assertProgrammeCreator(m, actor);
      if (region !== 'HE') {
        if (!isPlatformStaff(actor)) throw VoucherErrors.notAllowed('仅平台可登记京津创新券计划', 'Only the platform records Beijing or Tianjin programmes');
        const a = dto.agreementId ? await this.repo.findAgreement(m, dto.agreementId) : null;
        const today = BeijingCalendar.dateOf(this.clock.now());
        if (!a || a.region !== region || !a.active || a.validFrom > today || a.validTo < today) throw VoucherErrors.noAgreement(region);
      }
      const org = await this.identity.findOrganisation(actor.orgId, m);
      const p = await this.repo.saveProgramme(m, {
        ownerOrgId: actor.orgId, name: dto.name.trim(), issuingRegion: region, agreementId: region === 'HE' ? null : dto.agreementId!, parkCode: actor.parkCode ?? org?.parkCode ?? null,
        budgetFen: dto.budgetFen, yearlyCapFen: dto.yearlyCapFen, faceValuesFen: [...dto.faceValuesFen].sort((a, b) => a - b), validityDays: dto.validityDays,
        categories: dto.categories, status: 'open',
      });
      await this.repo.replaceRules(m, p.id, dto.rules);
      await this.repo.insertRounds(m, dto.rounds.map((r, i) => ({ programmeId: p.id, seq: i + 1, opensAt: new Date(r.opensAt), closesAt: new Date(r.closesAt), quotaFen: r.quotaFen, issuedFen: 0 })));
      await this.ledger.openProgramme(m, p.id, p.budgetFen, actor.userId);
      await this.identity.audit(m, actor, { action: 'voucher-programme.create', entityType: 'voucher_programme', entityId: p.id, changes: { budgetFen: p.budgetFen } });
      return mapProgramme(p, await this.repo.rulesOf(m, p.id), await this.repo.roundsOf(m, p.id));
    });
  }

  async get(id: string): Promise<ProgrammeResponse> {
    const m = this.tx.manager;
    const p = await this.repo.findProgramme(m, id);
    if (!p) throw VoucherErrors.programmeNotFound();
    return mapProgramme(p, await this.repo.rulesOf(m, id), await this.repo.roundsOf(m, id));
  }

  async list(q: ProgrammeListQuery): Promise<Page<ProgrammeResponse>> {
    const m = this.tx.manager;
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listProgrammes(m, q.park, skip, take);
    const items = await Promise.all(rows.map(async (p) => mapProgramme(p, await this.repo.rulesOf(m, p.id), await this.repo.roundsOf(m, p.id))));
    return pageOf(items, total, q);
  }

  async replaceRules(actor: Actor, id: string, dto: ReplaceRulesDto): Promise<ProgrammeResponse> {
    if (new Set(dto.rules.map((r) => r.rule)).size !== dto.rules.length) throw DomainError.validation('rules', { zh: '每条规则只能出现一次', en: 'Each rule may appear once' });
    return this.tx.run(async (m) => {
      const p = await this.access.requireProgrammeAdmin(m, actor, id, true);
      await this.repo.replaceRules(m, id, dto.rules);
      await this.identity.audit(m, actor, { action: 'voucher-programme.rules', entityType: 'voucher_programme', entityId: id, changes: { rules: dto.rules } });
      return mapProgramme(p, await this.repo.rulesOf(m, id), await this.repo.roundsOf(m, id));
    });
  }

  async ledgerView(actor: Actor, id: string): Promise<LedgerViewResponse> {
    const m = this.tx.manager;
    const p = await this.access.requireProgrammeAdmin(m, actor, id);
    return mapLedgerView(p, await this.ledger.balances(m, id));
  }

  async ledgerEntries(actor: Actor, id: string, q: PageQuery): Promise<Page<LedgerEntryResponse>> {
    const m = this.tx.manager;
    await this.access.requireProgrammeAdmin(m, actor, id);
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.ledger.entries(m, id, skip, take);
    return pageOf(rows.map(mapLedgerEntry), total, q);
  }

  async createAgreement(actor: Actor, dto: CreateAgreementDto): Promise<AgreementResponse> {
    if (dto.validTo < dto.validFrom) throw DomainError.validation('validTo', { zh: '截止日期须不早于起始日期', en: 'validTo must not precede validFrom' });
    return this.tx.run(async (m) => {
      const a = await this.repo.saveAgreement(m, { region: dto.region, partner: dto.partner.trim(), validFrom: dto.validFrom, validTo: dto.validTo, active: dto.active ?? true });
      await this.identity.audit(m, actor, { action: 'voucher-agreement.create', entityType: 'voucher_recognition_agreement', entityId: a.id, changes: { region: a.region } });
      return mapAgreement(a);
    });
  }

  async listAgreements(q: PageQuery): Promise<Page<AgreementResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listAgreements(this.tx.manager, skip, take);
    return pageOf(rows.map(mapAgreement), total, q);
  }
}
