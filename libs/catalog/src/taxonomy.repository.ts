import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface TaxonomyRows {
  industries: Array<{ code: string; zh: string; en: string }>;
  fields: Array<{ code: string; industry_code: string; zh: string; en: string }>;
  parks: Array<{ code: string; zh: string; en: string; city: string; key_industries: string[] | null; updated_at: Date | null }>;
  trl: Array<{ level: number; zh: string; en: string; stage: string }>;
  modes: Array<{ code: string; kind: string; zh: string; en: string }>;
  contractTypes: Array<{ code: string; category: string; zh: string; en: string; registrant: string }>;
}

/** The editable copy of the reference data (ref_* tables, seeded by the platform). */
@Injectable()
export class TaxonomyRepository {
  async readAll(m: EntityManager): Promise<TaxonomyRows> {
    const [industries, fields, parks, trl, modes, contractTypes] = await Promise.all([
      m.query(`SELECT code, zh, en FROM ref_industry ORDER BY position`),
      m.query(`SELECT code, industry_code, zh, en FROM ref_field ORDER BY position`),
      m.query(`SELECT code, zh, en, city, key_industries, updated_at FROM ref_park ORDER BY position`),
      m.query(`SELECT level, zh, en, stage FROM ref_trl ORDER BY level`),
      m.query(`SELECT code, kind, zh, en FROM ref_transfer_mode ORDER BY position`),
      m.query(`SELECT code, category, zh, en, registrant FROM ref_contract_type ORDER BY position`),
    ]);
    return { industries, fields, parks, trl, modes, contractTypes };
  }

  /** Locks the park row so the audited 'before' list is exact when two administrators edit at once; null when the park does not exist. */
  async replaceParkKeyIndustries(m: EntityManager, parkCode: string, industries: string[]): Promise<string[] | null> {
    const rows: Array<{ key_industries: string[] }> = await m.query(`SELECT key_industries FROM ref_park WHERE code = $1 FOR UPDATE`, [parkCode]);
    if (!rows.length) return null;
    await m.query(`UPDATE ref_park SET key_industries = $2, updated_at = now() WHERE code = $1`, [parkCode, industries]);
    return rows[0].key_industries;
  }
}
