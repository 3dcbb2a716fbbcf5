import { Injectable, Logger } from '@nestjs/common';
import { DemandService } from '@techbridge/demand';
import { TransactionRunner } from '@techbridge/platform';
import { MatchRepository } from '../match.repository';
import { MatchingService } from '../matching.service';
import type { FeatureVector } from '../scoring/match-scoring';
import { JudgedPair, OUTCOME_GAIN, refitFromOutcomes } from './outcome-refit';
import { MatchWeightsService } from './match-weights.service';

export type RefitOutcome = { skipped: string; judged: number } | { version: number; judged: number; orderedBefore: number; orderedAfter: number };

/**
 * Learning from what brokers and enterprises do: the pipeline's outcomes (contacted, negotiating, signed; closed for a
 * reason about the fit) and enterprises' decisions on proposals naming achievements are turned into judged pairs of
 * feature strengths, and the feature weights are refitted into a new, active version (which rescores every stored
 * match). Only feature strengths enter the fit and only numbers come out of it: no id, no title, no description, so
 * outcomes on a confidential demand or a since unpublished achievement reveal nothing.
 */
@Injectable()
export class WeightRefitService {
  private readonly logger = new Logger('WeightRefit');

  constructor(
    private readonly matches: MatchRepository,
    private readonly demands: DemandService,
    private readonly matching: MatchingService,
    private readonly weights: MatchWeightsService,
    private readonly tx: TransactionRunner,
  ) {}

  async refit(): Promise<RefitOutcome> {
    const judged = await this.judgedPairs();
    const active = await this.weights.active();
    const result = refitFromOutcomes(active.weights, judged);
    if (!result) return { skipped: 'too few outcomes', judged: judged.length };
    if (!result.changed) return { skipped: 'outcomes agree with the active weights', judged: judged.length };
    const version = await this.weights.publish(result.weights, 'refit-outcomes', {
      note: `refit from outcomes, starting from version ${active.version}`,
      evidence: { ...result.evidence, from: active.version },
      activate: true,
    });
    this.logger.log(`weights refitted from ${judged.length} outcome(s) into version ${version}: pairs in order ${result.evidence.orderedBefore} → ${result.evidence.orderedAfter}`);
    return { version, judged: judged.length, orderedBefore: result.evidence.orderedBefore, orderedAfter: result.evidence.orderedAfter };
  }

  /** One judged pair per (demand, achievement): its strongest outcome; stored features when the pair is stored, else computed now. */
  private async judgedPairs(): Promise<JudgedPair[]> {
    const byPair = new Map<string, { demandId: string; achievementId: string; gain: number; features: FeatureVector | null }>();
    const judge = (demandId: string, achievementId: string, gain: number, features: FeatureVector | null) => {
      const key = `${demandId}:${achievementId}`;
      const prev = byPair.get(key);
      if (!prev || gain > prev.gain) byPair.set(key, { demandId, achievementId, gain, features: features ?? prev?.features ?? null });
      else if (!prev.features && features) prev.features = features;
    };
    for (const o of await this.matches.outcomes(this.tx.manager)) {
      judge(o.demandId, o.achievementId, o.status === 'closed' ? OUTCOME_GAIN.rejected : OUTCOME_GAIN[o.status], Object.keys(o.features ?? {}).length ? o.features : null);
    }
    for (const p of await this.demands.proposalDecisions()) {
      judge(p.demandId, p.achievementId, p.decision === 'declined' ? OUTCOME_GAIN.rejected : OUTCOME_GAIN[p.decision], null);
    }
    const missing = [...byPair.values()].filter((p) => !p.features);
    for (const s of await this.matching.scoreDemandAchievementPairs(missing)) byPair.get(`${s.demandId}:${s.achievementId}`)!.features = s.features;
    return [...byPair.values()].filter((p) => p.features).map((p) => ({ gain: p.gain, features: p.features! }));
  }
}
