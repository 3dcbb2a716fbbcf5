/** Money as integer fen (1/100 yuan) in bigint: sums and per-mille rates without float error. */
export type Fen = bigint;

/** '1234.5' | 1234.5 → 123450n. Refuses more than two decimals rather than rounding silently. */
export function toFen(yuan: string | number): Fen {
  const s = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RangeError(`not a money amount: ${s}`);
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** 123450n → '1234.50' (the numeric(18,2) text form). */
export function fenToYuanString(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function fenToYuan(fen: Fen): number {
  return Number(fenToYuanString(fen));
}

/** True when the number has at most two decimals (money input). */
export function hasAtMostTwoDecimals(n: number): boolean {
  return Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
}
