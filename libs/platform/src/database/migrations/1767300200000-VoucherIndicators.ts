import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monitoring indicators fed by the vouchers and instruments contexts: vouchers issued and redeemed by the holder's
 * park, the amount redeemed across regions (a Beijing or Tianjin programme or provider), and the instruments' share
 * rate (external ÷ effective hours, recomputed from its parts over a year). Machine hours are counted ('count').
 */
const INDICATORS: Array<[string, string, string, string, string, string, string, string, boolean]> = [
  ['vouchers-issued', '发放科技创新券张数', 'Innovation vouchers issued', 'count', 'services', 'higher', 'computed', 'sum', false],
  ['vouchers-issued-amount', '发放科技创新券金额', 'Innovation voucher amount issued', 'yuan', 'services', 'higher', 'computed', 'sum', false],
  ['vouchers-redeemed-amount', '兑付科技创新券金额', 'Innovation voucher amount redeemed', 'yuan', 'services', 'higher', 'computed', 'sum', false],
  ['vouchers-cross-region-amount', '京津冀跨区域兑付创新券金额', 'Voucher amount redeemed across Beijing, Tianjin and Hebei', 'yuan', 'services', 'higher', 'computed', 'sum', false],
  ['instrument-effective-hours', '大型科研仪器有效机时', 'Effective machine hours of shared instruments', 'count', 'services', 'higher', 'computed', 'sum', false],
  ['instrument-external-hours', '大型科研仪器对外服务机时', 'External machine hours of shared instruments', 'count', 'services', 'higher', 'computed', 'sum', false],
  ['instrument-share-rate', '大型科研仪器共享率', 'Shared instruments: share rate (external ÷ effective hours)', 'percent', 'services', 'higher', 'computed', 'share', false],
];

export class VoucherIndicators1767300200000 implements MigrationInterface {
  name = 'VoucherIndicators1767300200000';

  async up(q: QueryRunner): Promise<void> {
    const [{ max }] = await q.query(`SELECT COALESCE(MAX(position), 0)::int AS max FROM monitoring_indicator`);
    for (const [i, r] of INDICATORS.entries()) {
      await q.query(
        `INSERT INTO monitoring_indicator (code, zh, en, unit, dimension, direction, source, aggregation, in_index, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
         ON CONFLICT (code) DO NOTHING`,
        [...r, max + i + 1],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM monitoring_indicator WHERE code = ANY($1)`, [INDICATORS.map((r) => r[0])]);
  }
}
