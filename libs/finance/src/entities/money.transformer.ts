/** numeric(18,2) comes back from pg as a string; amounts are yuan numbers in the domain. */
export const money = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null || v === undefined ? null : Number(v)) };
