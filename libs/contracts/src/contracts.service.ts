import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BeijingCalendar, CONTRACT_TYPES, TransactionRunner } from '@techbridge/platform';
import { ContractAccessPolicy, ContractPermission } from './contract-access.policy';
import { ContractResponse } from './dto/contracts.dto';
import { viewContract } from './contract.view';
import { DealContractInput, TechnologyContractService } from './technology-contract.service';
import { ContractsErrors } from './contracts.exception';
import { ContractsRepository } from './contracts.repository';
import { ContractStatsResponse, DealRecordResponse, RegisteredContractRecord, RewardAccrualResponse, RewardLineResponse, StatsGroup, StatsRow } from './dto/ledger.dto';
import { contractDirection } from './rules/direction';
import { fenToYuan, toFen } from './rules/money';
import { RewardService } from './reward.service';

import type { Actor } from '@techbridge/platform';

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
    private readonly contracts: TechnologyContractService,
    private readonly access: ContractAccessPolicy,
  ) {}

  /** The market's deal becomes a draft technology contract of the seller (joins the caller's transaction). */
  draftContractFromDeal(input: DealContractInput, within?: EntityManager): Promise<ContractResponse> {
    return this.contracts.createFromDeal(input, within);
  }

  /** The n-th working day after a Beijing date on the official holiday calendar (listing periods, notices). */
  async workingDaysAfter(date: string, n: number, within?: EntityManager): Promise<string> {
    return BeijingCalendar.addWorkingDays(date, n, await this.repo.loadCalendar(within ?? this.tx.manager));
  }

  /** A contract the actor is party to (or reviews), else 404: what the market records payments against. */
  async contractForParty(actor: Actor, id: string): Promise<ContractResponse> {
    return viewContract(await this.access.requireAccess(this.tx.manager, actor, ContractPermission.Read, id));
  }

  /**
   * Amounts of registered contracts comparable to a listing (same industry sub-field via the achievement or the
   * contract's industry, the same contract types, registered since `since`): the market's valuation band reads these.
   */
  async comparableContractAmounts(q: { types: string[]; industry: string; achievementIds: string[] | null; since: Date }): Promise<number[]> {
    const rows = await this.repo.comparableAmounts(this.tx.manager, q);
    return rows.map((r) => Number(r.amount));
  }

  async registeredContractStats(q: StatsRequest): Promise<ContractStatsResponse> {
    if (q.to < q.from) throw ContractsErrors.statsRangeOrder();
    const raw = await this.repo.registeredStats(this.tx.manager, BeijingCalendar.dateRange(q.from, q.to), q.groupBy);
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

  /** What an organisation concluded (public: counts, amounts, kinds and directions, never the counterparties). */
  async dealRecord(orgId: string): Promise<DealRecordResponse> {
    const { total, rows } = await this.repo.dealRecordOf(this.tx.manager, orgId, 5);
    return {
      contracts: total.contracts,
      contractAmount: Number(total.amount),
      latest: rows.map((r) => {
        const type = CONTRACT_TYPES.find((x) => x.code === r.type);
        return {
          registeredAt: new Date(r.registered_at).toISOString(), type: r.type, typeName: { zh: type?.zh ?? r.type, en: type?.en ?? r.type },
          direction: contractDirection(r.seller_region, r.buyer_region), contractAmount: Number(r.contract_amount),
        };
      }),
    };
  }

  /** Registered contracts whose registration falls in [from, to): the records behind monitoring's contract indicators. */
  async registeredContractsBetween(from: Date, to: Date): Promise<RegisteredContractRecord[]> {
    return (await this.repo.registeredBetween(this.tx.manager, { from, to })).map(registeredRecord);
  }

  /** Those of these contracts that are registered, with their park (unregistered or unknown ids are left out). */
  async registeredContracts(ids: string[]): Promise<RegisteredContractRecord[]> {
    return (await this.repo.registeredByIds(this.tx.manager, ids)).map(registeredRecord);
  }
}

function registeredRecord(r: Awaited<ReturnType<ContractsRepository['registeredBetween']>>[number]): RegisteredContractRecord {
  return {
    id: r.id, parkCode: r.park_code, type: r.type, direction: contractDirection(r.seller_region, r.buyer_region), contractAmount: Number(r.contract_amount),
    technologyAmount: Number(r.technology_amount), brokerUserId: r.broker_user_id, transferInstitutionId: r.transfer_institution_id, registeredAt: new Date(r.registered_at).toISOString(),
  };
}
