import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { GuideCatalog, GuideCatalogEntry } from './entities/guide-catalog.entity';
import { PackageStatus, TechnologyPackage } from './entities/technology-package.entity';

/** Technology packages and guide catalogs: the only TypeORM code for them. */
@Injectable()
export class PackageRepository {
  find(m: EntityManager, id: string, lock = false): Promise<TechnologyPackage | null> {
    const qb = m.getRepository(TechnologyPackage).createQueryBuilder('p').where('p.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findPublishedByIds(m: EntityManager, ids: string[]): Promise<TechnologyPackage[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(TechnologyPackage).find({ where: { id: In(ids), status: 'published' } });
  }

  save(m: EntityManager, p: Partial<TechnologyPackage>): Promise<TechnologyPackage> {
    const repo = m.getRepository(TechnologyPackage);
    return repo.save(repo.create(p));
  }

  list(m: EntityManager, f: { status?: PackageStatus; curatorOrgId?: string; publicOnly: boolean; skip: number; take: number }): Promise<[TechnologyPackage[], number]> {
    const qb = m.getRepository(TechnologyPackage).createQueryBuilder('p');
    if (f.publicOnly) qb.andWhere(`p.status = 'published'`);
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.curatorOrgId) qb.andWhere('p.curator_org_id = :org', { org: f.curatorOrgId });
    return qb.orderBy('p.published_at', 'DESC', 'NULLS LAST').addOrderBy('p.updated_at', 'DESC').skip(f.skip).take(f.take).getManyAndCount();
  }

  async listIndexable(m: EntityManager): Promise<Array<{ id: string; version: number }>> {
    return m.query(`SELECT id, version FROM technology_package WHERE status = 'published'`);
  }

  /** Current version of each existing id, whatever its status (a removal from the index is of that version). */
  async versionsByIds(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; version: number }> = await m.query(`SELECT id, version FROM technology_package WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }

  /**
   * A member achievement changed: bump the version of every published package listing one of them (their documents
   * show the members' titles and figures), so the index and the reconciler see the change. Returns their ids.
   * updated_at stays: the curator did not edit the package.
   */
  async touchPublishedContaining(m: EntityManager, achievementIds: string[]): Promise<string[]> {
    if (!achievementIds.length) return [];
    const [rows]: [Array<{ id: string }>, number] = await m.query(
      `UPDATE technology_package SET version = version + 1 WHERE status = 'published' AND achievement_ids && $1::uuid[] RETURNING id`,
      [achievementIds],
    );
    return rows.map((r) => r.id);
  }

  // ---- guide catalogs ----

  findCatalog(m: EntityManager, id: string): Promise<GuideCatalog | null> {
    return m.getRepository(GuideCatalog).findOne({ where: { id } });
  }

  findCatalogByYearIndustry(m: EntityManager, year: number, industry: string): Promise<GuideCatalog | null> {
    return m.getRepository(GuideCatalog).findOne({ where: { year, industry } });
  }

  saveCatalog(m: EntityManager, c: Partial<GuideCatalog>): Promise<GuideCatalog> {
    const repo = m.getRepository(GuideCatalog);
    return repo.save(repo.create(c));
  }

  listCatalogs(m: EntityManager, f: { year?: number; industry?: string; publicOnly: boolean; skip: number; take: number }): Promise<[GuideCatalog[], number]> {
    const qb = m.getRepository(GuideCatalog).createQueryBuilder('c');
    if (f.publicOnly) qb.andWhere(`c.status = 'published'`);
    if (f.year) qb.andWhere('c.year = :year', { year: f.year });
    if (f.industry) qb.andWhere('c.industry = :industry', { industry: f.industry });
    return qb.orderBy('c.year', 'DESC').addOrderBy('c.industry', 'ASC').skip(f.skip).take(f.take).getManyAndCount();
  }

  entries(m: EntityManager, catalogId: string): Promise<GuideCatalogEntry[]> {
    return m.getRepository(GuideCatalogEntry).find({ where: { catalogId }, order: { position: 'ASC' } });
  }

  async upsertEntry(m: EntityManager, catalogId: string, achievementId: string, note: string): Promise<void> {
    await m.query(
      `INSERT INTO guide_catalog_entry (catalog_id, achievement_id, position, note)
       VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM guide_catalog_entry WHERE catalog_id = $1), $3)
       ON CONFLICT (catalog_id, achievement_id) DO UPDATE SET note = EXCLUDED.note`,
      [catalogId, achievementId, note],
    );
  }

  async removeEntry(m: EntityManager, catalogId: string, achievementId: string): Promise<boolean> {
    const res = await m.getRepository(GuideCatalogEntry).delete({ catalogId, achievementId });
    return (res.affected ?? 0) > 0;
  }
}
