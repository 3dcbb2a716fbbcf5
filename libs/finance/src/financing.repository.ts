import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In } from 'typeorm';
import { DataRoomDocument, DataRoomView } from './entities/data-room.entity';
import { FinancingEngagement } from './entities/financing-engagement.entity';
import { FinancingMatch } from './entities/financing-match.entity';
import { FinancingRequest, FinancingStatus } from './entities/financing-request.entity';
import { InvestorProfile } from './entities/investor-profile.entity';

/** TypeORM access for investor profiles, financing requests, engagements and data rooms. */
@Injectable()
export class FinancingRepository {
  findProfile(m: EntityManager, organisationId: string): Promise<InvestorProfile | null> {
    return m.getRepository(InvestorProfile).findOne({ where: { organisationId } });
  }

  saveProfile(m: EntityManager, p: Partial<InvestorProfile>): Promise<InvestorProfile> {
    return m.getRepository(InvestorProfile).save(m.getRepository(InvestorProfile).create(p));
  }

  findProfiles(m: EntityManager, organisationIds: string[]): Promise<InvestorProfile[]> {
    return organisationIds.length ? m.getRepository(InvestorProfile).find({ where: { organisationId: In(organisationIds) } }) : Promise.resolve([]);
  }

  findRequest(m: EntityManager, id: string, lock = false): Promise<FinancingRequest | null> {
    return m.getRepository(FinancingRequest).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  saveRequest(m: EntityManager, r: Partial<FinancingRequest>): Promise<FinancingRequest> {
    return m.getRepository(FinancingRequest).save(m.getRepository(FinancingRequest).create(r));
  }

  listRequestsOfOwner(m: EntityManager, ownerId: string, skip: number, take: number): Promise<[FinancingRequest[], number]> {
    return m.getRepository(FinancingRequest).findAndCount({ where: { ownerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  /** Listed requests (published, in talks, term sheet): the investors' deal flow, newest first, capped. */
  listedRequests(m: EntityManager, statuses: FinancingStatus[], limit: number): Promise<FinancingRequest[]> {
    return m.getRepository(FinancingRequest).find({ where: { status: In(statuses) }, order: { publishedAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** Listed requests in id order after `after` (a rescoring pass over all of them). */
  listedRequestsAfter(m: EntityManager, statuses: FinancingStatus[], after: string | null, limit: number): Promise<FinancingRequest[]> {
    const qb = m.getRepository(FinancingRequest).createQueryBuilder('r').where('r.status IN (:...statuses)', { statuses }).orderBy('r.id', 'ASC').take(limit);
    if (after) qb.andWhere('r.id > :after', { after });
    return qb.getMany();
  }

  /** An investor's stored matches of the current scoring with requests still listed (not its own), best first. */
  storedDealFlow(m: EntityManager, investorId: string, version: string, statuses: FinancingStatus[], skip: number, take: number): Promise<[FinancingMatch[], number]> {
    return m
      .getRepository(FinancingMatch)
      .createQueryBuilder('x')
      .innerJoin(FinancingRequest, 'r', 'r.id = x.request_id')
      .where('x.investor_id = :investorId AND x.scoring_version = :version', { investorId, version })
      .andWhere('r.status IN (:...statuses) AND r.owner_id <> :investorId', { statuses })
      .orderBy('x.score', 'DESC')
      .addOrderBy('x.requestId', 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
  }

  /** A request's stored matches of the current scoring, best first. */
  storedInvestorsFor(m: EntityManager, requestId: string, version: string, limit: number): Promise<FinancingMatch[]> {
    return m.getRepository(FinancingMatch).find({ where: { requestId, scoringVersion: version }, order: { score: 'DESC', investorId: 'ASC' }, take: limit });
  }

  findRequests(m: EntityManager, ids: string[]): Promise<FinancingRequest[]> {
    return ids.length ? m.getRepository(FinancingRequest).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** The newest listed request of each of these owners (what a presenter at an investor roadshow is raising). */
  async listedRequestsOf(m: EntityManager, ownerIds: string[], statuses: FinancingStatus[]): Promise<FinancingRequest[]> {
    if (!ownerIds.length) return [];
    const rows = await m.getRepository(FinancingRequest).find({ where: { ownerId: In(ownerIds), status: In(statuses) }, order: { publishedAt: 'DESC', id: 'ASC' } });
    const newest = new Map<string, FinancingRequest>();
    for (const r of rows) if (!newest.has(r.ownerId)) newest.set(r.ownerId, r);
    return [...newest.values()];
  }

  fundedBetween(m: EntityManager, from: Date, to: Date): Promise<FinancingRequest[]> {
    return m.getRepository(FinancingRequest).find({ where: { status: 'funded', fundedAt: Between(from, new Date(to.getTime() - 1)) }, order: { fundedAt: 'ASC' } });
  }

  findEngagement(m: EntityManager, requestId: string, id: string, lock = false): Promise<FinancingEngagement | null> {
    return m.getRepository(FinancingEngagement).findOne({ where: { id, requestId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findEngagementOf(m: EntityManager, requestId: string, investorId: string): Promise<FinancingEngagement | null> {
    return m.getRepository(FinancingEngagement).findOne({ where: { requestId, investorId } });
  }

  saveEngagement(m: EntityManager, e: Partial<FinancingEngagement>): Promise<FinancingEngagement> {
    return m.getRepository(FinancingEngagement).save(m.getRepository(FinancingEngagement).create(e));
  }

  listEngagements(m: EntityManager, requestId: string): Promise<FinancingEngagement[]> {
    return m.getRepository(FinancingEngagement).find({ where: { requestId }, order: { createdAt: 'ASC' } });
  }

  listEngagementsOfInvestor(m: EntityManager, investorId: string, skip: number, take: number): Promise<[FinancingEngagement[], number]> {
    return m.getRepository(FinancingEngagement).findAndCount({ where: { investorId }, order: { updatedAt: 'DESC', id: 'ASC' }, skip, take });
  }

  investedBetween(m: EntityManager, from: Date, to: Date): Promise<FinancingEngagement[]> {
    return m.getRepository(FinancingEngagement).find({ where: { status: 'invested', investedAt: Between(from, new Date(to.getTime() - 1)) } });
  }

  saveDocument(m: EntityManager, d: Partial<DataRoomDocument>): Promise<DataRoomDocument> {
    return m.getRepository(DataRoomDocument).save(m.getRepository(DataRoomDocument).create(d));
  }

  listDocuments(m: EntityManager, requestId: string): Promise<DataRoomDocument[]> {
    return m.getRepository(DataRoomDocument).find({ where: { requestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findDocument(m: EntityManager, requestId: string, id: string): Promise<DataRoomDocument | null> {
    return m.getRepository(DataRoomDocument).findOne({ where: { id, requestId } });
  }

  async logView(m: EntityManager, v: Omit<DataRoomView, 'id'>): Promise<void> {
    await m.getRepository(DataRoomView).insert({ ...v });
  }

  listViews(m: EntityManager, requestId: string, skip: number, take: number): Promise<[DataRoomView[], number]> {
    return m.getRepository(DataRoomView).findAndCount({ where: { requestId }, order: { viewedAt: 'DESC', id: 'ASC' }, skip, take });
  }

  /** What finance holds about one user: the requests they drafted, the data room looks they took. */
  async personalData(m: EntityManager, userId: string): Promise<unknown> {
    const requests = await m.getRepository(FinancingRequest).find({ where: { createdBy: userId }, select: { id: true, title: true, createdAt: true } });
    const views = await m.getRepository(DataRoomView).find({ where: { viewerUserId: userId }, order: { viewedAt: 'ASC' } });
    return {
      financingRequestsDrafted: requests.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString() })),
      dataRoomViews: views.map((v) => ({ requestId: v.requestId, documentId: v.documentId, kind: v.kind, viewedAt: v.viewedAt.toISOString() })),
    };
  }
}
