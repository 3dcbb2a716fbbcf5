/** Time left until an instant, in days, hours and minutes (never negative). */
export function timeLeft(untilIso: string | null | undefined, now: number): { d: number; h: number; m: number; s: number; ms: number } {
  const ms = Math.max(0, (untilIso ? Date.parse(untilIso) : now) - now);
  return { d: Math.floor(ms / 86_400_000), h: Math.floor(ms / 3_600_000) % 24, m: Math.floor(ms / 60_000) % 60, s: Math.floor(ms / 1000) % 60, ms };
}
