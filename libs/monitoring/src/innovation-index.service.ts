import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { Actor, Clock, PARK_CODES, parkOf, TransactionRunner } from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import { IndexVerificationResponse, IndexYearsResponse, InnovationIndexResponse, mapWeights, ParkIndexResponse, WeightsDto, WeightsResponse } from './dto/monitoring.dto';
import { IndexInputSources, IndexRun, IndexWeightsVersion } from './entities/innovation-index.entity';
import { MonitoringAccessPolicy, MonitoringPermission } from './monitoring-access.policy';
import { MonitoringErrors } from './monitoring.exception';
import { MonitoringRepository } from './monitoring.repository';
import { annualValue, SHARE_PARTS } from './rules/annual';
import { computeInnovationIndex, hasReportedData, IndexInputs, IndexWeights, rankParksWithData, validateWeights } from './rules/innovation-index';
import { quartersOfYear } from './rules/quarter';

/** The yearly innovation index: versioned weights, stored computations, reproducible from what they stored. */
@Injectable()
export class InnovationIndexService {
  constructor(
    private readonly repo: MonitoringRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly access: MonitoringAccessPolicy,
  ) {}

  async currentWeights(): Promise<WeightsResponse> {
    return mapWeights((await this.repo.currentWeights(this.tx.manager))!);
  }

