import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ScrapedGauge, ScrapedGauges } from '@techbridge/platform';
import { DataSource } from 'typeorm';

/** Achievements by status and import lines by kind and outcome, from the catalog's tables at scrape time. */
@Injectable()
export class CatalogMetrics extends ScrapedGauges implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected gauges(): ScrapedGauge[] {
    return [
      {
        name: 'achievements',
        help: 'Achievements by status (published = on the market)',
        labels: ['status'],
        collect: async () => (await this.dataSource.query(`SELECT status, count(*)::int AS n FROM achievement GROUP BY status`)).map((r: { status: string; n: number }) => ({ labels: { status: r.status }, value: r.n })),
      },
      {
        // Only grows while import rows are kept: rate() over it is the import throughput in lines per second.
        name: 'import_lines',
        help: 'Import lines accounted for, by kind and outcome (created, updated, failed), over every import on record',
        labels: ['kind', 'outcome'],
        collect: async () => {
          const rows: Array<{ kind: string; created: number; updated: number; failed: number }> = await this.dataSource.query(
            `SELECT kind, sum(created)::bigint::float AS created, sum(updated)::bigint::float AS updated, sum(failed)::bigint::float AS failed FROM import_job GROUP BY kind`,
          );
          return rows.flatMap((r) => (['created', 'updated', 'failed'] as const).map((outcome) => ({ labels: { kind: r.kind, outcome }, value: Number(r[outcome]) })));
        },
      },
    ];
  }
}
