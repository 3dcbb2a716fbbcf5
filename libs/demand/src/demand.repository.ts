import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { IndexedVersion } from '@techbridge/platform';
import { DemandStatus, LISTED_DEMAND_STATUSES, OPEN_PROPOSAL_STATUSES } from './demand.state-machine';
import { DemandVisibility } from './demand.visibility';
import { DemandBroker } from './entities/demand-broker.entity';
import { Demand } from './entities/demand.entity';
import { Proposal } from './entities/proposal.entity';

/** Who is looking, in the terms the queries need. */
export interface ViewerScope {
  /** Visibility levels the viewer may read in full; null = all (platform staff). */
  readableLevels: DemandVisibility[] | null;
  /** The viewer's organisation: its own demands are always readable, drafts included. */
  orgId: string | null;
  /** Platform staff see drafts of every enterprise. */
  seesAllDrafts: boolean;
}

export interface DemandCriteria {
  statuses?: DemandStatus[];
  industry?: string;
  field?: string;
  park?: string;
  visibility?: DemandVisibility;
  enterpriseId?: string;
  source?: string;
  externalId?: string;
  titleContains?: string;
  /** Filters on attributes a redacted viewer cannot see: they only ever select readable demands. */
  cooperationMode?: string;
  budgetMin?: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The only code in demand that touches TypeORM. Every method takes the caller's EntityManager. */
@Injectable()
export class DemandRepository {
  findById(m: EntityManager, id: string): Promise<Demand | null> {
    return m.getRepository(Demand).findOne({ where: { id } });
  }

  /** Locks the row: lifecycle steps and proposal decisions on one demand are serialised. */
  findByIdForUpdate(m: EntityManager, id: string): Promise<Demand | null> {
    return m.getRepository(Demand).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
  }

  findByIds(m: EntityManager, ids: string[]): Promise<Demand[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(Demand).createQueryBuilder('d').where('d.id IN (:...ids)', { ids }).getMany();
  }

  findBySourceAndExternalId(m: EntityManager, source: string, externalId: string): Promise<Demand | null> {
    return m.getRepository(Demand).findOne({ where: { source, externalId } });
  }

  save(m: EntityManager, d: Partial<Demand>): Promise<Demand> {
    return m.getRepository(Demand).save(m.getRepository(Demand).create(d));
  }

  /** Demands the viewer may see at all (drafts only of its own organisation), filtered and paged, newest first. */
  async list(m: EntityManager, viewer: ViewerScope, c: DemandCriteria, page: { skip: number; take: number }): Promise<[Demand[], number]> {
    const qb = this.scoped(m, viewer, c);
    qb.orderBy('d.published_at', 'DESC', 'NULLS LAST').addOrderBy('d.created_at', 'DESC').addOrderBy('d.id', 'ASC');
    return qb.skip(page.skip).take(page.take).getManyAndCount();
  }

  /** Streams the same selection in pages of `batch` rows (exports). */
  async *iterate(m: EntityManager, viewer: ViewerScope, c: DemandCriteria, max: number, batch = 500): AsyncGenerator<Demand[]> {
    for (let skip = 0; skip < max; skip += batch) {
      const qb = this.scoped(m, viewer, c).orderBy('d.published_at', 'DESC', 'NULLS LAST').addOrderBy('d.created_at', 'DESC').addOrderBy('d.id', 'ASC');
      const rows = await qb.skip(skip).take(Math.min(batch, max - skip)).getMany();
      if (rows.length) yield rows;
      if (rows.length < batch) return;
    }
  }

  private scoped(m: EntityManager, viewer: ViewerScope, c: DemandCriteria): SelectQueryBuilder<Demand> {
    const qb = m.getRepository(Demand).createQueryBuilder('d');
    if (!viewer.seesAllDrafts) {
      qb.andWhere(new Brackets((w) => {
        w.where(`d.status <> 'draft'`);
        if (viewer.orgId) w.orWhere('d.enterprise_id = :viewerOrg', { viewerOrg: viewer.orgId });
      }));
    }
    if (c.statuses?.length) qb.andWhere('d.status IN (:...statuses)', { statuses: c.statuses });
    if (c.industry) qb.andWhere('d.industry = :industry', { industry: c.industry });
    if (c.field) qb.andWhere('d.field = :field', { field: c.field });
    if (c.park) qb.andWhere('d.park = :park', { park: c.park });
    if (c.visibility) qb.andWhere('d.visibility = :visibility', { visibility: c.visibility });
    if (c.enterpriseId) qb.andWhere('d.enterprise_id = :enterpriseId', { enterpriseId: c.enterpriseId });
    if (c.source) qb.andWhere('d.source = :source', { source: c.source });
    if (c.externalId) qb.andWhere('d.external_id = :externalId', { externalId: c.externalId });
    if (c.titleContains) qb.andWhere(`d.title ILIKE :title ESCAPE '\\'`, { title: `%${escapeLike(c.titleContains)}%` });
    if (c.cooperationMode !== undefined || c.budgetMin !== undefined) {
      // Selecting by a hidden attribute must not reveal anything about demands the viewer cannot read.
      this.onlyReadable(qb, viewer);
      if (c.cooperationMode) qb.andWhere(':mode = ANY(d.cooperation_modes)', { mode: c.cooperationMode });
      if (c.budgetMin !== undefined) qb.andWhere('d.budget >= :budgetMin', { budgetMin: c.budgetMin });
    }
    return qb;
  }

