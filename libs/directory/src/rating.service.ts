import { Injectable } from '@nestjs/common';
import { ContractsService } from '@techbridge/contracts';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, isUniqueViolation, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DirectoryAccessPolicy, isModerator } from './directory-access.policy';
import { DirectoryErrors } from './directory.exception';
import { DirectoryRepository } from './directory.repository';
import { mapRating, ModerateRatingDto, RatingModerationQuery, RatingResponse, RatingSummaryResponse, SubmitRatingDto } from './dto/directory.dto';
import { RATING_MODERATION, RatingSubject } from './rating.state-machine';

/**
 * Ratings of transfer institutions and brokers (服务评价): only a party (buyer or seller) of a registered contract
 * rates the contract's institution or broker, once per contract; a platform administrator approves each rating before
 * it counts in the public average.
 */
@Injectable()
export class RatingService {
  constructor(
    private readonly repo: DirectoryRepository,
    private readonly access: DirectoryAccessPolicy,
    private readonly contracts: ContractsService,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async submit(actor: Actor, dto: SubmitRatingDto): Promise<RatingResponse> {
    // 404 when the caller may not read the contract at all; readers who are not a party (its institution, reviewers) get 403.
    const contract = await this.contracts.contractForParty(actor, dto.contractId);
    if (actor.orgId !== contract.seller.organisationId && actor.orgId !== contract.buyer.organisationId) throw DirectoryErrors.notAParty();
    if (contract.status !== 'registered') throw DirectoryErrors.contractNotRegistered(contract.status);
    const subjectId = dto.subject === 'institution' ? contract.transferInstitutionId : contract.brokerUserId;
    if (!subjectId) throw DirectoryErrors.noSuchSubject(dto.subject);
    if (subjectId === actor.orgId || subjectId === actor.userId) throw DirectoryErrors.ownService();
    return this.tx.run(async (m) => {
      if (await this.repo.findRatingOf(m, contract.id, actor.orgId, dto.subject)) throw DirectoryErrors.alreadyRated();
      const saved = await this.repo
        .saveRating(m, {
          contractId: contract.id, subjectKind: dto.subject, subjectId, raterOrgId: actor.orgId, raterUserId: actor.userId,
          score: dto.score, comment: dto.comment.trim(), status: 'pending',
        })
        .catch((err: unknown) => {
          // Two members of the party submitting at once: the unique key decides, the second is told as the first would be.
          if (isUniqueViolation(err, 'uq_directory_rating_contract_party_subject')) throw DirectoryErrors.alreadyRated();
          throw err;
        });
      await this.identity.audit(m, actor, { action: 'rating.submit', entityType: 'service-rating', entityId: saved.id, changes: { contractId: contract.id, subject: dto.subject, score: dto.score } });
      return mapRating(saved);
    });
  }

  async moderate(actor: Actor, id: string, dto: ModerateRatingDto): Promise<RatingResponse> {
    return this.tx.run(async (m) => {
      const r = await this.access.requireRating(m, actor, id, true);
      const from = r.status;
      r.status = RATING_MODERATION.next(from, dto.action, r.id);
      r.moderationNote = dto.note?.trim() || null;
      r.moderatedBy = actor.userId;
      r.moderatedAt = this.clock.now();
      const saved = await this.repo.saveRating(m, r);
      await this.identity.audit(m, actor, { action: `rating.${dto.action}`, entityType: 'service-rating', entityId: r.id, changes: { from, to: saved.status } });
      return mapRating(saved);
    });
  }

  /** The moderation queue (platform administrators), oldest first; or the caller's organisation's own ratings. */
  async list(actor: Actor, q: RatingModerationQuery): Promise<Page<RatingResponse>> {
    const where = isModerator(actor) ? { status: q.status ?? 'pending' } : { raterOrgId: actor.orgId, ...(q.status ? { status: q.status } : {}) };
    const [rows, total] = await this.repo.listRatings(this.tx.manager, where, skipTake(q).skip, skipTake(q).take);
    return pageOf(rows.map(mapRating), total, q);
  }

  async get(actor: Actor, id: string): Promise<RatingResponse> {
    return mapRating(await this.access.requireRating(this.tx.manager, actor, id, false));
  }

  /** What a public profile shows: the average of approved scores (one decimal), their count and the latest comments. */
  async summary(subject: RatingSubject, subjectId: string): Promise<RatingSummaryResponse> {
    const s = await this.repo.approvedSummary(this.tx.manager, subject, subjectId);
    return {
      subject, subjectId, count: s.count, average: s.average === null ? null : Math.round(s.average * 10) / 10,
      latest: s.latest.map((r) => ({ score: r.score, comment: r.comment, createdAt: r.createdAt.toISOString() })),
    };
  }
}
