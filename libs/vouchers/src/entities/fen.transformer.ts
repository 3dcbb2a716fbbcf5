import type { ValueTransformer } from 'typeorm';

/** bigint columns of fen read as numbers: budgets stay far below 2^53 fen (90 trillion yuan). */
export const fenTransformer: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? v : Number(v)),
};

/** numeric(18,2) figures as numbers. */
export const numericTransformer: ValueTransformer = fenTransformer;
