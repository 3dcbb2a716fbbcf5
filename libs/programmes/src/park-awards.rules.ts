/**
 * Award rule (versioned like the other policies): parks ranked in the year's innovation index are scored on the index
 * (scaled to the best park) and on their three-list completion; the best `awards` of them with at least the minimum
 * completion are proposed. Administrators confirm (and may leave a proposed park out, with a reason).
 */
export const AWARD_POLICY = { version: 1, indexWeight: 0.7, completionWeight: 0.3, minCompletion: 0.6, awards: 3 } as const;

export interface AwardCandidate {
  park: string;
  parkName: { zh: string; en: string };
  indexScore: number;
  indexRank: number | null;
  /** Three-list completion, 0..1; null when the park kept no lists. */
  completion: number | null;
}

export interface AwardEntry extends AwardCandidate {
  combined: number;
  position: number;
  proposed: boolean;
  awarded: boolean;
  reason: { zh: string; en: string };
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

export function proposeAwards(candidates: AwardCandidate[]): AwardEntry[] {
  const ranked = candidates.filter((c) => c.indexRank !== null);
  const best = Math.max(0, ...ranked.map((c) => c.indexScore));
  const scored = ranked
    .map((c) => ({ c, combined: Math.round((AWARD_POLICY.indexWeight * (best > 0 ? c.indexScore / best : 0) + AWARD_POLICY.completionWeight * (c.completion ?? 0)) * 10_000) / 100 }))
    .sort((a, b) => b.combined - a.combined || a.c.park.localeCompare(b.c.park));
  let awarded = 0;
  return scored.map(({ c, combined }, i) => {
    const enough = (c.completion ?? 0) >= AWARD_POLICY.minCompletion;
    const proposed = enough && awarded < AWARD_POLICY.awards;
    if (proposed) awarded++;
    const facts = { zh: `创新指数第 ${c.indexRank} 名（${c.indexScore} 分），三个清单完成率 ${pct(c.completion)}，综合得分 ${combined}`, en: `innovation index rank ${c.indexRank} (${c.indexScore}), three-list completion ${pct(c.completion)}, combined ${combined}` };
    const reason = proposed
      ? { zh: `拟给予奖励性支持：${facts.zh}`, en: `Proposed for an award: ${facts.en}` }
      : enough
        ? { zh: `未进入前 ${AWARD_POLICY.awards} 名：${facts.zh}`, en: `Not among the best ${AWARD_POLICY.awards}: ${facts.en}` }
        : { zh: `三个清单完成率低于 ${pct(AWARD_POLICY.minCompletion)}：${facts.zh}`, en: `Three-list completion below ${pct(AWARD_POLICY.minCompletion)}: ${facts.en}` };
    return { ...c, combined, position: i + 1, proposed, awarded: proposed, reason };
  });
}
