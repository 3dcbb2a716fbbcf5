import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor, ChineseTokenizer, Clock, DomainError, hasRole, isFieldOf, isPlatformStaff, JobName, OrgType, OutboxService, Page, pageOf, Role, SEARCH_INDEX, SearchFilter,
  SearchIndex, skipTake, TransactionRunner,
} from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { demandCsvHeader, demandCsvRow } from './demand.csv';
import { deadlineInstant, isDeadlinePassed } from './demand.deadline';
import { DemandErrors } from './demand.exception';
import { DEMANDS_INDEX, DemandDocument } from './demand.projection';
import { DemandCriteria, DemandRepository, ViewerScope } from './demand.repository';
import { assertDemandEditable, DemandStatus, LISTED_DEMAND_STATUSES, transitionDemand } from './demand.state-machine';
import { canReadDescription as canRead, isDemandOwner, readableFilter as readableFilterOf, readableVisibilities, VisibilitySubject } from './demand.visibility';
import {
  AssignBrokerDto, CreateDemandDto, DemandBrokerResponse, DemandListQuery, DemandResponse, DemandSearchQuery, DemandSearchResponse, DemandView,
  mapDemand, redactedView, UpdateDemandDto,
} from './dto/demand.dto';
import { Demand } from './entities/demand.entity';

/** Exports stop here: a bigger extract is an administrator's job, not a download. */
export const MAX_EXPORT_ROWS = 10_000;
const AUTO_DECLINE_ON_CLOSE = 'demand closed';

/** What an import line provides, already validated against demand.schema.json. */
export interface DemandImportRecord extends CreateDemandDto {
  externalId: string;
  enterprise: NonNullable<CreateDemandDto['enterprise']> & { name: string };
}

@Injectable()
export class DemandService {
  private readonly logger = new Logger('DemandService');

