import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, actsAs, DomainError, hasRole, isPlatformStaff, OrgType, refuseOwnOrganisation, Role, SeparationRule } from '@techbridge/platform';
import { AchievementRepository } from './achievement.repository';
import { CatalogErrors } from './catalog.exception';
import { Achievement, AchievementStatus } from './entities/achievement.entity';
import { GuideCatalog } from './entities/guide-catalog.entity';
import { ImportJob } from './entities/import-job.entity';
import { TechnologyPackage } from './entities/technology-package.entity';
import { PackageRepository } from './package.repository';

/** What a caller asks to do with an achievement (the service names it, the policy decides; immich's requireAccess idea). */
export enum AchievementPermission {
  /** Published: everyone; otherwise the owner organisation, platform administrators and its reviewers once submitted. */
  Read = 'achievement.read',
  /** Its files: as Read, and platform staff for every achievement. */
  ReadFiles = 'achievement.read-files',
  /** The review history and the review fields: the owner organisation and its reviewers. */
  ReadReview = 'achievement.read-review',
  /** Content and the owner's lifecycle steps: the owner organisation. */
  Edit = 'achievement.edit',
  /** Taking a published achievement down: the owner organisation or a platform administrator. */
  Withdraw = 'achievement.withdraw',
  /** Approve or return: platform reviewers, and park reviewers for the park's key industries, of a verified organisation. */
  Review = 'achievement.review',
}

/** Which achievements a list shows beyond the published ones. */
export type AchievementListScope = 'all' | { ownerId?: string; extraStatuses?: AchievementStatus[]; extraIndustries?: string[] | null };

/** Statuses a reviewer sees in lists besides published ones (drafts stay the owner's). */
const REVIEWER_STATUSES: AchievementStatus[] = ['submitted', 'returned', 'withdrawn', 'transferred'];

/** The one place that decides who sees and does what in the catalog: achievements, packages, the guide catalog, imports. */
@Injectable()
export class CatalogAccessPolicy {
  constructor(
    private readonly achievements: AchievementRepository,
    private readonly packages: PackageRepository,
    private readonly identity: IdentityService,
  ) {}

  // ---- achievements ----

  isOwnerMember(actor: Actor | null, a: Pick<Achievement, 'ownerId'>): boolean {
    return !!actor && actor.orgId === a.ownerId;
  }

  /** Platform administrators and platform reviewers review everything; park reviewers the park's key industries. */
  async canReview(actor: Actor | null, a: Pick<Achievement, 'industry'>, m: EntityManager): Promise<boolean> {
    if (!actor) return false;
    if (hasRole(actor, Role.PlatformAdmin)) return true;
    if (!hasRole(actor, Role.Reviewer)) return false;
    if (actor.orgType === OrgType.Platform) return true;
    // Park reviewers speak for a park's administration: a reviewer in any other organisation with a park code is not one.
    if (!actor.parkCode || actor.orgType !== OrgType.ParkAdministration) return false;
    const industries = await this.achievements.parkKeyIndustries(m, actor.parkCode);
    return !!industries?.includes(a.industry);
  }

  private async canSee(actor: Actor | null, a: Achievement, m: EntityManager): Promise<boolean> {
    if (a.status === 'published') return true;
    if (this.isOwnerMember(actor, a) || hasRole(actor, Role.PlatformAdmin)) return true;
    return a.status !== 'draft' && (await this.canReview(actor, a, m));
  }

  /** The owner and its reviewers see the review fields and history. */
  async seesReview(actor: Actor | null, a: Achievement, m: EntityManager): Promise<boolean> {
    return this.isOwnerMember(actor, a) || (await this.canReview(actor, a, m));
  }

  /** The list filter matching `canSee`. */
  async listScope(actor: Actor | null, m: EntityManager): Promise<AchievementListScope> {
    if (hasRole(actor, Role.PlatformAdmin)) return 'all';
    if (!actor) return {};
    const reviewer = hasRole(actor, Role.Reviewer);
    const platformReviewer = reviewer && actor.orgType === OrgType.Platform;
    const parkIndustries = reviewer && !platformReviewer && actor.parkCode && actor.orgType === OrgType.ParkAdministration ? await this.achievements.parkKeyIndustries(m, actor.parkCode) : null;
    return {
      ownerId: actor.orgId,
      extraStatuses: platformReviewer || parkIndustries ? REVIEWER_STATUSES : [],
      extraIndustries: platformReviewer ? null : parkIndustries,
    };
  }

