import { Fen, toFen } from './money';

export interface RewardRules {
  rate: number;
  annualCapYuan: number;
  newAccreditationAwardYuan: number;
}

/** A registered contract as the reward rule sees it. */
export interface RewardContract {
  id: string;
  registrationNumber: string;
  technologyAmount: string;
  sellerLegalType: string;
  buyerLegalType: string;
  buyerRegion: string;
  transferInstitutionId: string | null;
  registrationInstitutionId: string | null;
}

export interface RewardLine {
  institutionId: string;
  kind: 'facilitation' | 'registration';
  basisFen: Fen;
  uncappedFen: Fen;
  amountFen: Fen;
  capped: boolean;
  contracts: Array<{ id: string; registrationNumber: string; technologyAmountFen: Fen }>;
}

/** Universities and research institutes transferring to an enterprise of the province: the deals the plan rewards. */
export function qualifiesForReward(c: Pick<RewardContract, 'sellerLegalType' | 'buyerLegalType' | 'buyerRegion'>): boolean {
  return (c.sellerLegalType === 'university' || c.sellerLegalType === 'institute') && c.buyerLegalType === 'enterprise' && c.buyerRegion === 'HE';
}

/** rate as an exact fraction (0.001 → 1/1000) so the reward is computed in integer fen. */
function rateFraction(rate: number): { num: bigint; den: bigint } {
  const den = 1_000_000n;
  return { num: BigInt(Math.round(rate * 1_000_000)), den };
}

/** Per-mille of the sum (rounded half-up to the fen), then capped per institution and year. */
export function rewardFor(basisFen: Fen, rules: RewardRules): { uncappedFen: Fen; amountFen: Fen; capped: boolean } {
  const { num, den } = rateFraction(rules.rate);
  const uncappedFen = (basisFen * num * 2n + den) / (2n * den);
  const capFen = toFen(rules.annualCapYuan);
  const capped = uncappedFen > capFen;
  return { uncappedFen, amountFen: capped ? capFen : uncappedFen, capped };
}

/**
 * One line per institution and role for a year: transfer institutions for the deals they facilitated,
 * registration institutions for those they registered. Every line keeps the contracts behind it.
 */
export function computeRewardLines(contracts: readonly RewardContract[], rules: RewardRules, isTransferInstitution: (orgId: string) => boolean): RewardLine[] {
  const lines = new Map<string, RewardLine>();
  const credit = (institutionId: string, kind: RewardLine['kind'], c: RewardContract) => {
    const key = `${kind}:${institutionId}`;
    const line = lines.get(key) ?? { institutionId, kind, basisFen: 0n, uncappedFen: 0n, amountFen: 0n, capped: false, contracts: [] };
    const fen = toFen(c.technologyAmount);
    line.basisFen += fen;
    line.contracts.push({ id: c.id, registrationNumber: c.registrationNumber, technologyAmountFen: fen });
    lines.set(key, line);
  };
  for (const c of contracts) {
    if (!qualifiesForReward(c)) continue;
    if (c.transferInstitutionId && isTransferInstitution(c.transferInstitutionId)) credit(c.transferInstitutionId, 'facilitation', c);
    if (c.registrationInstitutionId) credit(c.registrationInstitutionId, 'registration', c);
  }
  return [...lines.values()].map((l) => ({ ...l, ...rewardFor(l.basisFen, rules) }));
}
