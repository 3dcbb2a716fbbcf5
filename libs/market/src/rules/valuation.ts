/** The price band of comparable registered contracts: P25, median and P75 by linear interpolation, with the count. */
export interface PriceBand {
  count: number;
  p25: number | null;
  p50: number | null;
  p75: number | null;
}

export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.round((sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)) * 100) / 100;
}

export function priceBand(amounts: readonly number[]): PriceBand {
  const sorted = [...amounts].sort((a, b) => a - b);
  if (!sorted.length) return { count: 0, p25: null, p50: null, p75: null };
  return { count: sorted.length, p25: quantile(sorted, 0.25), p50: quantile(sorted, 0.5), p75: quantile(sorted, 0.75) };
}

/** Contract types of the same transfer mode as the listing (transfer, or licence of any scope). */
export function comparableContractTypes(transferMode: string): string[] {
  return transferMode === 'transfer' ? ['transfer-patent', 'transfer-patent-application', 'transfer-tech-secret', 'transfer-other'] : ['license-patent', 'license-tech-secret'];
}