  /** A weight change is a new version; past computations keep pointing at the version they used. */
  async setWeights(actor: Actor, dto: WeightsDto): Promise<WeightsResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    const indicators = await this.repo.listIndicators(this.tx.manager);
    const dimensions = new Set(indicators.map((i) => i.dimension));
    for (const k of Object.keys(dto.dimensions)) if (!dimensions.has(k)) throw MonitoringErrors.invalidWeight(`dimensions.${k}`);
    for (const k of Object.keys(dto.indicators)) if (!indicators.some((i) => i.code === k)) throw MonitoringErrors.unknownIndicator(`indicators.${k}`);
    const bad = validateWeights(dto);
    if (bad) throw MonitoringErrors.invalidWeight(bad);
    return this.tx.run(async (m) => {
      const saved = await this.repo.saveWeights(m, { dimensions: dto.dimensions, indicators: dto.indicators, note: dto.note ?? null, createdBy: actor.userId, createdAt: this.clock.now() });
      await this.identity.audit(m, actor, { action: 'monitoring.index.weights', entityType: 'monitoring-index-weights', entityId: String(saved.version), changes: { ...dto } });
      return mapWeights(saved);
    });
  }

  /** Computes the year's index from the published quarters of the year with the current weights, and stores inputs and results. */
  async compute(actor: Actor, year: number): Promise<InnovationIndexResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    const run = await this.tx.run(async (m) => {
      await this.repo.lock(m, `index:${year}`);
      const published = (await this.repo.listPublishedQuarters(m)).filter((q) => q.year === year).map((q) => q.code);
      if (!published.length) throw MonitoringErrors.noPublishedQuarter(year);
      const weights = (await this.repo.currentWeights(m))!;
      const indicators = (await this.repo.listIndicators(m)).filter((i) => (weights.indicators[i.code] ?? 0) > 0);
      const parkFigures = (await this.repo.currentFigures(m, published, { breakdown: '' })).filter((f) => f.parkCode !== null);
      const series = (park: string, indicator: string) =>
        parkFigures.filter((f) => f.parkCode === park && f.indicatorCode === indicator).map((f) => ({ quarter: f.quarterCode, figureId: String(f.id), value: f.value }));
      const values: IndexInputs['values'] = {};
      const sources: IndexInputSources = {};
      for (const park of PARK_CODES) {
        values[park] = {};
        sources[park] = {};
        for (const ind of indicators) {
          const parts = SHARE_PARTS[ind.code];
          const annual = annualValue(ind.aggregation, series(park, ind.code), parts ? { numerator: series(park, parts.numerator), denominator: series(park, parts.denominator) } : undefined);
          values[park][ind.code] = annual.value;
          sources[park][ind.code] = annual.figureIds;
        }
      }
      const inputs: IndexInputs = { parks: [...PARK_CODES], indicators: indicators.map((i) => ({ code: i.code, dimension: i.dimension, direction: i.direction })), values };
      const results = computeInnovationIndex(inputs, this.weightsOf(weights));
      const saved = await this.repo.saveIndexRun(m, {
        year, weightsVersion: weights.version, quarters: published, inputs: { ...inputs, sources }, results, computedBy: actor.userId, computedAt: this.clock.now(),
      });
      await this.identity.audit(m, actor, { action: 'monitoring.index.compute', entityType: 'monitoring-index-run', entityId: saved.id, changes: { year, weightsVersion: weights.version } });
      return saved;
    });
    return this.view(run);
  }

  /** The years with a computed index, newest first: the statistics page opens on the latest. */
  async years(): Promise<IndexYearsResponse> {
    return { years: await this.repo.indexYears(this.tx.manager) };
  }

  async get(year: number): Promise<InnovationIndexResponse> {
    const run = await this.repo.latestIndexRun(this.tx.manager, year);
    if (!run) throw MonitoringErrors.indexNotFound(year);
    return this.view(run);
  }

  /** Replays the stored run: the stored inputs and the weights version it used must give the stored results. */
  async verify(year: number): Promise<IndexVerificationResponse> {
    const run = await this.repo.latestIndexRun(this.tx.manager, year);
    if (!run) throw MonitoringErrors.indexNotFound(year);
    const weights = (await this.repo.findWeights(this.tx.manager, run.weightsVersion))!;
    const { sources: _sources, ...inputs } = run.inputs;
    const replay = computeInnovationIndex(inputs, this.weightsOf(weights));
    return { runId: run.id, weightsVersion: run.weightsVersion, reproducible: isDeepStrictEqual(replay, run.results) };
  }

  private weightsOf(w: IndexWeightsVersion): IndexWeights {
    return { dimensions: w.dimensions, indicators: w.indicators };
  }

  private async view(run: IndexRun): Promise<InnovationIndexResponse> {
    const m = this.tx.manager;
    const [weights, previous] = await Promise.all([this.repo.findWeights(m, run.weightsVersion), this.repo.latestIndexRun(m, run.year - 1)]);
    const ranks = rankParksWithData(run.results, (park) => hasReportedData(run.inputs.values[park]));
    const previousRanks = previous ? rankParksWithData(previous.results, (park) => hasReportedData(previous.inputs.values[park])) : new Map<string, number | null>();
    const before = new Map((previous?.results ?? []).map((r) => [r.park, r]));
    const parks: ParkIndexResponse[] = run.results.map((r) => {
      const p = parkOf(r.park);
      const prev = before.get(r.park);
      const rank = ranks.get(r.park) ?? null;
      const previousRank = previousRanks.get(r.park) ?? null;
      const inputs = Object.fromEntries(run.inputs.indicators.map((i) => [i.code, { value: run.inputs.values[r.park]?.[i.code] ?? null, figureIds: run.inputs.sources[r.park]?.[i.code] ?? [] }]));
      return {
        park: r.park, parkName: { zh: p?.zh ?? r.park, en: p?.en ?? r.park }, hasData: rank !== null, score: r.score, rank, dimensions: r.dimensions, normalised: r.normalised, inputs,
        previousScore: prev?.score ?? null, previousRank, scoreChange: prev ? Math.round((r.score - prev.score) * 10_000) / 10_000 : null,
        rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      };
    });
    // Ranked parks first in rank order, then the parks without data by code.
    parks.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.park.localeCompare(b.park));
    return {
      year: run.year, runId: run.id, weightsVersion: run.weightsVersion, weights: mapWeights(weights!), quarters: run.quarters.filter((q) => quartersOfYear(run.year).includes(q)),
      computedAt: run.computedAt.toISOString(), parks,
    };
  }
}