  constructor(
    private readonly repo: DemandRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tokenizer: ChineseTokenizer,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  // ---- facade for other contexts (read-only) ----

  /** For the matching reconciler: (id, version) of listed demands after `after` in id order, changed before `changedBefore`. */
  listedDemandVersions(after: string | null, limit: number, changedBefore: Date): Promise<Array<{ id: string; version: number }>> {
    return this.repo.listedVersionsPage(this.tx.manager, after, limit, changedBefore);
  }

  /** Full demands by id, any status, no permission filter: for other contexts' internal use (then `redact`). */
  async getDemandsByIds(ids: string[]): Promise<DemandResponse[]> {
    const rows = await this.repo.findByIds(this.tx.manager, [...new Set(ids)]);
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.filter((id, i) => byId.has(id) && ids.indexOf(id) === i).map((id) => mapDemand(byId.get(id)!));
  }

  /** May this viewer read the description (and all fields beyond title, industry, field and park)? */
  canReadDescription(actor: Actor | null | undefined, demand: DemandResponse | VisibilitySubject): boolean {
    return canRead(actor, 'enterprise' in demand ? { visibility: demand.visibility, enterpriseId: demand.enterprise.id } : demand);
  }

  /** The one redaction rule, for lists, detail, search, match results and exports alike. */
  redact(actor: Actor | null | undefined, demand: DemandResponse): DemandView {
    if (!this.canReadDescription(actor, demand)) return redactedView(demand);
    // Contact details are for signed-in readers only, so public demands cannot be scraped for phone numbers.
    return actor ? demand : { ...demand, contact: null };
  }

  /** Index filter for the demands this viewer may read in full (null = all): apply before ranking. */
  readableFilter(actor: Actor | null | undefined): SearchFilter | null {
    return readableFilterOf(actor);
  }

  /** May the viewer see that this demand exists at all (drafts are private to the enterprise)? */
  isVisible(actor: Actor | null | undefined, demand: { status: DemandStatus; enterprise: { id: string } } | Demand): boolean {
    const enterpriseId = 'enterprise' in demand ? demand.enterprise.id : demand.enterpriseId;
    return demand.status !== 'draft' || isDemandOwner(actor, { enterpriseId }) || isPlatformStaff(actor);
  }

  // ---- commands ----

  async create(actor: Actor, dto: CreateDemandDto): Promise<DemandResponse> {
    if (actor.orgType !== OrgType.Enterprise) throw DemandErrors.notAnEnterprise();
    const org = await this.identity.findOrganisation(actor.orgId);
    if (!org) throw DemandErrors.notAnEnterprise();
    this.checkContent({ industry: dto.industry, field: dto.field ?? null });
    const deadlineAt = this.checkDeadline(dto.deadline);
    if (dto.enterprise?.creditCode && org.creditCode && dto.enterprise.creditCode !== org.creditCode) throw DemandErrors.creditCodeMismatch();
    return this.tx.run(async (m) => {
      const source = dto.source ?? 'manual';
      if (dto.externalId && (await this.repo.findBySourceAndExternalId(m, source, dto.externalId))) throw DemandErrors.duplicateExternalId();
      const d = await this.repo.save(m, {
        source,
        externalId: dto.externalId ?? null,
        title: dto.title,
        description: dto.description,
        keywords: normaliseKeywords(dto.keywords),
        industry: dto.industry,
        field: dto.field ?? null,
        minTrl: dto.minTrl ?? null,
        budget: dto.budget ?? null,
        cooperationModes: dto.cooperationModes ?? [],
        park: dto.park ?? org.parkCode ?? null,
        deadlineAt,
        visibility: dto.visibility ?? 'public',
        enterpriseId: org.id,
        enterpriseName: dto.enterprise?.name ?? org.name,
        enterpriseCreditCode: org.creditCode ?? dto.enterprise?.creditCode ?? null,
        enterpriseRegion: org.region ?? 'other',
        qualifications: dto.enterprise?.qualifications ?? [],
        contactName: dto.contact?.name ?? null,
        contactPhone: dto.contact?.phone ?? null,
        contactEmail: dto.contact?.email ?? null,
        status: 'draft',
        createdBy: actor.userId,
        version: 1,
      });
      await this.identity.audit(m, actor, { action: 'demand.create', entityType: 'demand', entityId: d.id, changes: { title: d.title } });
      return mapDemand(d);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateDemandDto): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.managed(m, actor, id);
      assertDemandEditable(d.status);
      const before = { deadline: d.deadlineAt?.getTime() ?? null };
      if (dto.title !== undefined) d.title = dto.title;
      if (dto.description !== undefined) d.description = dto.description;
      if (dto.keywords !== undefined) d.keywords = normaliseKeywords(dto.keywords);
      if (dto.industry !== undefined) d.industry = dto.industry;
      if (dto.field !== undefined) d.field = dto.field;
      if (dto.minTrl !== undefined) d.minTrl = dto.minTrl;
      if (dto.budget !== undefined) d.budget = dto.budget;
      if (dto.cooperationModes !== undefined) d.cooperationModes = dto.cooperationModes;
      if (dto.park !== undefined) d.park = dto.park;
      if (dto.visibility !== undefined) d.visibility = dto.visibility;
      if (dto.deadline !== undefined) d.deadlineAt = this.checkDeadline(dto.deadline);
      if (dto.enterprise?.name !== undefined) d.enterpriseName = dto.enterprise.name;
      if (dto.enterprise?.qualifications !== undefined) d.qualifications = dto.enterprise.qualifications;
      if (dto.enterprise?.creditCode !== undefined && d.enterpriseCreditCode && dto.enterprise.creditCode !== d.enterpriseCreditCode) {
        throw DemandErrors.creditCodeMismatch();
      }
      if (dto.contact !== undefined) {
        d.contactName = dto.contact?.name ?? null;
        d.contactPhone = dto.contact?.phone ?? null;
        d.contactEmail = dto.contact?.email ?? null;
      }
      this.checkContent(d);
      d.version += 1;
      const saved = await this.repo.save(m, d);
      if (saved.status === 'published') {
        await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
        if ((saved.deadlineAt?.getTime() ?? null) !== before.deadline) await this.scheduleExpiry(m, saved);
        await this.enqueueMatching(m, saved);
      }
      await this.identity.audit(m, actor, { action: 'demand.update', entityType: 'demand', entityId: d.id, changes: { fields: Object.keys(dto) } });
      return mapDemand(saved);
    });
  }

