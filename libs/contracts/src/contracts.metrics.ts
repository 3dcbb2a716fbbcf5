import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ScrapedGauge, ScrapedGauges } from '@techbridge/platform';
import { DataSource } from 'typeorm';

/** Technology contracts by status and the amounts of registered ones, at scrape time. */
@Injectable()
export class ContractsMetrics extends ScrapedGauges implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected gauges(): ScrapedGauge[] {
    return [
      {
        name: 'contracts',
        help: 'Technology contracts by status (registered = 认定登记 done)',
        labels: ['status'],
        collect: async () => (await this.dataSource.query(`SELECT status, count(*)::int AS n FROM technology_contract GROUP BY status`)).map((r: { status: string; n: number }) => ({ labels: { status: r.status }, value: r.n })),
      },
      {
        name: 'contracts_registered_amount_yuan',
        help: 'Sum over registered contracts of the contract amount and of the technology amount (技术交易额), in yuan',
        labels: ['amount'],
        collect: async () => {
          const [r] = await this.dataSource.query(
            `SELECT coalesce(sum(contract_amount), 0)::float AS contract, coalesce(sum(technology_amount), 0)::float AS technology FROM technology_contract WHERE status = 'registered'`,
          );
          return [{ labels: { amount: 'contract' }, value: Number(r.contract) }, { labels: { amount: 'technology' }, value: Number(r.technology) }];
        },
      },
    ];
  }
}
