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
 * Science-and-technology finance indicators, computed from the finance context, and the plan's technology credit
 * target (科技信贷规模达到200亿元) measured on the pledge loans disbursed.
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
    await q.query(
      `INSERT INTO monitoring_target (code, zh, en, indicator_code, target_value, unit, basis, target_year, position)
       VALUES ('technology-credit', '科技信贷规模达到200亿元', 'Technology credit of 20 billion yuan', 'loans-disbursed', 20000000000, 'yuan', 'cumulative', 2030,
               (SELECT coalesce(max(position), 0) + 1 FROM monitoring_target))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM monitoring_target WHERE code = 'technology-credit'`);
    await q.query(`DELETE FROM monitoring_indicator WHERE code = ANY($1)`, [INDICATORS.map((i) => i[0])]);
  }
}