  private onlyReadable(qb: SelectQueryBuilder<Demand>, viewer: ViewerScope): void {
    if (viewer.readableLevels === null) return;
    const levels = viewer.readableLevels;
    qb.andWhere(new Brackets((w) => {
      w.where('d.visibility IN (:...levels)', { levels });
      if (viewer.orgId) w.orWhere('d.enterprise_id = :readerOrg', { readerOrg: viewer.orgId });
    }));
  }

  private unreadable(qb: SelectQueryBuilder<Demand>, viewer: ViewerScope): void {
    const levels = viewer.readableLevels ?? [];
    qb.andWhere('d.visibility NOT IN (:...levels)', { levels: levels.length ? levels : ['-'] });
    if (viewer.orgId) qb.andWhere('d.enterprise_id <> :readerOrg', { readerOrg: viewer.orgId });
  }

  /**
   * Search's second half: listed demands the viewer may NOT read, matched on their title only (every term),
   * so a query never reveals words of a description the viewer cannot see.
   */
  async searchUnreadableByTitle(
    m: EntityManager,
    viewer: ViewerScope,
    f: { terms: string[]; industry?: string; field?: string; park?: string },
    page: { skip: number; take: number },
  ): Promise<{ rows: Demand[]; total: number; facets: { industry: Record<string, number>; park: Record<string, number> } }> {
    const base = () => {
      const qb = m.getRepository(Demand).createQueryBuilder('d').where('d.status IN (:...listed)', { listed: LISTED_DEMAND_STATUSES });
      this.unreadable(qb, viewer);
      f.terms.forEach((t, i) => qb.andWhere(`d.title ILIKE :t${i} ESCAPE '\\'`, { [`t${i}`]: `%${escapeLike(t)}%` }));
      return qb;
    };
    const filtered = () => {
      const qb = base();
      if (f.industry) qb.andWhere('d.industry = :industry', { industry: f.industry });
      if (f.field) qb.andWhere('d.field = :field', { field: f.field });
      if (f.park) qb.andWhere('d.park = :park', { park: f.park });
      return qb;
    };
    const [rows, total] = page.take > 0
      ? await filtered().orderBy('d.published_at', 'DESC').addOrderBy('d.id', 'ASC').skip(page.skip).take(page.take).getManyAndCount()
      : [[], await filtered().getCount()];
    const count = async (column: 'industry' | 'park') => {
      const raw: Array<{ value: string | null; n: string }> = await filtered().select(`d.${column}`, 'value').addSelect('count(*)', 'n').groupBy(`d.${column}`).getRawMany();
      return Object.fromEntries(raw.filter((r) => r.value !== null).map((r) => [r.value as string, Number(r.n)]));
    };
    return { rows, total, facets: { industry: await count('industry'), park: await count('park') } };
  }

