import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AchievementAttachment } from './entities/achievement-attachment.entity';
import { AchievementEvent } from './entities/achievement-event.entity';
import { AchievementInterest } from './entities/achievement-interest.entity';
import { Achievement, AchievementStatus } from './entities/achievement.entity';
import type { AchievementListing } from './achievement-listing';

export interface AchievementFilter {
  status?: AchievementStatus;
  statuses?: AchievementStatus[];
  industry?: string;
  industries?: string[];
  ownerId?: string;
  source?: string;
  externalId?: string;
  q?: string;
  /** Visibility: published rows, plus every row of these owners, plus rows in these statuses. */
  visibleTo?: { ownerId?: string; extraStatuses?: AchievementStatus[]; extraIndustries?: string[] | null } | 'all';
  skip: number;
  take: number;
}

/** One row of the import upsert: the columns the import sets. */
export interface ImportedAchievementRow extends AchievementListing {
  source: string;
  external_id: string;
  owner_id: string;
  owner_type: string;
  transfer_modes: string[];
  asking_price: number | null;
  patents: string[];
  funding_source: string | null;
  award: string | null;
  contact: Record<string, string> | null;
  status: AchievementStatus;
  quality_warnings: unknown[];
  created_by: string;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The only code in catalog's achievement side that touches TypeORM. */
@Injectable()
export class AchievementRepository {
  find(m: EntityManager, id: string, lock = false): Promise<Achievement | null> {
    const qb = m.getRepository(Achievement).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findMany(m: EntityManager, ids: string[]): Promise<Achievement[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(Achievement).find({ where: { id: In([...new Set(ids)]) } });
  }

  findPublishedByIds(m: EntityManager, ids: string[]): Promise<Achievement[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(Achievement).find({ where: { id: In([...new Set(ids)]), status: 'published' } });
  }

  save(m: EntityManager, a: Partial<Achievement>): Promise<Achievement> {
    const repo = m.getRepository(Achievement);
    return repo.save(repo.create(a));
  }

  async list(m: EntityManager, f: AchievementFilter): Promise<[Achievement[], number]> {
    const qb = m.getRepository(Achievement).createQueryBuilder('a');
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f.statuses) qb.andWhere('a.status IN (:...statuses)', { statuses: f.statuses });
    if (f.industry) qb.andWhere('a.industry = :industry', { industry: f.industry });
    if (f.industries) qb.andWhere('a.industry IN (:...industries)', { industries: f.industries.length ? f.industries : ['-'] });
    if (f.ownerId) qb.andWhere('a.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.source) qb.andWhere('a.source = :source', { source: f.source });
    if (f.externalId) qb.andWhere('a.external_id = :externalId', { externalId: f.externalId });
    if (f.q) qb.andWhere(`(a.title ILIKE :q OR a.summary ILIKE :q)`, { q: `%${escapeLike(f.q)}%` });
    if (f.visibleTo && f.visibleTo !== 'all') {
      const v = f.visibleTo;
      const parts = [`a.status = 'published'`];
      if (v.ownerId) parts.push('a.owner_id = :visOwner');
      if (v.extraStatuses?.length) {
        parts.push(v.extraIndustries ? '(a.status IN (:...visStatuses) AND a.industry IN (:...visIndustries))' : 'a.status IN (:...visStatuses)');
      }
      qb.andWhere(`(${parts.join(' OR ')})`, { visOwner: v.ownerId, visStatuses: v.extraStatuses, visIndustries: v.extraIndustries?.length ? v.extraIndustries : ['-'] });
    }
    qb.orderBy('a.published_at', 'DESC', 'NULLS LAST').addOrderBy('a.updated_at', 'DESC').addOrderBy('a.id', 'ASC').skip(f.skip).take(f.take);
    return qb.getManyAndCount();
  }

  async publishedIdsOfOwner(m: EntityManager, ownerId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM achievement WHERE owner_id = $1 AND status = 'published' ORDER BY published_at DESC`, [ownerId]);
    return rows.map((r) => r.id);
  }

  /** Achievements (any status but draft) of a sub-field within a TRL range: the market's comparables for a price band. */
  async idsOfFieldAndTrl(m: EntityManager, q: { industry: string; field: string | null; trlFrom: number; trlTo: number }): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM achievement WHERE industry = $1 AND ($2::text IS NULL OR field = $2) AND trl BETWEEN $3 AND $4 AND status <> 'draft' LIMIT 20000`,
      [q.industry, q.field, q.trlFrom, q.trlTo],
    );
    return rows.map((r) => r.id);
  }

  async listIndexable(m: EntityManager): Promise<Array<{ id: string; version: number }>> {
    return m.query(`SELECT id, version FROM achievement WHERE status = 'published'`);
  }

