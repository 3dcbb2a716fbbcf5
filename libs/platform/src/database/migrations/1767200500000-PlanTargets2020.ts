import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The implementation plan's targets with the plan's own horizon (2020; the first seed assumed 2030) and every target
 * it sets, each tied to the indicator that measures it. Indicators the platform cannot compute are entered by the
 * parks each quarter. Later horizons are added by administrators (POST /monitoring/targets), not by code.
 * The wording of the added targets follows issue 17's summary of the plan (the plan text is not in the repository).
 */
const INDICATORS: Array<[code: string, zh: string, en: string, unit: string, dimension: string]> = [
  ['transfer-institutions', '技术转移机构数', 'Technology transfer institutions', 'count', 'services'],
  ['little-giant-enterprises', '科技小巨人企业数', "Technology 'little giant' enterprises", 'count', 'innovation-entities'],
  ['academician-workstations', '院士工作站数', 'Academician workstations', 'count', 'innovation-entities'],
  ['new-rd-institutions', '新型研发机构数', 'New R&D institutions', 'count', 'innovation-entities'],
  ['broker-training-bases', '技术转移人才培养基地数', 'Technology transfer talent training bases', 'count', 'services'],
  ['industry-alliances', '产业技术创新联盟数', 'Industrial technology innovation alliances', 'count', 'innovation-entities'],
  ['technology-credit', '科技信贷规模', 'Technology credit', 'yuan', 'innovation-input'],
  ['cultivation-pool-firms', '科技型企业培育库入库企业数', 'Firms in the technology-enterprise cultivation pool', 'count', 'innovation-entities'],
];

const TARGETS: Array<[code: string, zh: string, en: string, indicator: string, value: number, unit: string]> = [
  ['transfer-institutions', '培育技术转移机构10家以上', 'More than 10 technology transfer institutions', 'transfer-institutions', 10, 'count'],
  ['little-giants', '培育科技小巨人企业1000家', "1,000 technology 'little giant' enterprises", 'little-giant-enterprises', 1000, 'count'],
  ['academician-workstations', '建设院士工作站50家', '50 academician workstations', 'academician-workstations', 50, 'count'],
  ['new-rd-institutions', '新建新型研发机构20家', '20 new R&D institutions', 'new-rd-institutions', 20, 'count'],
  ['broker-training-bases', '建设10家技术转移人才培养基地', '10 technology transfer talent training bases', 'broker-training-bases', 10, 'count'],
  ['industry-alliances', '组建产业技术创新联盟20家', '20 industrial technology innovation alliances', 'industry-alliances', 20, 'count'],
  ['technology-credit', '科技信贷规模达到200亿元', 'Technology credit of 20 billion yuan', 'technology-credit', 20_000_000_000, 'yuan'],
  ['cultivation-pool', '科技型企业培育库入库企业1500家', 'A pool of 1,500 firms under cultivation', 'cultivation-pool-firms', 1500, 'count'],
];

export class PlanTargets20201767200500000 implements MigrationInterface {
  name = 'PlanTargets20201767200500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE monitoring_target SET target_year = 2020 WHERE target_year = 2030`);
    const [{ n }] = await q.query(`SELECT coalesce(max(position), 0)::int AS n FROM monitoring_indicator`);
    for (const [i, [code, zh, en, unit, dimension]] of INDICATORS.entries()) {
      await q.query(
        `INSERT INTO monitoring_indicator (code, zh, en, unit, dimension, direction, source, aggregation, in_index, position) VALUES ($1, $2, $3, $4, $5, 'higher', 'entered', 'last', false, $6)`,
        [code, zh, en, unit, dimension, n + i + 1],
      );
    }
    const [{ p }] = await q.query(`SELECT coalesce(max(position), 0)::int AS p FROM monitoring_target`);
    for (const [i, [code, zh, en, indicator, value, unit]] of TARGETS.entries()) {
      await q.query(
        `INSERT INTO monitoring_target (code, zh, en, indicator_code, target_value, unit, basis, target_year, position) VALUES ($1, $2, $3, $4, $5, $6, 'latest', 2020, $7)`,
        [code, zh, en, indicator, value, unit, p + i + 1],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM monitoring_target WHERE code = ANY($1)`, [TARGETS.map((t) => t[0])]);
    await q.query(`DELETE FROM monitoring_indicator WHERE code = ANY($1)`, [INDICATORS.map((i) => i[0])]);
    await q.query(`UPDATE monitoring_target SET target_year = 2030 WHERE target_year = 2020`);
  }
}
