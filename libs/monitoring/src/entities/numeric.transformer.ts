/** numeric columns come back from pg as strings; figures are plain numbers in code. */
export const numericTransformer = {
  to: (v: number | null | undefined): string | null | undefined => (v === null || v === undefined ? v : String(v)),
  from: (v: string | null): number | null => (v === null ? null : Number(v)),
};