  /** Keyset page of published achievements (id order) last changed before `changedBefore`: the matching reconciler's walk. */
  async publishedVersionsPage(m: EntityManager, after: string | null, limit: number, changedBefore: Date): Promise<Array<{ id: string; version: number }>> {
    const rows: Array<{ id: string; version: number }> = await m.query(
      `SELECT id, version FROM achievement WHERE status = 'published' AND updated_at < $3 AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [after, limit, changedBefore],
    );
    return rows.map((r) => ({ id: r.id, version: Number(r.version) }));
  }

  /** Current version of each existing id, whatever its status (a removal from the index is of that version). */
  async versionsByIds(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; version: number }> = await m.query(`SELECT id, version FROM achievement WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }

  insertEvent(m: EntityManager, e: Partial<AchievementEvent>): Promise<AchievementEvent> {
    const repo = m.getRepository(AchievementEvent);
    return repo.save(repo.create(e));
  }

  listEvents(m: EntityManager, achievementId: string): Promise<AchievementEvent[]> {
    return m.getRepository(AchievementEvent).find({ where: { achievementId }, order: { id: 'ASC' } });
  }

  /** Counters do not bump the version: they are not in the search document. */
  async incrementViews(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE achievement SET view_count = view_count + 1 WHERE id = $1`, [id]);
  }

  /** True when this user's interest is new. */
  async addInterest(m: EntityManager, i: { achievementId: string; userId: string; organisationId: string }): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(AchievementInterest)
      .values(i)
      .orIgnore()
      .returning(['achievementId'])
      .execute();
    const inserted = (res.raw as unknown[]).length > 0;
    if (inserted) await m.query(`UPDATE achievement SET interest_count = interest_count + 1 WHERE id = $1`, [i.achievementId]);
    return inserted;
  }

  saveAttachment(m: EntityManager, a: Partial<AchievementAttachment>): Promise<AchievementAttachment> {
    const repo = m.getRepository(AchievementAttachment);
    return repo.save(repo.create(a));
  }

  listAttachments(m: EntityManager, achievementId: string): Promise<AchievementAttachment[]> {
    return m.getRepository(AchievementAttachment).find({ where: { achievementId }, order: { createdAt: 'ASC' } });
  }

  countAttachments(m: EntityManager, achievementId: string): Promise<number> {
    return m.getRepository(AchievementAttachment).count({ where: { achievementId } });
  }

  findAttachment(m: EntityManager, achievementId: string, id: string): Promise<AchievementAttachment | null> {
    return m.getRepository(AchievementAttachment).findOne({ where: { achievementId, id } });
  }

  async deleteAttachment(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(AchievementAttachment).delete({ id });
  }

  /** The park's key industries as administrators edited them (ref_park), not the seed file. */
  async parkKeyIndustries(m: EntityManager, parkCode: string): Promise<string[] | null> {
    const rows: Array<{ key_industries: string[] }> = await m.query(`SELECT key_industries FROM ref_park WHERE code = $1`, [parkCode]);
    return rows.length ? rows[0].key_industries : null;
  }

  /** Replace a park's key industries; returns the previous list, or null when the park does not exist. Row-locked so concurrent edits audit the true "before". */

  /**
   * Insert or update by (source, external_id) in one statement. Ended states (withdrawn, transferred) keep
   * their status; published_at is set the first time a row becomes published.
   */
  async upsertImported(m: EntityManager, rows: ImportedAchievementRow[]): Promise<Array<{ id: string; inserted: boolean; external_id: string }>> {
    if (!rows.length) return [];
    return m.query(
      `INSERT INTO achievement AS a (source, external_id, owner_id, owner_type, title, summary, keywords, industry, field, trl, stage, transfer_modes,
         asking_price, patents, funding_source, award, contact, status, quality_warnings, created_by, submitted_at, published_at)
       SELECT r.source, r.external_id, r.owner_id, r.owner_type, r.title, r.summary, r.keywords, r.industry, r.field, r.trl, r.stage, r.transfer_modes,
         r.asking_price, r.patents, r.funding_source, r.award, r.contact, r.status, r.quality_warnings, r.created_by, now(),
         CASE WHEN r.status = 'published' THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS r(source text, external_id text, owner_id uuid, owner_type text, title text, summary text, keywords text[],
         industry text, field text, trl int, stage text, transfer_modes text[], asking_price numeric, patents text[], funding_source text,
         award text, contact jsonb, status text, quality_warnings jsonb, created_by uuid)
       ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
         owner_id = EXCLUDED.owner_id, owner_type = EXCLUDED.owner_type, title = EXCLUDED.title, summary = EXCLUDED.summary, keywords = EXCLUDED.keywords,
         industry = EXCLUDED.industry, field = EXCLUDED.field, trl = EXCLUDED.trl, stage = EXCLUDED.stage,
         transfer_modes = EXCLUDED.transfer_modes, asking_price = EXCLUDED.asking_price, patents = EXCLUDED.patents,
         funding_source = EXCLUDED.funding_source, award = EXCLUDED.award, contact = EXCLUDED.contact,
         quality_warnings = EXCLUDED.quality_warnings,
         status = CASE WHEN a.status IN ('withdrawn','transferred') THEN a.status ELSE EXCLUDED.status END,
         submitted_at = CASE WHEN a.status IN ('withdrawn','transferred') THEN a.submitted_at ELSE now() END,
         published_at = CASE WHEN a.status IN ('withdrawn','transferred') THEN a.published_at
                             WHEN EXCLUDED.status = 'published' THEN COALESCE(a.published_at, now()) ELSE a.published_at END,
         updated_at = now(), version = a.version + 1
       RETURNING a.id, a.external_id, (xmax = 0) AS inserted`,
      [JSON.stringify(rows)],
    );
  }

  async insertImportEvents(m: EntityManager, ids: string[], toStatus: AchievementStatus, actorUserId: string, importJobId: string): Promise<void> {
    if (!ids.length) return;
    await m.query(
      `INSERT INTO achievement_event (achievement_id, action, from_status, to_status, actor_user_id, comment)
       SELECT unnest($1::uuid[]), 'import', 'import', $2, $3, $4`,
      [ids, toStatus, actorUserId, `import ${importJobId}`],
    );
  }

  /** Achievements first published in [from, to), whatever they became since (drafts and returns excepted): the monitoring feed. */
  publishedBetween(m: EntityManager, range: { from: Date; to: Date }): Promise<Array<{ id: string; owner_id: string; industry: string; trl: number }>> {
    return m.query(
      `SELECT id, owner_id, industry, trl FROM achievement
        WHERE published_at >= $1 AND published_at < $2 AND status IN ('published', 'withdrawn', 'transferred') ORDER BY published_at DESC, id`,
      [range.from, range.to],
    );
  }
}
