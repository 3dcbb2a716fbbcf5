import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RatingStatus, RatingSubject } from './rating.state-machine';
import { Expert } from './entities/expert.entity';
import { ServiceRating } from './entities/service-rating.entity';

/** The only code of the directory context that touches TypeORM. */
@Injectable()
export class DirectoryRepository {
  findRating(m: EntityManager, id: string, lock = false): Promise<ServiceRating | null> {
    return m.getRepository(ServiceRating).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findRatingOf(m: EntityManager, contractId: string, raterOrgId: string, subjectKind: RatingSubject): Promise<ServiceRating | null> {
    return m.getRepository(ServiceRating).findOne({ where: { contractId, raterOrgId, subjectKind } });
  }

  saveRating(m: EntityManager, r: Partial<ServiceRating>): Promise<ServiceRating> {
    return m.getRepository(ServiceRating).save(m.getRepository(ServiceRating).create(r));
  }

  listRatings(m: EntityManager, where: { status?: RatingStatus; raterOrgId?: string }, skip: number, take: number): Promise<[ServiceRating[], number]> {
    return m.getRepository(ServiceRating).findAndCount({ where, order: { createdAt: 'ASC', id: 'ASC' }, skip, take });
  }

  async approvedSummary(m: EntityManager, subjectKind: RatingSubject, subjectId: string): Promise<{ count: number; average: number | null; latest: ServiceRating[] }> {
    const row = await m.getRepository(ServiceRating)
      .createQueryBuilder('r')
      .select('COUNT(*)::int', 'count')
      .addSelect('AVG(r.score)::float', 'average')
      .where('r.subject_kind = :subjectKind AND r.subject_id = :subjectId AND r.status = :status', { subjectKind, subjectId, status: 'approved' })
      .getRawOne<{ count: number; average: number | null }>();
    const latest = await m.getRepository(ServiceRating).find({
      where: { subjectKind, subjectId, status: 'approved' }, order: { moderatedAt: 'DESC', id: 'ASC' }, take: 10,
    });
    return { count: row?.count ?? 0, average: row?.average ?? null, latest };
  }

  findExpert(m: EntityManager, id: string, lock = false): Promise<Expert | null> {
    return m.getRepository(Expert).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  saveExpert(m: EntityManager, e: Partial<Expert>): Promise<Expert> {
    return m.getRepository(Expert).save(m.getRepository(Expert).create(e));
  }

  listExperts(m: EntityManager, q: { field?: string; organisationId?: string; listedOnly: boolean }, skip: number, take: number): Promise<[Expert[], number]> {
    const qb = m.getRepository(Expert).createQueryBuilder('e');
    if (q.listedOnly) qb.andWhere('e.listed = true');
    if (q.field) qb.andWhere(':field = ANY(e.fields)', { field: q.field });
    if (q.organisationId) qb.andWhere('e.organisation_id = :org', { org: q.organisationId });
    return qb.orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').skip(skip).take(take).getManyAndCount();
  }
}
