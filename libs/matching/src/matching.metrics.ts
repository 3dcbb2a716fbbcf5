import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ScrapedGauge, ScrapedGauges } from '@techbridge/platform';
import { DataSource } from 'typeorm';

/** Matches by pipeline stage (suggested → contacted → negotiating → signed / closed), at scrape time. */
@Injectable()
export class MatchingMetrics extends ScrapedGauges implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected gauges(): ScrapedGauge[] {
    return [{
      name: 'matches',
      help: 'Matches by pipeline stage',
      labels: ['stage'],
      collect: async () => (await this.dataSource.query(`SELECT status, count(*)::int AS n FROM match GROUP BY status`)).map((r: { status: string; n: number }) => ({ labels: { stage: r.status }, value: r.n })),
    }];
  }
}
