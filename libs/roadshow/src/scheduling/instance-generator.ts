import { mulberry32 } from './seeded-hash';
import { PRIORITY_MUST_MEET, PRIORITY_WOULD_LIKE, ScheduleInput, SchedulingParty, suggestionPriority } from './meeting-scheduler.types';

export interface InstanceSize {
  enterprises: number;
  presenters: number;
  requests: number;
  slots: number;
  tables: number;
  seed: number;
}

/**
 * A seeded, realistic instance for benchmarks and property tests: presenter popularity is skewed
 * (a few star achievements draw many requests), parties arrive late or leave early, enterprises cap
 * their meetings, and requests arrive in an order unrelated to their priority.
 */
export function generateInstance(size: InstanceSize): ScheduleInput {
  const rnd = mulberry32(size.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const window = (): number[] => {
    // Most attend all day; some arrive late or leave early.
    if (rnd() < 0.6) return Array.from({ length: size.slots }, (_, s) => s);
    const len = int(Math.max(1, Math.floor(size.slots / 3)), size.slots);
    const start = int(0, size.slots - len);
    return Array.from({ length: len }, (_, i) => start + i);
  };
  const parties: SchedulingParty[] = [];
  const enterprises = Array.from({ length: size.enterprises }, (_, i) => `e${i}`);
  const presenters = Array.from({ length: size.presenters }, (_, i) => `p${i}`);
  for (const id of enterprises) parties.push({ id, availableSlots: window(), capacity: int(3, Math.max(3, Math.ceil(size.slots * 0.75))) });
  for (const id of presenters) parties.push({ id, availableSlots: window() });
  // Zipf-like popularity: presenter k is picked with weight 1/(k+1)^0.8.
  const weights = presenters.map((_, k) => 1 / Math.pow(k + 1, 0.8));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickPresenter = (): number => {
    let x = rnd() * totalWeight;
    for (let k = 0; k < weights.length; k++) {
      x -= weights[k];
      if (x <= 0) return k;
    }
    return weights.length - 1;
  };
  const requests: ScheduleInput['requests'] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (requests.length < size.requests && guard++ < size.requests * 20) {
    const e = int(0, size.enterprises - 1);
    const p = pickPresenter();
    const key = `${e}|${p}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const roll = rnd();
    const priority = roll < 0.3 ? PRIORITY_MUST_MEET : roll < 0.75 ? PRIORITY_WOULD_LIKE : suggestionPriority(int(40, 95));
    requests.push({ id: `r${requests.length}`, enterpriseId: enterprises[e], presenterId: presenters[p], priority });
  }
  return { slotCount: size.slots, tableCount: size.tables, parties, requests, seed: size.seed };
}
