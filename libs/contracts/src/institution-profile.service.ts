import { Injectable } from '@nestjs/common';
import { Actor, BeijingCalendar, Clock, OrgType, Page, pageOf, Role, skipTake, TransactionRunner } from '@techbridge/platform';
import { IdentityService, OrganisationResponse } from '@techbridge/identity';
import { MatchPipelineService } from '@techbridge/matching';
import { RoadshowService } from '@techbridge/roadshow';
import { ContractAccessPolicy } from './contract-access.policy';
import { ContractsErrors } from './contracts.exception';
import { ContractsRepository } from './contracts.repository';
import { BrokerProfileDto, BrokerResponse, InstitutionResponse, mapBrokerProfile, mapRegistrationProfile, mapTransferProfile, RegistrationInstitutionProfileDto, TransferInstitutionProfileDto } from './dto/institutions.dto';
import { defaultNumberPrefix } from './rules/registration-number';

/** Institution profiles (transfer institutions' accreditation, registration institutions' coverage) and broker profiles. */
@Injectable()
export class InstitutionProfileService {
  constructor(
    private readonly identity: IdentityService,
    private readonly pipeline: MatchPipelineService,
    private readonly roadshows: RoadshowService,
    private readonly access: ContractAccessPolicy,
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async setTransferProfile(actor: Actor, orgId: string, dto: TransferInstitutionProfileDto): Promise<InstitutionResponse> {
    const org = await this.requireOrg(orgId, OrgType.TransferInstitution);
    if (dto.validTo < dto.validFrom) throw ContractsErrors.validityOrder();
    await this.tx.run(async (m) => {
      const before = await this.repo.findTransferProfile(m, orgId);
      // A level change restarts the accreditation date: a municipal institution promoted to provincial is newly accredited.
      const accreditedOn = dto.accreditedOn ?? (before && before.level === dto.level ? before.accreditedOn : dto.validFrom);
      await this.repo.saveTransferProfile(m, { organisationId: orgId, level: dto.level, accreditationNumber: dto.accreditationNumber.trim(), validFrom: dto.validFrom, validTo: dto.validTo, accreditedOn });
      await this.identity.audit(m, actor, { action: 'set-transfer-institution-profile', entityType: 'organisation', entityId: orgId, changes: { ...dto } });
    });
    return this.institutionView(org);
  }

  async setRegistrationProfile(actor: Actor, orgId: string, dto: RegistrationInstitutionProfileDto): Promise<InstitutionResponse> {
    const org = await this.requireOrg(orgId, OrgType.RegistrationInstitution);
    await this.tx.run(async (m) => {
      const before = await this.repo.findRegistrationProfile(m, orgId);
      const numberPrefix = dto.numberPrefix ?? before?.numberPrefix ?? defaultNumberPrefix(org.divisionCode ? [org.divisionCode] : dto.coveredDivisions);
      const holder = await this.repo.findRegistrationProfileByPrefix(m, numberPrefix);
      if (holder && holder.organisationId !== orgId) throw ContractsErrors.numberPrefixTaken();
      await this.repo.saveRegistrationProfile(m, { organisationId: orgId, coveredDivisions: dto.coveredDivisions, numberPrefix });
      await this.identity.audit(m, actor, { action: 'set-registration-institution-profile', entityType: 'organisation', entityId: orgId, changes: { ...dto, numberPrefix } });
    });
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
    const today = BeijingCalendar.dateOf(this.clock.now());
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

  async setBrokerProfile(actor: Actor, userId: string, dto: BrokerProfileDto): Promise<BrokerResponse> {
    const user = await this.identity.findUser(userId);
    if (!user || !this.access.mayEditBrokerProfile(actor, user)) throw ContractsErrors.brokerNotFound();
    if (!user.effectiveRoles.includes(Role.Broker)) throw ContractsErrors.userNotABroker();
    if (dto.institutionId) {
      const inst = await this.identity.findOrganisation(dto.institutionId);
      if (!inst || inst.type !== OrgType.TransferInstitution) throw ContractsErrors.wrongOrgType('institutionId', OrgType.TransferInstitution);
    }
    await this.tx.run(async (m) => {
      await this.repo.saveBrokerProfile(m, { userId, tier: dto.tier, filingNumber: dto.filingNumber.trim(), professionalTitle: dto.professionalTitle ?? null, institutionId: dto.institutionId ?? null });
      await this.identity.audit(m, actor, { action: 'set-broker-profile', entityType: 'user', entityId: userId, changes: { ...dto } });
    });
    return this.getBroker(userId);
  }

  /** The register of filed brokers with their record (contracts, pipeline, events), one page at a time. */
  async listBrokers(q: { page: number; pageSize: number }): Promise<Page<BrokerResponse>> {
    const { skip, take } = skipTake(q);
    const [ids, total] = await this.repo.listBrokerUserIds(this.tx.manager, skip, take);
    // A profile whose user is gone is left out rather than failing the page.
    const items = (await Promise.all(ids.map((id) => this.getBroker(id).catch(() => null)))).filter((b): b is BrokerResponse => !!b);
    return pageOf(items, total, q);
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
}