  /**
   * Load an achievement for a permission (`lock` takes its row lock). Anything the caller may not see, or may not
   * act on as owner, is a 404; a reviewer step by the owner is a 403, and by an unverified organisation's reviewer too.
   */
  async requireAchievement(m: EntityManager, actor: Actor | null, permission: AchievementPermission, id: string, opts: { lock?: boolean } = {}): Promise<Achievement> {
    const a = await this.achievements.find(m, id, opts.lock ?? false);
    if (!a) throw CatalogErrors.achievementNotFound();
    switch (permission) {
      case AchievementPermission.Edit:
        if (!this.isOwnerMember(actor, a)) throw CatalogErrors.achievementNotFound();
        return a;
      case AchievementPermission.ReadFiles:
        if (isPlatformStaff(actor)) return a;
        break;
      default:
        break;
    }
    if (!(await this.canSee(actor, a, m))) throw CatalogErrors.achievementNotFound();
    if (permission === AchievementPermission.ReadReview && !(await this.seesReview(actor, a, m))) throw CatalogErrors.achievementNotFound();
    if (permission === AchievementPermission.Withdraw && !this.isOwnerMember(actor, a) && !hasRole(actor, Role.PlatformAdmin)) throw CatalogErrors.achievementNotFound();
    if (permission === AchievementPermission.Review) {
      if (!(await this.canReview(actor, a, m))) {
        if (!this.isOwnerMember(actor, a)) throw CatalogErrors.achievementNotFound();
        throw CatalogErrors.notReviewer();
      }
      // A reviewer (platform administrators included) never publishes their own organisation's achievement.
      refuseOwnOrganisation(actor!, [a.ownerId], SeparationRule.OwnAchievementReview);
      // Publishing on a park's authority needs a verified park administration (403 ORGANISATION_NOT_VERIFIED).
      await this.identity.assertVerified(actor!, m);
    }
    return a;
  }

  // ---- technology packages ----

  /** Brokers and members of verified transfer institutions curate packages. */
  requireCurator(actor: Actor): void {
    if (!(hasRole(actor, Role.Broker, Role.PlatformAdmin) || actsAs(actor, OrgType.TransferInstitution))) throw CatalogErrors.notCurator();
  }

  /** A draft is its curator organisation's (and platform administrators'); a published package everyone's. */
  canSeePackage(actor: Actor | null, p: Pick<TechnologyPackage, 'status' | 'curatorOrgId'>): boolean {
    return p.status !== 'draft' || this.mayManagePackage(actor, p);
  }

  /** Load a package its curator organisation (or a platform administrator) changes, locked; others 404. */
  async requireManagedPackage(m: EntityManager, actor: Actor, id: string): Promise<TechnologyPackage> {
    const p = await this.packages.find(m, id, true);
    if (!p || !this.mayManagePackage(actor, p)) throw CatalogErrors.packageNotFound();
    return p;
  }

  private mayManagePackage(actor: Actor | null, p: Pick<TechnologyPackage, 'curatorOrgId'>): boolean {
    return p.curatorOrgId === actor?.orgId || hasRole(actor, Role.PlatformAdmin);
  }

  // ---- guide catalog ----

  /** Platform staff compile the guide catalog (先进适用技术指导目录). */
  requireCompiler(actor: Actor): void {
    if (!isPlatformStaff(actor)) throw new DomainError('forbidden', 'NOT_PLATFORM_STAFF', { zh: '只有平台工作人员可以编制指导目录', en: 'Only platform staff compile the guide catalog' });
  }

  /** Published catalogs are public; drafts are platform staff's. */
  canSeeGuideCatalog(actor: Actor | null, c: Pick<GuideCatalog, 'status'> | null): boolean {
    return isPlatformStaff(actor) || c?.status === 'published';
  }

  // ---- imports ----

  /** Only platform administrators may publish imported records without review. */
  mayPublishImport(actor: Actor): boolean {
    return hasRole(actor, Role.PlatformAdmin);
  }

  /** An import is visible to the importer's organisation and platform administrators. */
  canSeeImport(actor: Actor, job: Pick<ImportJob, 'importerOrgId'>): boolean {
    return job.importerOrgId === actor.orgId || hasRole(actor, Role.PlatformAdmin);
  }
}