  /** Keyset page of listed demands (id order) last changed before `changedBefore`: the matching reconciler's walk. */
  async listedVersionsPage(m: EntityManager, after: string | null, limit: number, changedBefore: Date): Promise<IndexedVersion[]> {
    const rows: Array<{ id: string; version: number }> = await m.query(
      `SELECT id, version FROM demand WHERE status = ANY($4::text[]) AND updated_at < $3 AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [after, limit, changedBefore, LISTED_DEMAND_STATUSES],
    );
    return rows.map((r) => ({ id: r.id, version: Number(r.version) }));
  }

  /** Current version of each existing id, whatever its status (a removal from the index is of that version). */
  async versionsByIds(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; version: number }> = await m.query(`SELECT id, version FROM demand WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }

  listIndexable(m: EntityManager): Promise<IndexedVersion[]> {
    return m.getRepository(Demand).createQueryBuilder('d').select(['d.id', 'd.version']).where('d.status IN (:...listed)', { listed: LISTED_DEMAND_STATUSES }).getMany()
      .then((rows) => rows.map((r) => ({ id: r.id, version: r.version })));
  }

  // ---- proposals ----

  findProposal(m: EntityManager, id: string): Promise<Proposal | null> {
    return m.getRepository(Proposal).findOne({ where: { id } });
  }

  saveProposal(m: EntityManager, p: Partial<Proposal>): Promise<Proposal> {
    return m.getRepository(Proposal).save(m.getRepository(Proposal).create(p));
  }

  listProposals(m: EntityManager, demandId: string, proposerOrgId?: string): Promise<Proposal[]> {
    const where = proposerOrgId ? { demandId, proposerOrgId } : { demandId };
    return m.getRepository(Proposal).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findOpenProposals(m: EntityManager, demandId: string): Promise<Proposal[]> {
    return m.getRepository(Proposal).createQueryBuilder('p')
      .where('p.demand_id = :demandId', { demandId }).andWhere('p.status IN (:...open)', { open: OPEN_PROPOSAL_STATUSES })
      .orderBy('p.created_at', 'ASC').getMany();
  }

  async hasOpenProposalFrom(m: EntityManager, demandId: string, orgId: string): Promise<boolean> {
    return (await m.getRepository(Proposal).createQueryBuilder('p')
      .where('p.demand_id = :demandId AND p.proposer_org_id = :orgId', { demandId, orgId })
      .andWhere('p.status IN (:...open)', { open: OPEN_PROPOSAL_STATUSES }).getCount()) > 0;
  }

  // ---- brokers ----

  async assignBroker(m: EntityManager, b: Partial<DemandBroker>): Promise<DemandBroker> {
    await m.createQueryBuilder().insert().into(DemandBroker).values(b).orIgnore().execute();
    return (await m.getRepository(DemandBroker).findOne({ where: { demandId: b.demandId, userId: b.userId } }))!;
  }

  listBrokers(m: EntityManager, demandId: string): Promise<DemandBroker[]> {
    return m.getRepository(DemandBroker).find({ where: { demandId }, order: { assignedAt: 'ASC' } });
  }

  async isAssignedBroker(m: EntityManager, demandId: string, userId: string): Promise<boolean> {
    return (await m.getRepository(DemandBroker).count({ where: { demandId, userId } })) > 0;
  }

  // ---- monitoring feeds: one range query each, on an index of the instant they count ----

  /** Demands first published in [from, to), whatever their status since (drafts excepted). */
  publishedBetween(m: EntityManager, range: { from: Date; to: Date }): Promise<Array<{ id: string; park: string | null; industry: string; min_trl: number | null }>> {
    return m.query(
      `SELECT id, park, industry, min_trl FROM demand WHERE published_at >= $1 AND published_at < $2 AND status <> 'draft' ORDER BY published_at DESC, id`,
      [range.from, range.to],
    );
  }

  /** Proposals awarded in [from, to), with their demand's park. */
  proposalsAwardedBetween(m: EntityManager, range: { from: Date; to: Date }): Promise<Array<{ id: string; demand_id: string; park: string | null; decided_at: Date }>> {
    return m.query(
      `SELECT p.id, p.demand_id, d.park, p.decided_at FROM demand_proposal p JOIN demand d ON d.id = p.demand_id
        WHERE p.status = 'awarded' AND p.decided_at >= $1 AND p.decided_at < $2 ORDER BY p.decided_at, p.id`,
      [range.from, range.to],
    );
  }

  /** Enterprises' decisions on proposals that name achievements: one row per (demand, achievement, decision). Ids only. */
  proposalDecisions(m: EntityManager): Promise<Array<{ demand_id: string; achievement_id: string; status: 'shortlisted' | 'awarded' | 'declined' }>> {
    return m.query(
      `SELECT DISTINCT p.demand_id, a.achievement_id, p.status FROM demand_proposal p CROSS JOIN LATERAL unnest(p.achievement_ids) AS a(achievement_id)
        WHERE p.status IN ('shortlisted','awarded','declined') ORDER BY p.demand_id, a.achievement_id`,
    );
  }

  // ---- personal data (个人信息保护法): a demand whose contact is the person, by their address ----

  listingsWithContactEmail(m: EntityManager, email: string): Promise<Array<{ id: string; title: string; status: string; contactName: string | null; contactPhone: string | null; contactEmail: string }>> {
    return m.query(
      `SELECT id, title, status, contact_name AS "contactName", contact_phone AS "contactPhone", contact_email AS "contactEmail" FROM demand WHERE lower(contact_email) = lower($1) ORDER BY created_at`,
      [email],
    );
  }

  async clearContactWithEmail(m: EntityManager, email: string): Promise<number> {
    const [, n]: [unknown, number] = await m.query(
      `UPDATE demand SET contact_name = NULL, contact_phone = NULL, contact_email = NULL, updated_at = now() WHERE lower(contact_email) = lower($1)`,
      [email],
    );
    return n;
  }
}
