import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogService } from '@techbridge/catalog';
import { ContractsService } from '@techbridge/contracts';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, DomainError, isPlatformStaff, OrgType, Page, pageOf, parkOf, refuseOwnOrganisation, SeparationRule, skipTake, TransactionRunner } from '@techbridge/platform';
import { ApproveProjectDto, MajorProjectResponse, MidTermCheckDto, MilestoneDto, MilestoneResponse, ProjectQuery, ProposeProjectDto } from './dto/major-project.dto';
import { MajorProject } from './entities/major-project.entity';
import { ProjectMilestone } from './entities/project-milestone.entity';
import { PROJECT_LIFECYCLE, ProjectAction, PUBLIC_STATUSES, REPORTING } from './major-project.state-machine';
import { noticeEndsAt, noticePolicy, noticePolicyAt, noticeRemainingMs } from './notice-policy';
import { ProgrammesAccessPolicy, ProjectPermission } from './programmes-access.policy';
import { ProgrammesErrors } from './programmes.exception';
import { ProgrammesRepository } from './programmes.repository';

/** The major projects portfolio: proposal, shortlist, public notice, approval for a year and level, milestones, closing. */

/** Steps that carry a project forward: the proposer's own organisation never takes them. */
const FAVOURABLE: readonly ProjectAction[] = ['shortlist', 'start-notice', 'approve', 'pass-mid-term', 'accept'];
@Injectable()
export class MajorProjectService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly access: ProgrammesAccessPolicy,
    private readonly identity: IdentityService,
    private readonly catalog: CatalogService,
    private readonly contracts: ContractsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** A park administration proposes for its park, a city administration for a park of its city, platform staff for any park. */
  async propose(actor: Actor, dto: ProposeProjectDto): Promise<MajorProjectResponse> {
    const byPark = !isPlatformStaff(actor) && actor.orgType !== OrgType.CityAdministration;
    const parkCode = byPark ? actor.parkCode : dto.parkCode;
    if (byPark && dto.parkCode && dto.parkCode !== actor.parkCode) throw ProgrammesErrors.ownParkOnly();
    // Links name what the public can check: published achievements, registered contracts, enterprises.
    const achievementIds = [...new Set(dto.achievementIds ?? [])];
    const achievements = await this.catalog.getAchievementsByIds(achievementIds);
    if (achievements.length !== achievementIds.length || achievements.some((a) => a.status !== 'published')) throw ProgrammesErrors.linkedNotFound('achievementIds');
    const contractIds = [...new Set(dto.contractIds ?? [])];
    if ((await this.contracts.registeredContracts(contractIds)).length !== contractIds.length) throw ProgrammesErrors.linkedNotFound('contractIds');
    const saved = await this.tx.run(async (m) => {
      await this.access.requireProjectAdministration(m, actor);
      const park = parkCode ? parkOf(parkCode) : undefined;
      if (!park) throw ProgrammesErrors.linkedNotFound('parkCode');
      await this.access.requireParkOfMyCity(m, actor, park);
      const enterpriseIds = [...new Set(dto.enterpriseIds ?? [])];
      const orgs = await this.identity.findOrganisations(enterpriseIds, m);
      if (enterpriseIds.some((id) => orgs.get(id)?.type !== OrgType.Enterprise)) throw ProgrammesErrors.linkedNotFound('enterpriseIds');
      const p = await this.repo.saveProject(m, {
        title: dto.title.trim(), summary: dto.summary.trim(), parkCode: park.code, city: park.city, proposedByOrgId: actor.orgId, proposedLevel: dto.proposedLevel,
        achievementIds, enterpriseIds, contractIds, status: 'proposed',
      });
      await this.identity.audit(m, actor, { action: 'propose-major-project', entityType: 'major-project', entityId: p.id, changes: { title: p.title, parkCode: p.parkCode } });
      return p;
    });
    return this.view(actor, saved);
  }

  async list(actor: Actor | null, q: ProjectQuery): Promise<Page<MajorProjectResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listProjects(this.tx.manager, {
      visibleOrgId: actor?.orgId ?? null, staff: isPlatformStaff(actor), publicStatuses: PUBLIC_STATUSES, status: q.status, year: q.year, parkCode: q.parkCode,
    }, skip, take);
    return pageOf(rows.map((p) => this.view(actor, p)), total, q);
  }

  async get(actor: Actor | null, id: string): Promise<MajorProjectResponse> {
    return this.view(actor, await this.access.requireProject(this.tx.manager, actor, ProjectPermission.View, id));
  }

  /** Platform administrators move the project along (the route guard admits them only). */
  async transition(actor: Actor, id: string, action: Exclude<ProjectAction, 'approve' | 'pass-mid-term' | 'fail-mid-term'>, note?: string): Promise<MajorProjectResponse> {
    return this.step(actor, id, action, (p) => {
      if (action === 'start-notice') {
        const now = this.clock.now();
        p.noticePolicyVersion = noticePolicyAt(now).version;
        p.noticeStartedAt = now;
        p.noticePausedAt = null;
        p.noticePausedMs = 0;
      }
      if (note) p.closingNote = note.trim();
    });
  }

  /** Approval for a year and level, once the notice has run its full time with no objection open. */
  async approve(actor: Actor, id: string, dto: ApproveProjectDto): Promise<MajorProjectResponse> {
    return this.step(actor, id, 'approve', async (p, m) => {
      if ((await this.repo.countOpenObjections(m, p.id)) > 0) throw ProgrammesErrors.objectionsOpen();
      const ends = noticeEndsAt(noticePolicy(p.noticePolicyVersion!), { startedAt: p.noticeStartedAt!, pausedAt: p.noticePausedAt, pausedMs: p.noticePausedMs });
      if (!ends || ends > this.clock.now()) throw ProgrammesErrors.noticeRunning(ends?.toISOString() ?? null);
      p.year = dto.year;
      p.level = dto.level;
      p.approvedAt = this.clock.now();
    });
  }

  async midTermCheck(actor: Actor, id: string, dto: MidTermCheckDto): Promise<MajorProjectResponse> {
    return this.step(actor, id, dto.passed ? 'pass-mid-term' : 'fail-mid-term', (p) => {
      p.closingNote = dto.note.trim();
    });
  }

  async reportMilestone(actor: Actor, id: string, dto: MilestoneDto): Promise<MilestoneResponse> {
    const saved = await this.tx.run(async (m) => {
      const p = await this.access.requireProject(m, actor, ProjectPermission.Report, id);
      if (!REPORTING.includes(p.status)) throw DomainError.illegalTransition('major project', p.status, 'report-milestone');
      const x = await this.repo.saveMilestone(m, { projectId: p.id, quarter: dto.quarter, progress: dto.progress, summary: dto.summary.trim(), evidence: dto.evidence.trim(), reportedBy: actor.userId });
      await this.identity.audit(m, actor, { action: 'report-project-milestone', entityType: 'major-project', entityId: p.id, changes: { quarter: dto.quarter, progress: dto.progress } });
      return x;
    });
    return mapMilestone(saved);
  }

  async milestones(actor: Actor | null, id: string): Promise<MilestoneResponse[]> {
    const p = await this.access.requireProject(this.tx.manager, actor, ProjectPermission.View, id);
    return (await this.repo.listMilestones(this.tx.manager, p.id)).map(mapMilestone);
  }

  private async step(actor: Actor, id: string, action: ProjectAction, apply: (p: MajorProject, m: EntityManager) => void | Promise<void>): Promise<MajorProjectResponse> {
    const saved = await this.tx.run(async (m) => {
      const p = await this.access.requireProject(m, actor, ProjectPermission.View, id, true);
      // Advancing one's own proposal is self-approval; rejecting or ending it is not.
      if (FAVOURABLE.includes(action)) refuseOwnOrganisation(actor, [p.proposedByOrgId], SeparationRule.OwnMajorProjectDecision);
      const from = p.status;
      PROJECT_LIFECYCLE.assert(p.status, action);
      await apply(p, m);
      p.status = PROJECT_LIFECYCLE.next(p.status, action, p.id);
      const s = await this.repo.saveProject(m, p);
      await this.identity.audit(m, actor, { action: `${action}-major-project`, entityType: 'major-project', entityId: p.id, changes: { from, to: s.status, ...(s.year ? { year: s.year, level: s.level } : {}) } });
      return s;
    });
    return this.view(actor, saved);
  }

  view(actor: Actor | null, p: MajorProject): MajorProjectResponse {
    const policy = p.noticePolicyVersion ? noticePolicy(p.noticePolicyVersion) : null;
    const clock = p.noticeStartedAt ? { startedAt: p.noticeStartedAt, pausedAt: p.noticePausedAt, pausedMs: p.noticePausedMs } : null;
    const ends = policy && clock ? noticeEndsAt(policy, clock) : null;
    return {
      id: p.id, title: p.title, summary: p.summary, parkCode: p.parkCode, city: p.city, proposedByOrgId: p.proposedByOrgId, proposedLevel: p.proposedLevel,
      achievementIds: p.achievementIds, enterpriseIds: p.enterpriseIds, contractIds: p.contractIds, status: p.status, year: p.year, level: p.level,
      notice: policy && clock ? {
        policyVersion: policy.version, noticeDays: policy.noticeDays, startedAt: clock.startedAt.toISOString(), endsAt: ends?.toISOString() ?? null, paused: !!clock.pausedAt,
        remainingMs: p.status === 'public-notice' ? noticeRemainingMs(policy, clock, this.clock.now()) : 0,
      } : null,
      approvedAt: p.approvedAt?.toISOString() ?? null, closingNote: p.closingNote,
      allowedActions: isPlatformStaff(actor) ? PROJECT_LIFECYCLE.allowed(p.status) : [],
      createdAt: p.createdAt.toISOString(),
    };
  }
}

function mapMilestone(x: ProjectMilestone): MilestoneResponse {
  return { id: x.id, quarter: x.quarter, progress: x.progress, summary: x.summary, evidence: x.evidence, createdAt: x.createdAt.toISOString() };
}
