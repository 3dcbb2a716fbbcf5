import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CatalogService } from '@techbridge/catalog';
import { IdentityService } from '@techbridge/identity';
import { MatchPipelineService } from '@techbridge/matching';
import { Actor, actsAs, Clock, DomainError, FileStorage, hasRole, isPlatformStaff, OrgType, Page, pageOf, Role, skipTake, StateMachine, TransactionRunner } from '@techbridge/platform';
import {
  AcceptIntroductionDto, AcceptNdaDto, ConfidentialFileResponse, DeclineIntroductionDto, DisclosureResponse, IntroductionListQuery, IntroductionResponse, mapConfidentialFile,
  mapIntroduction, RequestIntroductionDto,
} from './dto/introduction.dto';
import { IntroductionStatus, MarketIntroduction } from './entities/market-introduction.entity';
import { MarketListing } from './entities/market-listing.entity';
import { ListingPermission, MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { currentNda } from './rules/nda';

const INTRODUCTION_LIFECYCLE = new StateMachine<IntroductionStatus, 'accept' | 'decline'>('introduction', {
  accept: { from: ['requested'], to: 'accepted' },
  decline: { from: ['requested'], to: 'declined' },
});

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Browsers and clients may send a percent-encoded file name (RFC 5987 style); keep the readable one. */
function decodedName(name: string): string {
  try {
    return /%[0-9A-Fa-f]{2}/.test(name) ? decodeURIComponent(name) : name;
  } catch {
    return name;
  }
}
const introductionNotFound = () => DomainError.notFound({ code: 'INTRODUCTION_NOT_FOUND', zh: '对接请求不存在', en: 'Introduction not found' });
const disclosureLocked = () => new DomainError('forbidden', 'DISCLOSURE_LOCKED', { zh: '需经持有方同意对接（并签署保密协议）后方可查看', en: 'Shown after the owner accepts an introduction (and the NDA is accepted)' });

/** A verified broker of a verified transfer institution: sees and takes introduction requests. */
const isBroker = (actor: Actor) => actsAs(actor, OrgType.TransferInstitution) && hasRole(actor, Role.Broker);

/**
 * Introductions and staged disclosure: an enterprise asks the owner for an introduction (from an achievement, a listing or
 * a match); the owner accepts, optionally behind the NDA, or declines with a reason; brokers take requests into their
 * pipeline. Contact details and confidential files of a listing are shown to an introduced organisation only.
 */
@Injectable()
export class IntroductionService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly access: MarketAccessPolicy,
    private readonly catalog: CatalogService,
    private readonly matches: MatchPipelineService,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  async request(actor: Actor, dto: RequestIntroductionDto): Promise<IntroductionResponse> {
    if (actor.orgType !== OrgType.Enterprise) throw new DomainError('forbidden', 'ENTERPRISES_ONLY', { zh: '仅企业可以申请对接', en: 'Only enterprises ask for introductions' });
    const target = await this.target(actor, dto.subject, dto.subjectId);
    if (target.ownerOrgId === actor.orgId) throw MarketErrors.ownListing();
    return this.tx.run(async (m) => {
      await this.identity.assertVerified(actor, m);
      const open = await this.repo.listIntroductions(m, { requesterOrgId: actor.orgId, skip: 0, take: 1000 });
      if (open[0].some((i) => i.achievementId === target.achievementId && i.status === 'requested')) {
        throw new DomainError('conflict', 'INTRODUCTION_EXISTS', { zh: '已有待处理的对接请求', en: 'An introduction request is already open' });
      }
      const i = await this.repo.insertIntroduction(m, {
        subject: dto.subject, subjectId: dto.subjectId, ...target, requesterOrgId: actor.orgId, requesterUserId: actor.userId, message: dto.message.trim(), status: 'requested',
      });
      return mapIntroduction(i);
    });
  }

  async list(actor: Actor, q: IntroductionListQuery): Promise<Page<IntroductionResponse>> {
    const { skip, take } = skipTake(q);
    const scope = q.scope ?? 'mine';
    if (scope === 'brokerage' && !isBroker(actor) && !isPlatformStaff(actor)) return pageOf([], 0, q);
    const filter = scope === 'mine' ? { requesterOrgId: actor.orgId } : scope === 'incoming' ? { ownerOrgId: actor.orgId } : { brokerage: true };
    const [rows, total] = await this.repo.listIntroductions(this.tx.manager, { ...filter, skip, take });
    return pageOf(rows.map(mapIntroduction), total, q);
  }

  async get(actor: Actor, id: string): Promise<IntroductionResponse> {
    return mapIntroduction(await this.load(actor, id));
  }

  async accept(actor: Actor, id: string, dto: AcceptIntroductionDto): Promise<IntroductionResponse> {
    return this.decide(actor, id, 'accept', (i) => {
      i.requiresNda = dto.requireNda ?? false;
    });
  }

  async decline(actor: Actor, id: string, dto: DeclineIntroductionDto): Promise<IntroductionResponse> {
    return this.decide(actor, id, 'decline', (i) => {
      i.declineReason = dto.reason;
    });
  }

  /** One click: the requester accepts the NDA version it read; recorded with time and user. */
  async acceptNda(actor: Actor, id: string, dto: AcceptNdaDto): Promise<IntroductionResponse> {
    return this.tx.run(async (m) => {
      const i = await this.load(actor, id);
      if (i.requesterOrgId !== actor.orgId) throw MarketErrors.notOwner();
      if (i.status !== 'accepted' || !i.requiresNda || i.ndaAcceptedAt) throw DomainError.illegalTransition('introduction', i.ndaAcceptedAt ? 'nda-accepted' : i.status, 'accept-nda');
      if (dto.version !== currentNda().version) throw DomainError.validation('version', { zh: `请阅读并接受最新版本（${currentNda().version}）`, en: `Accept the current version (${currentNda().version})` });
      Object.assign(i, { ndaVersion: dto.version, ndaAcceptedAt: this.clock.now(), ndaAcceptedBy: actor.userId });
      return mapIntroduction(await this.repo.saveIntroduction(m, i));
    });
  }

  /** A broker takes the request into its pipeline: the introduction records the broker (and its institution). */
  async take(actor: Actor, id: string): Promise<IntroductionResponse> {
    if (!isBroker(actor)) throw new DomainError('forbidden', 'NOT_BROKER', { zh: '仅技术经纪人可以承接', en: 'Only brokers take introductions' });
    return this.tx.run(async (m) => {
      await this.identity.assertVerified(actor, m);
      const i = await this.load(actor, id);
      if (i.brokerUserId && i.brokerUserId !== actor.userId) throw new DomainError('conflict', 'ALREADY_TAKEN', { zh: '已由其他经纪人承接', en: 'Another broker has taken it' });
      Object.assign(i, { brokerUserId: actor.userId, brokerOrgId: actor.orgId });
      return mapIntroduction(await this.repo.saveIntroduction(m, i));
    });
  }

  /** Contact details and confidential files of a listing: to its owner and staff, and to an introduced organisation. */
  async disclosure(actor: Actor, listingId: string): Promise<DisclosureResponse> {
    const l = await this.requireDisclosed(actor, listingId);
    const files = await this.repo.confidentialFilesOf(this.tx.manager, l.id);
    return { contact: l.contact, files: files.map(mapConfidentialFile) };
  }

  async uploadConfidential(actor: Actor, listingId: string, file: { filename: string; content: Readable | Buffer }): Promise<ConfidentialFileResponse> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Own, listingId);
    const key = `market/listings/${l.id}/confidential-${randomUUID()}`;
    const { size } = await this.storage.put(key, file.content, MAX_FILE_BYTES);
    const f = await this.tx.run((m) => this.repo.insertConfidentialFile(m, { listingId: l.id, storageKey: key, filename: decodedName(file.filename).slice(0, 200), size, createdBy: actor.userId }));
    return mapConfidentialFile(f);
  }

  /** A confidential file the caller may not see is not there for it (404), like any object it may not see. */
  async openConfidential(actor: Actor, listingId: string, fileId: string): Promise<{ stream: Readable; name: string }> {
    const notFound = () => DomainError.notFound({ code: 'FILE_NOT_FOUND', zh: '文件不存在', en: 'File not found' });
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, listingId);
    if (!(await this.maySeeContact(actor, l))) throw notFound();
    const f = await this.repo.findConfidentialFile(this.tx.manager, l.id, fileId);
    if (!f) throw notFound();
    return { stream: await this.storage.open(f.storageKey), name: f.filename };
  }

  /** Whether the actor may see the listing's contact details (the listing's views use it). */
  async maySeeContact(actor: Actor | null, l: MarketListing): Promise<boolean> {
    if (!actor) return false;
    if (this.access.isOwner(actor, l) || isPlatformStaff(actor)) return true;
    return !!l.achievementId && (await this.repo.hasDisclosure(this.tx.manager, actor.orgId, l.achievementId));
  }

  private async requireDisclosed(actor: Actor, listingId: string): Promise<MarketListing> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, listingId);
    if (!(await this.maySeeContact(actor, l))) throw disclosureLocked();
    return l;
  }

  private async decide(actor: Actor, id: string, decision: 'accept' | 'decline', apply: (i: MarketIntroduction) => void): Promise<IntroductionResponse> {
    return this.tx.run(async (m) => {
      const i = await this.load(actor, id);
      if (i.ownerOrgId !== actor.orgId) throw MarketErrors.notOwner();
      i.status = INTRODUCTION_LIFECYCLE.next(i.status, decision, i.id);
      i.decidedAt = this.clock.now();
      apply(i);
      await this.identity.audit(m, actor, { action: `introduction-${decision}`, entityType: 'market-introduction', entityId: i.id, changes: { reason: i.declineReason } });
      return mapIntroduction(await this.repo.saveIntroduction(m, i));
    });
  }

  /** The requester, the owner, brokers and staff see a request; anyone else gets 404. */
  private async load(actor: Actor, id: string): Promise<MarketIntroduction> {
    const i = await this.repo.findIntroduction(this.tx.manager, id);
    if (!i || !(i.requesterOrgId === actor.orgId || i.ownerOrgId === actor.orgId || isBroker(actor) || isPlatformStaff(actor))) throw introductionNotFound();
    return i;
  }

  private async target(actor: Actor, subject: RequestIntroductionDto['subject'], id: string): Promise<{ achievementId: string; ownerOrgId: string; listingId: string | null }> {
    if (subject === 'achievement') {
      const a = await this.catalog.getPublishedAchievement(id).catch(() => null);
      if (!a) throw MarketErrors.subjectNotFound();
      return { achievementId: a.id, ownerOrgId: a.owner.id, listingId: null };
    }
    if (subject === 'listing') {
      const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, id);
      if (!l.achievementId) throw MarketErrors.subjectNotFound();
      return { achievementId: l.achievementId, ownerOrgId: l.ownerOrgId, listingId: l.id };
    }
    const match = await this.matches.get(actor, id);
    return { achievementId: match.achievement.id, ownerOrgId: match.achievement.ownerId, listingId: null };
  }
}
