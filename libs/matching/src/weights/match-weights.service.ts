import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IdentityService } from '@techbridge/identity';
import { Actor, JobName, JobQueue, OutboxService, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { mapWeightsVersion, MatchWeightsVersionResponse } from '../dto/matching.dto';
import { MatchingErrors } from '../matching.exception';
import { FITTED_TUNING_WEIGHTS } from './fitted-weights';
import { DEFAULT_WEIGHTS, MatchWeights, normaliseWeights, WeightSource } from './match-weights';
import { MatchWeightsRepository } from './match-weights.repository';

export interface ActiveWeights {
  version: number;
  weights: MatchWeights;
}

/** Canonical JSON (sorted keys) so equal weights have equal digests. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

export function weightsDigest(weights: MatchWeights): string {
  return createHash('sha256').update(canonical(weights)).digest('hex');
}

/**
 * The facade over the versioned weights: which version ranks now (cached per process by version number, so another
 * process's activation is seen on the next ranking), new versions from a fit, and activation. Activating a version
 * requests the recomputation of every stored match (through the outbox, in the same transaction).
 */
@Injectable()
export class MatchWeightsService {
  private readonly logger = new Logger('MatchWeights');
  private readonly cache = new Map<number, MatchWeights>();

  constructor(
    private readonly repo: MatchWeightsRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly identity: IdentityService,
    private readonly jobs: JobQueue,
  ) {}

  /** Version 1 on first start; a fitted version shipped with the code is stored and activated once. */
  async initialise(): Promise<void> {
    await this.repo.seed(this.tx.manager, { weights: DEFAULT_WEIGHTS, digest: weightsDigest(DEFAULT_WEIGHTS) });
    if (FITTED_TUNING_WEIGHTS) {
      const weights = normaliseWeights(FITTED_TUNING_WEIGHTS.weights);
      const digest = weightsDigest(weights);
      if (!(await this.repo.findByDigest(this.tx.manager, 'fitted-tuning', digest))) {
        const version = await this.publish(weights, 'fitted-tuning', { note: FITTED_TUNING_WEIGHTS.note, evidence: FITTED_TUNING_WEIGHTS.evidence, activate: true });
        this.logger.log(`shipped fitted weights stored and activated as version ${version}`);
      }
    }
  }

  /**
   * The weights rankings use now (`known`: the active version when the caller already read it). Without any stored
   * version (a database never initialised): the defaults, as version 1.
   */
  async active(known?: number | null): Promise<ActiveWeights> {
    const version = (known !== undefined ? known : await this.repo.activeVersion(this.tx.manager)) ?? 1;
    let weights = this.cache.get(version);
    if (!weights) {
      const row = await this.repo.find(this.tx.manager, version);
      weights = row ? normaliseWeights(row.weights) : DEFAULT_WEIGHTS;
      this.cache.set(version, weights);
    }
    return { version, weights };
  }

  // ---- HTTP (platform administrators; brokers read) ----

  async list(q: { page: number; pageSize: number }): Promise<Page<MatchWeightsVersionResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.list(this.tx.manager, skip, take);
    return pageOf(rows.map(mapWeightsVersion), total, q);
  }

  async get(version: number): Promise<MatchWeightsVersionResponse> {
    const row = await this.repo.find(this.tx.manager, version);
    if (!row) throw MatchingErrors.weightsVersionNotFound();
    return mapWeightsVersion(row);
  }

  /** Make a stored version the active one (a rollback is the activation of an older one); audited. */
  async activateAs(actor: Actor, version: number): Promise<MatchWeightsVersionResponse> {
    await this.tx.run(async (m) => {
      if (!(await this.repo.find(m, version))) throw MatchingErrors.weightsVersionNotFound();
      await this.activateIn(m, version);
      await this.identity.audit(m, actor, { action: 'match-weights.activate', entityType: 'match_weights', entityId: String(version) });
    });
    return this.get(version);
  }

  /** Ask the worker for a refit from outcomes now (it stores a new version only when the weights move). */
  async requestRefit(): Promise<{ requested: true }> {
    await this.jobs.enqueue(JobName.RefitMatchWeights, {}, { jobId: `matching:refit:manual:${Date.now()}` });
    return { requested: true };
  }

  /** Store a new version (optionally active at once). Returns its number. */
  async publish(weights: MatchWeights, source: WeightSource, options: { note?: string | null; evidence?: Record<string, number>; activate?: boolean } = {}): Promise<number> {
    const clean = normaliseWeights(weights);
    return this.tx.run(async (m) => {
      const version = await this.repo.insert(m, { weights: clean, source, digest: weightsDigest(clean), note: options.note ?? null, evidence: options.evidence ?? {} });
      if (options.activate) await this.activateIn(m, version);
      return version;
    });
  }

  private async activateIn(m: Parameters<MatchWeightsRepository['activate']>[0], version: number): Promise<void> {
    await this.repo.activate(m, version);
    // A platform that never stored a match (a first start, when the shipped fitted weights are activated) has nothing to
    // rescore; a job queued then would only wait for a worker with no work in it.
    if (!(await this.repo.anyStoredMatch(m))) return;
    // Every stored score must now be recomputed: one chained job per activation (a job id per version alone would make a
    // rollback to a version that was active before a no-op: the queue keeps the finished job and drops the new one).
    await this.outbox.enqueue(m, JobName.RescoreStoredMatches, { reason: `weights:${version}` }, { jobId: `matching:rescore:weights:${version}:${Date.now()}` });
  }
}
