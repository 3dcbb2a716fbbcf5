import { Injectable } from '@nestjs/common';
import { Clock, CONTRACT_TYPES, TransactionRunner } from '@techbridge/platform';
import { CatalogService } from '@techbridge/catalog';
import { ContractsService, StatsRow } from '@techbridge/contracts';
import { DemandService } from '@techbridge/demand';
import { RoadshowService } from '@techbridge/roadshow';
import { AmountRowResponse, ContractAmountsResponse, OverviewResponse, TrendsResponse } from './dto/statistics.dto';
import { MonitoringRepository } from './monitoring.repository';

const TREND_QUARTERS = 8;
const LATEST_DEALS = 5;

/** The calendar year in Beijing as instants [from, to), and as the inclusive day strings the contract ledger takes. */
export function beijingYear(year: number): { from: Date; to: Date; firstDay: string; lastDay: string } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`), firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
}

export function beijingYearOf(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * The public statistics the portal charts and its home page headline: published figures only (zone-wide quarterly trends),
 * and counts and sums of what the other contexts publish (registered contracts without their parties).
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly repo: MonitoringRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly demands: DemandService,
    private readonly contracts: ContractsService,
    private readonly roadshows: RoadshowService,
  ) {}

  /** Each indicator's zone figure over the last published quarters. */
  async trends(): Promise<TrendsResponse> {
    const m = this.tx.manager;
    const quarters = (await this.repo.listPublishedQuarters(m)).map((q) => q.code).slice(-TREND_QUARTERS);
    const [indicators, figures] = await Promise.all([this.repo.listIndicators(m), this.repo.currentFigures(m, quarters, { breakdown: '' })]);
    const zone = new Map(figures.filter((f) => f.parkCode === null).map((f) => [`${f.indicatorCode}|${f.quarterCode}`, f.value]));
    return {
      quarters,
      indicators: indicators.map((i) => ({
        code: i.code, name: { zh: i.zh, en: i.en }, unit: i.unit, dimension: i.dimension,
        values: quarters.map((q) => {
          const v = zone.get(`${i.code}|${q}`);
          return v === undefined || v === null ? null : Number(v);
        }),
      })),
    };
  }

  /** Registered contract amounts of a year by industry and by direction (Beijing/Tianjin → Hebei is `absorbed-bj-tj`). */
  async contractAmounts(year = beijingYearOf(this.clock.now())): Promise<ContractAmountsResponse> {
    const y = beijingYear(year);
    const [industry, direction] = await Promise.all(
      (['industry', 'direction'] as const).map((groupBy) => this.contracts.registeredContractStats({ from: y.firstDay, to: y.lastDay, groupBy })),
    );
    const row = (r: StatsRow): AmountRowResponse => ({ key: r.key, contracts: r.contracts, contractAmount: r.contractAmount, technologyAmount: r.technologyAmount });
    const byAmount = (a: AmountRowResponse, b: AmountRowResponse) => b.contractAmount - a.contractAmount;
    return { year, byIndustry: industry.rows.map(row).sort(byAmount), byDirection: direction.rows.map(row).sort(byAmount), total: row(industry.total) };
  }

  /** The home page's headline: this year's published achievements and demands, registered deals and their amount, events held. */
  async overview(): Promise<OverviewResponse> {
    const year = beijingYearOf(this.clock.now());
    const y = beijingYear(year);
    const [achievements, demands, deals, events] = await Promise.all([
      this.catalog.achievementsPublishedBetween(y.from, y.to),
      this.demands.demandsPublishedBetween(y.from, y.to),
      this.contracts.registeredContractsBetween(y.from, y.to),
      this.roadshows.eventsHeldBetween(y.from, y.to),
    ]);
    const latest = [...deals].sort((a, b) => b.registeredAt.localeCompare(a.registeredAt)).slice(0, LATEST_DEALS);
    return {
      year,
      achievements: achievements.length,
      demands: demands.length,
      deals: deals.length,
      // Sum in fen so a thousand contracts do not drift by a cent.
      dealAmount: Number(deals.reduce((acc, d) => acc + BigInt(Math.round(d.contractAmount * 100)), 0n)) / 100,
      events: events.length,
      latestDeals: latest.map((d) => {
        const type = CONTRACT_TYPES.find((x) => x.code === d.type);
        return { id: d.id, registeredAt: d.registeredAt, parkCode: d.parkCode, type: d.type, typeName: { zh: type?.zh ?? d.type, en: type?.en ?? d.type }, direction: d.direction, contractAmount: d.contractAmount };
      }),
    };
  }
}
