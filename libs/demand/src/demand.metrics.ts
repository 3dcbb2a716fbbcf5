import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ScrapedGauge, ScrapedGauges } from '@techbridge/platform';
import { DataSource } from 'typeorm';

/** Demands and solution proposals by status, from the demand context's tables at scrape time. */
@Injectable()
export class DemandMetrics extends ScrapedGauges implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected gauges(): ScrapedGauge[] {
    return [
      { name: 'demands', help: 'Enterprise demands by status', labels: ['status'], collect: () => this.byStatus('demand') },
      { name: 'demand_proposals', help: 'Solution proposals (揭榜) by status', labels: ['status'], collect: () => this.byStatus('demand_proposal') },
    ];
  }

  private async byStatus(table: 'demand' | 'demand_proposal') {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM ${table} GROUP BY status`);
    return rows.map((r) => ({ labels: { status: r.status }, value: r.n }));
  }
}
