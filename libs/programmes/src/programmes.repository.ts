import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { MajorProject } from './entities/major-project.entity';
import { ParkListItem } from './entities/park-list-item.entity';
import { ProjectMilestone } from './entities/project-milestone.entity';
import { ProjectObjection } from './entities/project-objection.entity';
import type { ProjectStatus } from './major-project.state-machine';

/** The only code of the programmes context that touches TypeORM. */
@Injectable()
export class ProgrammesRepository {
  saveProject(m: EntityManager, p: Partial<MajorProject>): Promise<MajorProject> {
    return m.getRepository(MajorProject).save(m.getRepository(MajorProject).create(p));
  }

  findProject(m: EntityManager, id: string, lock = false): Promise<MajorProject | null> {
    return m.getRepository(MajorProject).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Projects visible to a caller: public statuses, plus (unless null) what this organisation proposed; all for staff. */
  listProjects(
    m: EntityManager,
    f: { visibleOrgId: string | null; staff: boolean; publicStatuses: ProjectStatus[]; status?: ProjectStatus; year?: number; parkCode?: string },
    skip: number,
    take: number,
  ): Promise<[MajorProject[], number]> {
    const qb = m.getRepository(MajorProject).createQueryBuilder('p');
    if (!f.staff) qb.andWhere(f.visibleOrgId ? '(p.status IN (:...pub) OR p.proposed_by_org_id = :org)' : 'p.status IN (:...pub)', { pub: f.publicStatuses, org: f.visibleOrgId });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.year) qb.andWhere('p.year = :year', { year: f.year });
    if (f.parkCode) qb.andWhere('p.park_code = :park', { park: f.parkCode });
    return qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'ASC').skip(skip).take(take).getManyAndCount();
  }

  /** Counts of a year's projects by level, city and status (the quota dashboard). */
  yearCounts(m: EntityManager, year: number): Promise<Array<{ level: string; city: string; status: ProjectStatus; n: number }>> {
    return m.query(`SELECT level, city, status, count(*)::int AS n FROM major_project WHERE year = $1 GROUP BY level, city, status`, [year]);
  }

  /** Projects in a year's portfolio (approved, mid-term passed, accepted), for monitoring. */
  portfolioOfYear(m: EntityManager, year: number, statuses: ProjectStatus[]): Promise<MajorProject[]> {
    return m.getRepository(MajorProject).find({ where: { year, status: In(statuses) } });
  }

  /** Accepted projects of a park (the three lists count a landed deal linked to one). */
  findAcceptedInPark(m: EntityManager, ids: string[], parkCode: string): Promise<MajorProject[]> {
    return ids.length ? m.getRepository(MajorProject).find({ where: { id: In(ids), parkCode, status: 'accepted' } }) : Promise.resolve([]);
  }

  saveObjection(m: EntityManager, o: Partial<ProjectObjection>): Promise<ProjectObjection> {
    return m.getRepository(ProjectObjection).save(m.getRepository(ProjectObjection).create(o));
  }

  findObjection(m: EntityManager, projectId: string, id: string): Promise<ProjectObjection | null> {
    return m.getRepository(ProjectObjection).findOne({ where: { id, projectId } });
  }

  listObjections(m: EntityManager, projectId: string): Promise<ProjectObjection[]> {
    return m.getRepository(ProjectObjection).find({ where: { projectId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  countOpenObjections(m: EntityManager, projectId: string): Promise<number> {
    return m.getRepository(ProjectObjection).count({ where: { projectId, status: 'open' } });
  }

  saveMilestone(m: EntityManager, x: Partial<ProjectMilestone>): Promise<ProjectMilestone> {
    return m.getRepository(ProjectMilestone).save(m.getRepository(ProjectMilestone).create(x));
  }

  listMilestones(m: EntityManager, projectId: string): Promise<ProjectMilestone[]> {
    return m.getRepository(ProjectMilestone).find({ where: { projectId }, order: { quarter: 'ASC' } });
  }

  saveListItem(m: EntityManager, i: Partial<ParkListItem>): Promise<ParkListItem> {
    return m.getRepository(ParkListItem).save(m.getRepository(ParkListItem).create(i));
  }

  findListItem(m: EntityManager, id: string, lock = false): Promise<ParkListItem | null> {
    return m.getRepository(ParkListItem).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** A park's items of a year (a park's three lists are tens of items, not thousands: no paging needed). */
  listItems(m: EntityManager, parkCode: string, year: number): Promise<ParkListItem[]> {
    return m.getRepository(ParkListItem).find({ where: { parkCode, year }, order: { kind: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every park's items of a year (completion for all parks at once: monitoring and awards). */
  listItemsOfYear(m: EntityManager, year: number): Promise<ParkListItem[]> {
    return m.getRepository(ParkListItem).find({ where: { year } });
  }

  // ---- personal data (个人信息保护法) ----

  objectionsBy(m: EntityManager, userId: string): Promise<unknown[]> {
    return m.query(`SELECT id, project_id AS "projectId", real_name AS "realName", phone, status, created_at AS "createdAt" FROM major_project_objection WHERE objector_user_id = $1`, [userId]);
  }

  /** The objector's phone goes; the real name stays with the notice's record of who objected. */
  async eraseObjectorPhones(m: EntityManager, userId: string): Promise<number> {
    const [, n]: [unknown, number] = await m.query(`UPDATE major_project_objection SET phone = '' WHERE objector_user_id = $1 AND phone <> ''`, [userId]);
    return n;
  }
}
