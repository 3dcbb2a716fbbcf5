import { MigrationInterface, QueryRunner } from 'typeorm';

const INDICATORS: Array<[string, string, string, string, string]> = [
  ['park-funds', '园区子基金数', 'Park sub-funds', 'count', 'last'],
  ['fund-invested-amount', '子基金投资金额', 'Amount invested by park sub-funds', 'yuan', 'sum'],
  ['financing-closed', '完成股权融资项目数', 'Financing requests closed funded', 'count', 'sum'],
  ['financing-closed-amount', '完成股权融资金额', 'Equity financing closed', 'yuan', 'sum'],
  ['loans-disbursed', '知识产权质押贷款发放额', 'IP-pledge loans disbursed', 'yuan', 'sum'],
  ['loans-outstanding', '知识产权质押贷款余额', 'IP-pledge loans outstanding', 'yuan', 'last'],
];

/**
 * Science-and-technology finance indicators, computed from the finance context. The plan's technology credit target
 * (科技信贷规模达到200亿元, seeded by PlanTargets2020 on the 'technology-credit' indicator the parks entered) is now
 * measured from the platform's own records: the IP-pledge loans outstanding at the quarter's end.
 */
export class FinanceIndicators1767500200000 implements MigrationInterface {
  name = 'FinanceIndicators1767500200000';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, zh, en, unit, aggregation] of INDICATORS) {
      await q.query(
        `INSERT INTO monitoring_indicator (code, zh, en, unit, dimension, direction, source, aggregation, in_index, position)
         VALUES ($1, $2, $3, $4, 'services', 'higher', 'computed', $5, false, (SELECT coalesce(max(position), 0) + 1 FROM monitoring_indicator))`,
        [code, zh, en, unit, aggregation],
      );
    }
    await q.query(`UPDATE monitoring_indicator SET source = 'computed' WHERE code = 'technology-credit'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE monitoring_indicator SET source = 'entered' WHERE code = 'technology-credit'`);
    await q.query(`DELETE FROM monitoring_indicator WHERE code = ANY($1)`, [INDICATORS.map((i) => i[0])]);
  }
}
