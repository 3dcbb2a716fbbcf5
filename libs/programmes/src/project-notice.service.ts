import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, isPlatformStaff, refuseOwnOrganisation, SeparationRule, TransactionRunner } from '@techbridge/platform';
import { ObjectDto, ObjectionResponse, ResolveObjectionDto } from './dto/major-project.dto';
import { ProjectObjection } from './entities/project-objection.entity';
import { PROJECT_LIFECYCLE } from './major-project.state-machine';
import { noticePolicy } from './notice-policy';
import { ProgrammesAccessPolicy, ProjectPermission } from './programmes-access.policy';
import { ProgrammesErrors } from './programmes.exception';
import { ProgrammesRepository } from './programmes.repository';

/** Real-name objections during a project's public notice: the clock stands still while any is open. */
@Injectable()
export class ProjectNoticeService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly access: ProgrammesAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async object(actor: Actor, projectId: string, dto: ObjectDto): Promise<ObjectionResponse> {
    const saved = await this.tx.run(async (m) => {
      const p = await this.access.requireProject(m, actor, ProjectPermission.View, projectId, true);
      if (p.status !== 'public-notice') throw ProgrammesErrors.notInNotice();
      const now = this.clock.now();
      if (!p.noticePausedAt && noticePolicy(p.noticePolicyVersion!).objectionsPauseClock) {
        p.noticePausedAt = now;
        await this.repo.saveProject(m, p);
      }
      const o = await this.repo.saveObjection(m, { projectId: p.id, objectorUserId: actor.userId, realName: dto.realName.trim(), phone: dto.phone, grounds: dto.grounds.trim(), status: 'open' });
      await this.notifications.notify({
        orgId: p.proposedByOrgId, kind: 'programmes.objection', title: { zh: `重大项目「${p.title}」收到实名异议，公示暂停计时`, en: `A real-name objection to "${p.title}": the notice clock stands still` },
        link: `/programmes/projects/${p.id}`,
      }, m);
      return o;
    });
    return mapObjection(saved, true);
  }

  /** Upheld rejects the project; dismissed (the last open one) restarts the clock where it stood. */
  async resolve(actor: Actor, projectId: string, objectionId: string, dto: ResolveObjectionDto): Promise<ObjectionResponse> {
    const saved = await this.tx.run(async (m) => {
      const p = await this.access.requireProject(m, actor, ProjectPermission.View, projectId, true);
      const o = await this.repo.findObjection(m, p.id, objectionId);
      if (!o) throw ProgrammesErrors.objectionNotFound();
      if (o.status !== 'open') throw ProgrammesErrors.objectionNotFound();
      // Dismissing an objection to one's own proposal lets it through: the same rule as approving it.
      if (dto.outcome === 'dismissed') refuseOwnOrganisation(actor, [p.proposedByOrgId], SeparationRule.OwnMajorProjectDecision);
      const now = this.clock.now();
      o.status = dto.outcome;
      o.resolution = dto.resolution.trim();
      o.resolvedAt = now;
      await this.repo.saveObjection(m, o);
      if (dto.outcome === 'upheld') {
        p.status = PROJECT_LIFECYCLE.next(p.status, 'reject', p.id);
        p.closingNote = o.resolution;
      }
      if (p.noticePausedAt && (await this.repo.countOpenObjections(m, p.id)) === 0) {
        p.noticePausedMs += now.getTime() - p.noticePausedAt.getTime();
        p.noticePausedAt = null;
      }
      await this.repo.saveProject(m, p);
      await this.identity.audit(m, actor, { action: 'resolve-project-objection', entityType: 'major-project', entityId: p.id, changes: { objectionId: o.id, outcome: dto.outcome } });
      return o;
    });
    return mapObjection(saved, true);
  }

  /** Everyone who sees the project sees the objections; the objector's name only the proposer and staff. */
  async list(actor: Actor | null, projectId: string): Promise<ObjectionResponse[]> {
    const p = await this.access.requireProject(this.tx.manager, actor, ProjectPermission.View, projectId);
    const full = !!actor && (actor.orgId === p.proposedByOrgId || isPlatformStaff(actor));
    return (await this.repo.listObjections(this.tx.manager, p.id)).map((o) => mapObjection(o, full));
  }
}

function mapObjection(o: ProjectObjection, full: boolean): ObjectionResponse {
  return {
    id: o.id, projectId: o.projectId, realName: full ? o.realName : `${o.realName.slice(0, 1)}**`, grounds: o.grounds, status: o.status, resolution: o.resolution, createdAt: o.createdAt.toISOString(),
  };
}
