import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@techbridge/platform';
import { viewContract } from './contract.view';
import { ContractsErrors } from './contracts.exception';
import { ContractsRepository } from './contracts.repository';
import { ContractResponse, ContractStatsResponse, RewardAccrualResponse, RewardLineResponse, StatsGroup, StatsRow } from './dto/contracts.dto';
import { fenToYuan, toFen } from './rules/money';
import { RewardService } from './reward.service';

export interface StatsRequest {
  from: string;
  to: string;
  groupBy: StatsGroup;
}

/** The contracts context's facade: registered-contract statistics and the reward ledger, read by monitoring and the statistics route. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly rewards: RewardService,
  ) {}

  async registeredContractStats(q: StatsRequest): Promise<ContractStatsResponse> {
    if (q.to < q.from) throw ContractsErrors.statsRangeOrder();
    const raw = await this.repo.registeredStats(this.tx.manager, q.from, q.to, q.groupBy);
    const rows: StatsRow[] = raw.map((r) => ({ key: r.key, contracts: r.contracts, contractAmount: Number(r.contract_amount), technologyAmount: Number(r.technology_amount) }));
    const sum = (f: (r: (typeof raw)[number]) => string) => fenToYuan(raw.reduce((acc, r) => acc + toFen(f(r)), 0n));
    return {
      from: q.from, to: q.to, groupBy: q.groupBy, rows,
      total: { key: null, contracts: raw.reduce((a, r) => a + r.contracts, 0), contractAmount: sum((r) => r.contract_amount), technologyAmount: sum((r) => r.technology_amount) },
    };
  }

  listRewards(year: number, institutionId?: string): Promise<RewardLineResponse[]> {
    return this.rewards.listRewards(year, institutionId);
  }

  rewardAccruals(year: number): Promise<RewardAccrualResponse[]> {
    return this.rewards.rewardAccruals(year);
  }

  /** Registered contracts whose registration falls in [from, to): the records behind monitoring's contract indicators. */
  async registeredContractsBetween(from: Date, to: Date): Promise<ContractResponse[]> {
    const out: ContractResponse[] = [];
    const take = 500;
    for (let skip = 0; ; skip += take) {
      const [rows, total] = await this.repo.listContracts(this.tx.manager, { status: 'registered', skip, take });
      for (const c of rows) if (c.registeredAt && c.registeredAt >= from && c.registeredAt < to) out.push(viewContract(c));
      if (skip + take >= total) break;
    }
    return out;
  }
}
