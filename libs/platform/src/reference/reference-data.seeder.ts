import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONTRACT_TYPES, COOPERATION_MODES, INDUSTRIES, PARKS, PRICING_METHODS, TRANSFER_MODES, TRL_LEVELS } from './reference-data';

/**
 * Idempotent: inserts what is missing and refreshes names, but never overwrites what administrators
 * edit (a park's key industries).
 */
@Injectable()
export class ReferenceDataSeeder {
  private readonly logger = new Logger('ReferenceDataSeeder');
  constructor(private readonly dataSource: DataSource) {}

  async seed(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      for (const [i, ind] of INDUSTRIES.entries()) {
        await tx.query(`INSERT INTO ref_industry (code, zh, en, position) VALUES ($1,$2,$3,$4) ON CONFLICT (code) DO UPDATE SET zh=EXCLUDED.zh, en=EXCLUDED.en, position=EXCLUDED.position`, [ind.code, ind.zh, ind.en, i]);
        for (const [j, f] of ind.fields.entries()) {
          await tx.query(`INSERT INTO ref_field (code, industry_code, zh, en, position) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (code) DO UPDATE SET zh=EXCLUDED.zh, en=EXCLUDED.en, position=EXCLUDED.position`, [f.code, ind.code, f.zh, f.en, j]);
        }
      }
      for (const [i, p] of PARKS.entries()) {
        await tx.query(`INSERT INTO ref_park (code, zh, en, city, key_industries, position) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (code) DO UPDATE SET zh=EXCLUDED.zh, en=EXCLUDED.en, city=EXCLUDED.city`, [p.code, p.zh, p.en, p.city, p.keyIndustries, i]);
      }
      for (const l of TRL_LEVELS) {
        await tx.query(`INSERT INTO ref_trl (level, zh, en, stage) VALUES ($1,$2,$3,$4) ON CONFLICT (level) DO UPDATE SET zh=EXCLUDED.zh, en=EXCLUDED.en, stage=EXCLUDED.stage`, [l.level, l.zh, l.en, l.stage]);
      }
      const modes = [
        ...TRANSFER_MODES.map((m) => ({ ...m, kind: 'transfer' })),
        ...COOPERATION_MODES.filter((m) => !TRANSFER_MODES.some((t) => t.code === m.code)).map((m) => ({ ...m, kind: 'cooperation' })),
        ...PRICING_METHODS.map((m) => ({ ...m, kind: 'pricing' })),
      ];
      for (const [i, m] of modes.entries()) {
        await tx.query(`INSERT INTO ref_transfer_mode (code, kind, zh, en, position) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (code) DO UPDATE SET zh=EXCLUDED.zh, en=EXCLUDED.en`, [m.code, m.kind, m.zh, m.en, i]);
      }
      for (const [i, t] of CONTRACT_TYPES.entries()) {
        await tx.query(`INSERT INTO ref_contract_type (code, category, zh, en, registrant, scopes, position) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (code) DO UPDATE SET zh=EXCLUDED.zh, en=EXCLUDED.en, category=EXCLUDED.category, registrant=EXCLUDED.registrant, scopes=EXCLUDED.scopes`, [t.code, t.category, t.zh, t.en, t.registrant, t.scopes ?? [], i]);
      }
    });
    this.logger.log('reference data seeded');
  }
}
