import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicators the programmes context feeds monitoring with: major projects in the portfolio and the three lists'
 * completion. Not weighted into the innovation index by this migration (existing index versions stay as computed):
 * administrators include them with a new weights version.
 */
export class ProgrammeIndicators1767200400000 implements MigrationInterface {
  name = 'ProgrammeIndicators1767200400000';

  async up(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(`SELECT coalesce(max(position), 0)::int AS n FROM monitoring_indicator`);
    await q.query(
      `INSERT INTO monitoring_indicator (code, zh, en, unit, dimension, direction, source, aggregation, in_index, position) VALUES
        ('major-projects-in-portfolio', '重大科技成果转化项目数（在库）', 'Major transfer projects in the portfolio', 'count', 'services', 'higher', 'computed', 'last', false, $1),
        ('three-list-completion', '三个清单完成率', 'Three-list completion', 'percent', 'services', 'higher', 'computed', 'last', false, $2)`,
      [n + 1, n + 2],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM monitoring_indicator WHERE code IN ('major-projects-in-portfolio', 'three-list-completion')`);
  }
}
