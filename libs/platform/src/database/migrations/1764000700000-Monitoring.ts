import { MigrationInterface, QueryRunner } from 'typeorm';

type IndicatorSeed = [code: string, zh: string, en: string, unit: string, dimension: string, direction: string, source: string, aggregation: string, inIndex: boolean];

/**
 * The indicator catalogue: what the platform computes from its records and what park administrators
 * enter each quarter. `aggregation` says how four quarters make a year (flows sum, stocks take the last
 * quarter, rates average); the innovation index uses the `in_index` ones.
 */
const INDICATORS: IndicatorSeed[] = [
  ['contracts-registered', '登记技术合同数', 'Technology contracts registered', 'count', 'transaction', 'higher', 'computed', 'sum', true],
  ['contract-amount', '技术合同成交额', 'Contract amount', 'yuan', 'transaction', 'higher', 'computed', 'sum', false],
  ['technology-amount', '技术交易额', 'Technology transaction amount', 'yuan', 'transaction', 'higher', 'computed', 'sum', true],
  ['absorbed-bj-tj-amount', '吸纳京津技术合同成交额', 'Contract amount absorbed from Beijing and Tianjin', 'yuan', 'transaction', 'higher', 'computed', 'sum', false],
  ['absorbed-bj-tj-share', '吸纳京津技术合同成交额占比', 'Share of contract amount absorbed from Beijing and Tianjin', 'percent', 'transaction', 'higher', 'computed', 'share', true],
  ['achievements-published', '发布科技成果数', 'Technology achievements published', 'count', 'supply-demand', 'higher', 'computed', 'sum', true],
  ['demands-posted', '发布企业技术需求数', 'Enterprise demands posted', 'count', 'supply-demand', 'higher', 'computed', 'sum', true],
  ['matches-suggested', '推荐匹配数', 'Matches suggested', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['matches-contacted', '已联系匹配数', 'Matches contacted', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['matches-signed', '签约匹配数', 'Matches signed', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['proposals-awarded', '揭榜中标数', 'Solution proposals awarded', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['events-held', '举办路演对接活动数', 'Roadshows and matchmaking events held', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['large-roadshows-held', '举办大型路演活动数', 'Large roadshows held', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['event-meetings', '一对一洽谈场次', '1:1 meetings held at events', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['event-intentions', '达成合作意向数', 'Cooperation intentions reached at events', 'count', 'supply-demand', 'higher', 'computed', 'sum', false],
  ['active-brokers', '活跃技术经纪人数', 'Active technology brokers', 'count', 'services', 'higher', 'computed', 'sum', true],
  ['active-institutions', '活跃技术转移机构数', 'Active technology transfer institutions', 'count', 'services', 'higher', 'computed', 'sum', true],
  ['rewards-accrued', '技术转移奖励金额', 'Technology transfer rewards accrued', 'yuan', 'services', 'higher', 'computed', 'sum', false],
  ['rd-spending-share', 'R&D经费投入强度', 'R&D spending as a share of GDP', 'percent', 'innovation-input', 'higher', 'entered', 'mean', true],
  ['invention-patents-per-10k', '每万人发明专利拥有量', 'Invention patents per 10,000 people', 'per-10k', 'innovation-input', 'higher', 'entered', 'last', true],
  ['high-tech-enterprises', '高新技术企业数', 'High-tech enterprises', 'count', 'innovation-entities', 'higher', 'entered', 'last', true],
  ['tech-smes', '科技型中小企业数', 'Technology-based SMEs', 'count', 'innovation-entities', 'higher', 'entered', 'last', true],
  ['incubators', '科技企业孵化器数', 'Technology business incubators', 'count', 'innovation-entities', 'higher', 'entered', 'last', true],
  ['maker-spaces', '众创空间数', 'Maker spaces', 'count', 'innovation-entities', 'higher', 'entered', 'last', true],
];

type TargetSeed = [code: string, zh: string, en: string, indicator: string, value: number, unit: string, basis: string, year: number];
/** The implementation plan's targets (2026–2030 horizon assumed: editable by a migration later). */
const TARGETS: TargetSeed[] = [
  ['contract-total', '技术合同成交总额达到100亿元', 'Technology contract total of 10 billion yuan', 'contract-amount', 10_000_000_000, 'yuan', 'cumulative', 2030],
  ['absorbed-share', '吸纳京津技术合同成交额占比不低于三分之一', 'At least one third of contract amount absorbed from Beijing and Tianjin', 'absorbed-bj-tj-share', 33.33, 'percent', 'share', 2030],
  ['high-tech-enterprises', '高新技术企业达到1000家', '1,000 high-tech enterprises', 'high-tech-enterprises', 1000, 'count', 'latest', 2030],
  ['tech-smes', '科技型中小企业达到10000家', '10,000 technology-based SMEs', 'tech-smes', 10000, 'count', 'latest', 2030],
  ['incubators', '科技企业孵化器达到30家', '30 technology business incubators', 'incubators', 30, 'count', 'latest', 2030],
  ['maker-spaces', '众创空间达到100家', '100 maker spaces', 'maker-spaces', 100, 'count', 'latest', 2030],
  ['large-roadshows', '每年举办大型路演活动不少于5场', 'At least five large roadshows a year', 'large-roadshows-held', 5, 'count', 'yearly', 2030],
];

/** Default innovation-index weights (version 1): dimensions sum to 1, indicator weights are relative within a dimension. */
const DEFAULT_WEIGHTS = {
  dimensions: { transaction: 0.35, 'supply-demand': 0.2, services: 0.1, 'innovation-input': 0.15, 'innovation-entities': 0.2 },
  indicators: {
    'contracts-registered': 1, 'technology-amount': 2, 'absorbed-bj-tj-share': 1, 'achievements-published': 1, 'demands-posted': 1, 'active-brokers': 1, 'active-institutions': 1,
    'rd-spending-share': 1, 'invention-patents-per-10k': 1, 'high-tech-enterprises': 1, 'tech-smes': 1, incubators: 1, 'maker-spaces': 1,
  },
};

export class Monitoring1764000700000 implements MigrationInterface {
  name = 'Monitoring1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE monitoring_indicator (
      code text PRIMARY KEY,
      zh text NOT NULL,
      en text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('count','yuan','percent','per-10k')),
      dimension text NOT NULL CHECK (dimension IN ('transaction','supply-demand','services','innovation-input','innovation-entities')),
      direction text NOT NULL CHECK (direction IN ('higher','lower')),
      source text NOT NULL CHECK (source IN ('computed','entered')),
      aggregation text NOT NULL CHECK (aggregation IN ('sum','last','mean','share')),
      in_index boolean NOT NULL DEFAULT false,
      position int NOT NULL)`);
    for (const [i, r] of INDICATORS.entries()) {
      await q.query(
        `INSERT INTO monitoring_indicator (code, zh, en, unit, dimension, direction, source, aggregation, in_index, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [...r, i + 1],
      );
    }
    await q.query(`CREATE TABLE monitoring_target (
      code text PRIMARY KEY,
      zh text NOT NULL,
      en text NOT NULL,
      indicator_code text NOT NULL REFERENCES monitoring_indicator(code),
      target_value numeric(20,4) NOT NULL CHECK (target_value > 0),
      unit text NOT NULL,
      basis text NOT NULL CHECK (basis IN ('cumulative','share','latest','yearly')),
      target_year int NOT NULL,
      position int NOT NULL)`);
    for (const [i, r] of TARGETS.entries()) {
      await q.query(`INSERT INTO monitoring_target (code, zh, en, indicator_code, target_value, unit, basis, target_year, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [...r, i + 1]);
    }
    await q.query(`CREATE TABLE monitoring_quarter (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{4}Q[1-4]$'),
      year int NOT NULL,
      quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','published')),
      opened_at timestamptz NOT NULL,
      opened_by uuid NOT NULL REFERENCES app_user(id),
      published_at timestamptz,
      published_by uuid REFERENCES app_user(id),
      revision int NOT NULL DEFAULT 0,
      version int NOT NULL DEFAULT 1,
      CHECK ((status = 'published') = (published_at IS NOT NULL)))`);
    await q.query(`CREATE TABLE monitoring_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      quarter_code text NOT NULL REFERENCES monitoring_quarter(code),
      park_code text NOT NULL REFERENCES ref_park(code),
      indicator_code text NOT NULL REFERENCES monitoring_indicator(code),
      value numeric(20,4) NOT NULL CHECK (value >= 0),
      note text,
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','approved','returned')),
      entered_by uuid NOT NULL REFERENCES app_user(id),
      entered_at timestamptz NOT NULL,
      reviewed_by uuid REFERENCES app_user(id),
      reviewed_at timestamptz,
      return_reason text,
      version int NOT NULL DEFAULT 1,
      CHECK ((status = 'returned') = (return_reason IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX ux_monitoring_entry ON monitoring_entry (quarter_code, park_code, indicator_code)`);
    // The frozen snapshot of a published quarter; a correction supersedes a row and inserts its successor.
    await q.query(`CREATE TABLE monitoring_figure (
      id bigserial PRIMARY KEY,
      quarter_code text NOT NULL REFERENCES monitoring_quarter(code),
      park_code text REFERENCES ref_park(code),
      indicator_code text NOT NULL REFERENCES monitoring_indicator(code),
      breakdown text NOT NULL DEFAULT '',
      value numeric(20,4),
      source text NOT NULL CHECK (source IN ('computed','entered','correction')),
      records jsonb NOT NULL DEFAULT '[]'::jsonb,
      entry_id uuid REFERENCES monitoring_entry(id),
      note text,
      revision int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      superseded_at timestamptz)`);
    await q.query(`CREATE UNIQUE INDEX ux_monitoring_figure_current ON monitoring_figure (quarter_code, coalesce(park_code, ''), indicator_code, breakdown) WHERE superseded_at IS NULL`);
    await q.query(`CREATE TABLE monitoring_correction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      quarter_code text NOT NULL REFERENCES monitoring_quarter(code),
      park_code text REFERENCES ref_park(code),
      indicator_code text NOT NULL REFERENCES monitoring_indicator(code),
      old_value numeric(20,4),
      new_value numeric(20,4) NOT NULL,
      reason text NOT NULL,
      corrected_by uuid NOT NULL REFERENCES app_user(id),
      corrected_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX ix_monitoring_correction_quarter ON monitoring_correction (quarter_code, corrected_at)`);
    await q.query(`CREATE TABLE monitoring_index_weights (
      version serial PRIMARY KEY,
      dimensions jsonb NOT NULL,
      indicators jsonb NOT NULL,
      note text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO monitoring_index_weights (dimensions, indicators, note) VALUES ($1, $2, 'default weights')`, [
      JSON.stringify(DEFAULT_WEIGHTS.dimensions), JSON.stringify(DEFAULT_WEIGHTS.indicators),
    ]);
    // Each computation is kept whole: its inputs (with the figure ids behind them) and the weights version reproduce it.
    await q.query(`CREATE TABLE monitoring_index_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      weights_version int NOT NULL REFERENCES monitoring_index_weights(version),
      quarters text[] NOT NULL,
      inputs jsonb NOT NULL,
      results jsonb NOT NULL,
      computed_by uuid NOT NULL REFERENCES app_user(id),
      computed_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX ix_monitoring_index_run_year ON monitoring_index_run (year, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['monitoring_index_run', 'monitoring_index_weights', 'monitoring_correction', 'monitoring_figure', 'monitoring_entry', 'monitoring_quarter', 'monitoring_target', 'monitoring_indicator']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