  async publish(actor: Actor, id: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.managed(m, actor, id);
      d.status = transitionDemand(d.status, 'publish');
      if (isDeadlinePassed(d.deadlineAt, this.clock.now())) throw DemandErrors.pastDeadline();
      const now = this.clock.now();
      d.publishedAt = now;
      d.statusChangedAt = now;
      d.version += 1;
      const saved = await this.repo.save(m, d);
      await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
      await this.scheduleExpiry(m, saved);
      await this.enqueueMatching(m, saved);
      await this.identity.audit(m, actor, { action: 'demand.publish', entityType: 'demand', entityId: d.id });
      return mapDemand(saved);
    });
  }

  async close(actor: Actor, id: string, reason: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.managed(m, actor, id);
      d.status = transitionDemand(d.status, 'close');
      d.closeReason = reason;
      const saved = await this.changeStatus(m, d);
      for (const p of await this.repo.findOpenProposals(m, d.id)) {
        await this.repo.saveProposal(m, { ...p, status: 'declined', declineReason: AUTO_DECLINE_ON_CLOSE, decidedAt: this.clock.now(), decidedBy: actor.userId });
        await this.notifications.notify({
          orgId: p.proposerOrgId, kind: 'demand.proposal-declined', dedupeKey: `proposal:${p.id}:declined`, link: `/demands/${d.id}`,
          title: { zh: `需求「${d.title}」已关闭，您的揭榜方案未被采纳`, en: `Demand '${d.title}' was closed; your proposal was declined` },
        }, m);
      }
      await this.identity.audit(m, actor, { action: 'demand.close', entityType: 'demand', entityId: d.id, changes: { reason } });
      return mapDemand(saved);
    });
  }

  async solve(actor: Actor, id: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.managed(m, actor, id);
      d.status = transitionDemand(d.status, 'solve');
      const saved = await this.changeStatus(m, d);
      await this.identity.audit(m, actor, { action: 'demand.solve', entityType: 'demand', entityId: d.id });
      return mapDemand(saved);
    });
  }

  async reopen(actor: Actor, id: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.managed(m, actor, id);
      d.status = transitionDemand(d.status, 'reopen');
      d.closeReason = null;
      const saved = await this.changeStatus(m, d);
      await this.identity.audit(m, actor, { action: 'demand.reopen', entityType: 'demand', entityId: d.id });
      return mapDemand(saved);
    });
  }

  /** Called by the proposal flow inside its transaction when the enterprise awards a proposal. */
  async startNegotiation(m: EntityManager, d: Demand): Promise<Demand> {
    d.status = transitionDemand(d.status, 'start-negotiation');
    return this.changeStatus(m, d);
  }

  /**
   * The expiry job: re-reads the demand and skips when it has moved on (status changed, or the deadline was moved).
   * A demand with open proposals stays published after its deadline so the enterprise can still decide on them.
   */
  async expire(demandId: string): Promise<'expired' | 'skipped' | 'awaiting-decision'> {
    return this.tx.run(async (m) => {
      const d = await this.repo.findByIdForUpdate(m, demandId);
      if (!d || d.status !== 'published' || !isDeadlinePassed(d.deadlineAt, this.clock.now())) return 'skipped';
      const open = await this.repo.findOpenProposals(m, d.id);
      if (open.length) {
        await this.notifications.notify({
          orgId: d.enterpriseId, kind: 'demand.deadline-reached', dedupeKey: `demand:${d.id}:deadline:${d.deadlineAt!.getTime()}`, link: `/demands/${d.id}/proposals`,
          title: { zh: `需求「${d.title}」揭榜已截止，请评审 ${open.length} 份方案`, en: `Proposals for '${d.title}' are closed: ${open.length} to review` },
        }, m);
        return 'awaiting-decision';
      }
      d.status = transitionDemand(d.status, 'expire');
      await this.changeStatus(m, d);
      await this.notifications.notify({
        orgId: d.enterpriseId, kind: 'demand.expired', dedupeKey: `demand:${d.id}:expired:${d.deadlineAt!.getTime()}`, link: `/demands/${d.id}`,
        title: { zh: `需求「${d.title}」已到截止日期，未收到揭榜方案`, en: `Demand '${d.title}' reached its deadline without proposals` },
      }, m);
      await this.identity.audit(m, null, { action: 'demand.expire', entityType: 'demand', entityId: d.id });
      return 'expired';
    });
  }

  async assignBroker(actor: Actor, id: string, dto: AssignBrokerDto): Promise<DemandBrokerResponse> {
    const user = await this.identity.findUser(dto.userId);
    if (!user || !user.effectiveRoles.includes(Role.Broker)) throw DemandErrors.notABroker();
    return this.tx.run(async (m) => {
      const d = await this.managed(m, actor, id);
      const b = await this.repo.assignBroker(m, { demandId: d.id, userId: user.id, assignedBy: actor.userId });
      await this.notifications.notify({
        userId: user.id, kind: 'demand.broker-assigned', dedupeKey: `demand:${d.id}:broker:${user.id}`, link: `/demands/${d.id}`,
        title: { zh: `您被指派跟进技术需求「${d.title}」`, en: `You were assigned to follow the demand '${d.title}'` },
      }, m);
      await this.identity.audit(m, actor, { action: 'demand.assign-broker', entityType: 'demand', entityId: d.id, changes: { userId: user.id } });
      return { demandId: d.id, userId: user.id, displayName: user.displayName, assignedAt: b.assignedAt.toISOString() };
    });
  }

  /** Assigned to follow the demand, and a broker in effect now (an assignment outlives no revocation). */
  async isAssignedBroker(m: EntityManager, actor: Actor, demandId: string): Promise<boolean> {
    return hasRole(actor, Role.Broker) && (await this.repo.isAssignedBroker(m, demandId, actor.userId));
  }

  async listBrokers(actor: Actor, id: string): Promise<DemandBrokerResponse[]> {
    const m = this.tx.manager;
    const d = await this.repo.findById(m, id);
    if (!d || !(this.canManage(actor, d) || (await this.isAssignedBroker(m, actor, d.id)))) throw DemandErrors.demandNotFound();
    const rows = await this.repo.listBrokers(m, d.id);
    const users = await Promise.all(rows.map((r) => this.identity.findUser(r.userId)));
    return rows.map((r, i) => ({ demandId: r.demandId, userId: r.userId, displayName: users[i]?.displayName ?? '', assignedAt: r.assignedAt.toISOString() }));
  }

  // ---- queries ----

  async get(actor: Actor | null, id: string): Promise<DemandView> {
    const d = await this.repo.findById(this.tx.manager, id);
    if (!d || !this.isVisible(actor, d)) throw DemandErrors.demandNotFound();
    return this.redact(actor, mapDemand(d));
  }

  async list(actor: Actor | null, q: DemandListQuery): Promise<Page<DemandView>> {
    const criteria = this.criteriaOf(actor, q);
    if (!criteria) return pageOf([], 0, q);
    const [rows, total] = await this.repo.list(this.tx.manager, this.scopeOf(actor), criteria, skipTake(q));
    return pageOf(rows.map((d) => this.redact(actor, mapDemand(d))), total, q);
  }

  /** CSV lines (header first), each demand redacted for this viewer exactly as in the list. */
  async *exportCsv(actor: Actor | null, q: DemandListQuery): AsyncGenerator<string> {
    yield demandCsvHeader() + '\r\n';
    const criteria = this.criteriaOf(actor, q);
    if (!criteria) return;
    for await (const rows of this.repo.iterate(this.tx.manager, this.scopeOf(actor), criteria, MAX_EXPORT_ROWS)) {
      yield rows.map((d) => demandCsvRow(this.redact(actor, mapDemand(d))) + '\r\n').join('');
    }
  }

  /**
   * Full-text search over listed demands. Demands the viewer may read are searched by the engine on every field;
   * the others only by title (in PostgreSQL), come back redacted after the readable ones, and count only in the
   * industry and park facets, so neither hits nor facets reveal anything of what the viewer may not read.
   */
  async searchDemands(actor: Actor | null, q: DemandSearchQuery): Promise<DemandSearchResponse> {
    const { skip, take } = skipTake(q);
    const text = q.q?.trim() ?? '';
    const readable = readableFilterOf(actor);
    const filters: SearchFilter[] = [{ field: 'status', in: q.status ? [q.status] : LISTED_DEMAND_STATUSES }];
    if (q.industry) filters.push({ field: 'industry', eq: q.industry });
    if (q.field) filters.push({ field: 'field', eq: q.field });
    if (q.park) filters.push({ field: 'park', eq: q.park });
    if (q.cooperationMode) filters.push({ field: 'cooperationModes', eq: q.cooperationMode });
    if (q.budgetMin !== undefined) filters.push({ field: 'budget', gte: q.budgetMin });
    if (readable) filters.push(readable);
    const a = await this.search.search<DemandDocument>(DEMANDS_INDEX, {
      q: text || undefined,
      filter: { and: filters },
      facets: ['industry', 'park', 'cooperationModes'],
      sort: text ? undefined : ['publishedAt:desc'],
      offset: skip,
      limit: take,
      attributesToRetrieve: ['id'],
    });
    const hiddenFilterUsed = !!(q.cooperationMode || q.budgetMin !== undefined || q.status);
    let redactedRows: Demand[] = [];
    let redactedTotal = 0;
    let redactedFacets: { industry: Record<string, number>; park: Record<string, number> } = { industry: {}, park: {} };
    if (readable && !hiddenFilterUsed) {
      const bSkip = Math.max(0, skip - a.total);
      const bTake = Math.max(0, take - a.hits.length);
      const b = await this.repo.searchUnreadableByTitle(
        this.tx.manager, this.scopeOf(actor),
        { terms: text ? this.tokenizer.queryTerms(text) : [], industry: q.industry, field: q.field, park: q.park },
        { skip: bSkip, take: bTake },
      );
      redactedRows = b.rows;
      redactedTotal = b.total;
      redactedFacets = b.facets;
    }
    const ids = a.hits.map((h) => h.document.id);
    const rows = new Map((await this.repo.findByIds(this.tx.manager, ids)).map((d) => [d.id, d]));
    const items = [
      // Rows read back from PostgreSQL: the index may lag a moment, the database decides what is shown.
      ...ids.map((id) => rows.get(id)).filter((d): d is Demand => !!d && LISTED_DEMAND_STATUSES.includes(d.status)),
      ...redactedRows,
    ].map((d) => this.redact(actor, mapDemand(d)));
    return {
      ...pageOf(items, a.total + redactedTotal, q),
      facets: {
        industry: addCounts(a.facets.industry ?? {}, redactedFacets.industry),
        park: addCounts(a.facets.park ?? {}, redactedFacets.park),
        cooperationMode: a.facets.cooperationModes ?? {},
      },
    };
  }

  // ---- import (called by the generic import framework inside its transaction) ----

  /** Upsert by source + externalId; the enterprise was resolved by the caller. Returns whether it was created. */
  async upsertImported(
    m: EntityManager,
    record: DemandImportRecord,
    enterprise: { id: string; name: string; creditCode: string | null; region: string; parkCode: string | null },
    importer: { userId: string; publish: boolean },
  ): Promise<{ id: string; created: boolean }> {
    this.checkContent({ industry: record.industry, field: record.field ?? null });
    const deadlineAt = this.checkDeadline(record.deadline);
    const source = record.source ?? 'manual';
    const existing = await this.repo.findBySourceAndExternalId(m, source, record.externalId);
    const content: Partial<Demand> = {
      title: record.title,
      description: record.description,
      keywords: normaliseKeywords(record.keywords),
      industry: record.industry,
      field: record.field ?? null,
      minTrl: record.minTrl ?? null,
      budget: record.budget ?? null,
      cooperationModes: record.cooperationModes ?? [],
      park: record.park ?? enterprise.parkCode ?? null,
      deadlineAt,
      visibility: record.visibility ?? 'public',
      enterpriseId: enterprise.id,
      enterpriseName: record.enterprise.name,
      enterpriseCreditCode: record.enterprise.creditCode ?? enterprise.creditCode,
      enterpriseRegion: enterprise.region,
      qualifications: record.enterprise.qualifications ?? [],
    };
    if (existing) {
      // A source's identifiers belong to one enterprise: another one's line must not take the demand over.
      if (existing.enterpriseId !== enterprise.id) throw DomainError.validation('externalId', { zh: '该外部编号已属于另一家企业的需求', en: "externalId already belongs to another enterprise's demand" }, 'externalIdTaken');
      assertDemandEditable(existing.status);
      const saved = await this.repo.save(m, { ...existing, ...content, version: existing.version + 1 });
      if (saved.status === 'published') {
        await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
        if ((existing.deadlineAt?.getTime() ?? null) !== (saved.deadlineAt?.getTime() ?? null)) await this.scheduleExpiry(m, saved);
      }
      return { id: saved.id, created: false };
    }
    // A platform administrator's `publish` import (an official collection campaign) goes live; others land as drafts.
    const now = this.clock.now();
    const saved = await this.repo.save(m, {
      ...content, source, externalId: record.externalId, status: importer.publish ? 'published' : 'draft', publishedAt: importer.publish ? now : null,
      statusChangedAt: now, createdBy: importer.userId, version: 1,
    });
    if (saved.status === 'published') {
      await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
      await this.scheduleExpiry(m, saved);
      await this.enqueueMatching(m, saved);
    }
    return { id: saved.id, created: true };
  }

  // ---- helpers ----

  private canManage(actor: Actor, d: Demand): boolean {
    return actor.orgId === d.enterpriseId || hasRole(actor, Role.PlatformAdmin);
  }

  /** The demand, locked, if this actor may change it; everyone else gets 404 (it is not theirs). */
  async managed(m: EntityManager, actor: Actor, id: string): Promise<Demand> {
    const d = await this.repo.findByIdForUpdate(m, id);
    if (!d || !this.canManage(actor, d)) throw DemandErrors.demandNotFound();
    return d;
  }

  private async changeStatus(m: EntityManager, d: Demand): Promise<Demand> {
    d.statusChangedAt = this.clock.now();
    d.version += 1;
    const saved = await this.repo.save(m, d);
    await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
    return saved;
  }

  /** One delayed job per (demand, deadline): a moved deadline gets a new job, the old one finds nothing to do. */
  private async scheduleExpiry(m: EntityManager, d: Demand): Promise<void> {
    if (d.status !== 'published' || !d.deadlineAt) return;
    await this.outbox.enqueue(m, JobName.DemandExpire, { demandId: d.id }, {
      jobId: `demand:${d.id}:expire:${d.deadlineAt.getTime()}`,
      delayMs: Math.max(0, d.deadlineAt.getTime() - this.clock.now().getTime()),
    });
  }

  private async enqueueMatching(m: EntityManager, d: Demand): Promise<void> {
    await this.outbox.enqueue(m, JobName.ComputeDemandMatches, { demandId: d.id }, { jobId: `demand:${d.id}:matches:${d.version}` });
  }

  private checkContent(d: { industry: string; field: string | null }): void {
    if (d.field && !isFieldOf(d.industry, d.field)) throw DemandErrors.fieldNotOfIndustry();
  }

  private checkDeadline(input: string | null | undefined): Date | null {
    if (!input) return null;
    const at = deadlineInstant(input);
    if (isDeadlinePassed(at, this.clock.now())) throw DemandErrors.pastDeadline();
    return at;
  }

  private scopeOf(actor: Actor | null): ViewerScope {
    const staff = isPlatformStaff(actor);
    return { readableLevels: staff ? null : readableVisibilities(actor), orgId: actor?.orgId ?? null, seesAllDrafts: staff };
  }

  /** Query → criteria; null when the query cannot match anything for this viewer. */
  private criteriaOf(actor: Actor | null, q: DemandListQuery): DemandCriteria | null {
    let enterpriseId = q.enterpriseId;
    if (q.mine) {
      if (!actor || (enterpriseId && enterpriseId !== actor.orgId)) return null;
      enterpriseId = actor.orgId;
    }
    const ownView = !!actor && (enterpriseId === actor.orgId || isPlatformStaff(actor));
    // Others see listed demands unless they ask for a status; own demands are listed in every status.
    const statuses: DemandStatus[] | undefined = q.status ? [q.status] : ownView ? undefined : LISTED_DEMAND_STATUSES;
    return {
      statuses, industry: q.industry, field: q.field, park: q.park, visibility: q.visibility, enterpriseId, source: q.source, externalId: q.externalId,
      titleContains: q.q?.trim() || undefined, cooperationMode: q.cooperationMode, budgetMin: q.budgetMin,
    };
  }

  // ======== monitoring feed (read-only; added for the monitoring context, owner may reshape) ========

  /** Demands first published in [from, to), whatever their status since: the records behind monitoring's demands-posted figure. */
  async demandsPublishedBetween(from: Date, to: Date): Promise<DemandResponse[]> {
    const everyone: ViewerScope = { readableLevels: null, orgId: null, seesAllDrafts: true };
    const criteria: DemandCriteria = { statuses: ['published', 'in-negotiation', 'solved', 'closed', 'expired'] };
    const found: Demand[] = [];
    // Newest first: stop at the first batch that reaches back before `from`.
    for await (const rows of this.repo.iterate(this.tx.manager, everyone, criteria, Number.MAX_SAFE_INTEGER)) {
      for (const d of rows) if (d.publishedAt && d.publishedAt >= from && d.publishedAt < to) found.push(d);
      if (rows.some((d) => !d.publishedAt || d.publishedAt < from)) break;
    }
    return this.getDemandsByIds(found.map((d) => d.id));
  }

  /** Proposals awarded in [from, to), with the demand's park: the records behind monitoring's proposals-awarded figure. */
  async proposalsAwardedBetween(from: Date, to: Date): Promise<Array<{ proposalId: string; demandId: string; park: string | null; awardedAt: string }>> {
    const everyone: ViewerScope = { readableLevels: null, orgId: null, seesAllDrafts: true };
    // An award moves the demand into negotiation; it may have been solved, closed or expired since.
    const criteria: DemandCriteria = { statuses: ['in-negotiation', 'solved', 'closed', 'expired'] };
    const out: Array<{ proposalId: string; demandId: string; park: string | null; awardedAt: string }> = [];
    for await (const rows of this.repo.iterate(this.tx.manager, everyone, criteria, Number.MAX_SAFE_INTEGER)) {
      for (const d of rows) {
        for (const p of await this.repo.listProposals(this.tx.manager, d.id)) {
          if (p.status === 'awarded' && p.decidedAt && p.decidedAt >= from && p.decidedAt < to) out.push({ proposalId: p.id, demandId: d.id, park: d.park, awardedAt: p.decidedAt.toISOString() });
        }
      }
    }
    return out;
  }
}

function normaliseKeywords(keywords: string[] | undefined): string[] {
  return [...new Set((keywords ?? []).map((k) => k.trim()).filter(Boolean))];
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
