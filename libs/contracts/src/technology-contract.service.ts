import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { Actor, BeijingCalendar, Clock, CONTRACT_TYPES, FileStorage, OrgType, Page, pageOf, Role, skipTake, storePdf, TransactionRunner } from '@techbridge/platform';
import { IdentityService, OrganisationResponse } from '@techbridge/identity';
import { renderCertificate } from './certificate.renderer';
import { ContractAccessPolicy, ContractPermission } from './contract-access.policy';
import { assertEditable } from './contract.state-machine';
import { viewContract } from './contract.view';
import { ContractsErrors } from './contracts.exception';
import { ContractsRepository } from './contracts.repository';
import { AmountCorrectionResponse, ContractListQuery, ContractResponse, CreateContractDto, RegistrationEventResponse, UpdateContractDto } from './dto/contracts.dto';
import { TechnologyContract } from './entities/technology-contract.entity';
import { fenToYuanString, toFen } from './rules/money';
import { checkContractTerms, legalPersonTypeOf } from './rules/registration-checks';

/** What a market deal brings to its draft contract. */
export interface DealContractInput {
  marketListingId: string;
  sellerOrgId: string;
  buyerOrgId: string;
  title: string;
  type: string;
  licenseScope: string | null;
  amount: number;
  achievementId: string | null;
  industry: string | null;
  createdBy: string;
  /** The broker who handled the introduction, and its transfer institution (carried over while still in standing). */
  brokerUserId?: string | null;
  transferInstitutionId?: string | null;
}

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Technology contracts as the parties keep them: content, the signed PDF, history, and the registration certificate. */
@Injectable()
export class TechnologyContractService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly access: ContractAccessPolicy,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly storage: FileStorage,
  ) {}

  async create(actor: Actor, dto: CreateContractDto): Promise<ContractResponse> {
    const seller = await this.identity.findOrganisation(actor.orgId);
    if (!seller) throw ContractsErrors.contractNotFound();
    const fields = await this.validateContractInput(seller, dto);
    return this.tx.run(async (m) => {
      const c = await this.repo.insertContract(m, {
        ...fields.columns,
        sellerOrgId: seller.id, sellerName: seller.name, sellerCreditCode: seller.creditCode, sellerRegion: seller.region,
        sellerLegalType: legalPersonTypeOf(seller.type), sellerDivisionCode: seller.divisionCode,
        status: 'draft', createdBy: actor.userId,
      });
      c.deductions = await this.repo.replaceDeductions(m, c.id, fields.deductions);
      await this.identity.audit(m, actor, { action: 'create-contract', entityType: 'technology-contract', entityId: c.id, changes: { title: c.title, type: c.type } });
      return viewContract(c);
    });
  }

  /**
   * A draft pre-filled from a market deal (parties, amount, mode), for the seller to complete and submit through the
   * usual registration workflow. Joins the caller's transaction when given one.
   */
  async createFromDeal(input: DealContractInput, within?: EntityManager): Promise<ContractResponse> {
    const seller = await this.identity.findOrganisation(input.sellerOrgId, within);
    const buyer = await this.identity.findOrganisation(input.buyerOrgId, within);
    if (!seller || !buyer) throw ContractsErrors.buyerNotFound();
    const dto: CreateContractDto = {
      title: input.title.slice(0, 200), type: input.type, licenseScope: input.licenseScope ?? undefined,
      buyer: { organisationId: buyer.id, name: buyer.name, creditCode: buyer.creditCode ?? '', region: buyer.region, legalPersonType: legalPersonTypeOf(buyer.type) },
      contractAmount: input.amount, technologyAmount: input.amount, signedOn: BeijingCalendar.dateOf(this.clock.now()),
      achievementId: input.achievementId ?? undefined, industry: input.industry ?? undefined,
      ...(await this.dealIntermediaries(input, within)),
    };
    const fields = await this.validateContractInput(seller, dto);
    return this.tx.run(async (m) => {
      const c = await this.repo.insertContract(m, {
        ...fields.columns,
        sellerOrgId: seller.id, sellerName: seller.name, sellerCreditCode: seller.creditCode, sellerRegion: seller.region,
        sellerLegalType: legalPersonTypeOf(seller.type), sellerDivisionCode: seller.divisionCode,
        status: 'draft', createdBy: input.createdBy, marketListingId: input.marketListingId,
      });
      c.deductions = [];
      await this.identity.audit(m, { userId: input.createdBy, orgId: seller.id }, { action: 'create-contract-from-deal', entityType: 'technology-contract', entityId: c.id, changes: { marketListingId: input.marketListingId } });
      return viewContract(c);
    }, within);
  }

  /**
   * The deal's broker and transfer institution as the contract's own checks accept them: one who has since lost the
   * broker role (or an institution no longer verified) is left off rather than failing the deal; the parties may add one.
   */
  private async dealIntermediaries(input: DealContractInput, within?: EntityManager): Promise<Pick<CreateContractDto, 'brokerUserId' | 'transferInstitutionId'>> {
    const broker = input.brokerUserId ? await this.identity.findUser(input.brokerUserId) : null;
    const inst = input.transferInstitutionId ? await this.identity.findOrganisation(input.transferInstitutionId, within) : null;
    return {
      brokerUserId: broker?.effectiveRoles.includes(Role.Broker) ? broker.id : undefined,
      transferInstitutionId: inst && inst.type === OrgType.TransferInstitution && inst.verified ? inst.id : undefined,
    };
  }

  async update(actor: Actor, id: string, dto: UpdateContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Edit, id, { lock: true });
      assertEditable(c.status);
      const merged = { ...this.toInput(c), ...dto } as CreateContractDto;
      const seller = await this.identity.findOrganisation(c.sellerOrgId, m);
      const fields = await this.validateContractInput(seller!, merged);
      Object.assign(c, fields.columns);
      const saved = await this.repo.updateContract(m, c);
      saved.deductions = await this.repo.replaceDeductions(m, c.id, fields.deductions);
      await this.identity.audit(m, actor, { action: 'update-contract', entityType: 'technology-contract', entityId: id, changes: { ...dto } });
      return viewContract(saved);
    });
  }

  async get(actor: Actor, id: string): Promise<ContractResponse> {
    return viewContract(await this.access.requireAccess(this.tx.manager, actor, ContractPermission.Read, id));
  }

  async list(actor: Actor, q: ContractListQuery): Promise<Page<ContractResponse>> {
    const { skip, take } = skipTake(q);
    const scope = this.access.listScope(actor, q.scope);
    if (!scope) return pageOf([], 0, q);
    const [rows, total] = await this.repo.listContracts(this.tx.manager, { ...scope, status: q.status, skip, take });
    return pageOf(rows.map(viewContract), total, q);
  }

  async events(actor: Actor, id: string): Promise<RegistrationEventResponse[]> {
    await this.access.requireAccess(this.tx.manager, actor, ContractPermission.Read, id);
    const rows = await this.repo.listEvents(this.tx.manager, id);
    return rows.map((r) => ({ action: r.action, fromStatus: r.from_status, toStatus: r.to_status, actorUserId: r.actor_user_id, reasons: r.reasons, at: new Date(r.at).toISOString() }));
  }

  async corrections(actor: Actor, id: string): Promise<AmountCorrectionResponse[]> {
    await this.access.requireAccess(this.tx.manager, actor, ContractPermission.Read, id);
    const rows = await this.repo.listCorrections(this.tx.manager, id);
    return rows.map((r) => ({
      oldContractAmount: Number(r.old_contract_amount), newContractAmount: Number(r.new_contract_amount), oldTechnologyAmount: Number(r.old_technology_amount),
      newTechnologyAmount: Number(r.new_technology_amount), reason: String(r.reason), correctedBy: String(r.corrected_by), correctedAt: new Date(r.corrected_at).toISOString(),
    }));
  }

  async uploadAttachment(actor: Actor, id: string, file: { filename: string; mimetype: string; content: Readable | Buffer }): Promise<ContractResponse> {
    await this.tx.run(async (m) => assertEditable((await this.access.requireAccess(m, actor, ContractPermission.Edit, id, { lock: true })).status));
    if (file.mimetype !== 'application/pdf' && !file.filename.toLowerCase().endsWith('.pdf')) throw ContractsErrors.notAPdf();
    const key = `contracts/${id}/signed-${randomUUID()}.pdf`;
    await storePdf(this.storage, key, file.content, MAX_ATTACHMENT_BYTES, ContractsErrors.notAPdf);
    return this.tx.run(async (m) => {
      const c = await this.access.requireAccess(m, actor, ContractPermission.Edit, id, { lock: true });
      assertEditable(c.status);
      const old = c.attachmentKey;
      c.attachmentKey = key;
      c.attachmentName = file.filename.slice(0, 200);
      const saved = await this.repo.updateContract(m, c);
      if (old) await this.storage.remove(old).catch(() => undefined);
      return viewContract(saved);
    });
  }

  async openAttachment(actor: Actor, id: string): Promise<{ stream: Readable; name: string }> {
    const c = await this.access.requireAccess(this.tx.manager, actor, ContractPermission.Read, id);
    if (!c.attachmentKey) throw ContractsErrors.attachmentMissing();
    return { stream: await this.storage.open(c.attachmentKey), name: c.attachmentName ?? 'contract.pdf' };
  }

  async certificate(actor: Actor, id: string): Promise<Buffer> {
    const c = await this.access.requireAccess(this.tx.manager, actor, ContractPermission.Read, id);
    if (c.status !== 'registered' || !c.registrationNumber) throw ContractsErrors.certificateUnavailable(c.status);
    const institution = c.registrationInstitutionId ? await this.identity.findOrganisation(c.registrationInstitutionId) : null;
    const type = CONTRACT_TYPES.find((t) => t.code === c.type);
    return renderCertificate({
      registrationNumber: c.registrationNumber, title: c.title, typeName: type?.zh ?? c.type, licenseScope: c.licenseScope,
      seller: { name: c.sellerName, creditCode: c.sellerCreditCode }, buyer: { name: c.buyerName, creditCode: c.buyerCreditCode },
      contractAmount: c.contractAmount, technologyAmount: c.technologyAmount, signedOn: c.signedOn,
      registeredOn: BeijingCalendar.dateOf(c.registeredAt ?? this.clock.now()), institutionName: institution?.name ?? '',
    });
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

  /** The pure rules first (400 naming the field), then the references to other organisations and users. */
  private async validateContractInput(seller: OrganisationResponse, dto: CreateContractDto) {
    const deductions = checkContractTerms(seller, dto, BeijingCalendar.dateOf(this.clock.now()));
    let buyerOrg: OrganisationResponse | null = null;
    if (dto.buyer.organisationId) {
      buyerOrg = await this.identity.findOrganisation(dto.buyer.organisationId);
      if (!buyerOrg) throw ContractsErrors.buyerNotFound();
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
}
