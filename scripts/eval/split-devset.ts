/**
 * Writes test/fixtures/matching/split.json ONCE: the development set's demands split into a tuning part (all fitting
 * reads only these) and a frozen held-out part (only measured). Seeded and stratified by industry so each part covers
 * the nine industries; refuses to overwrite an existing split, since re-drawing after seeing held-out figures would
 * turn the held-out part into a tuning part.
 *   npx ts-node scripts/eval/split-devset.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPLIT_SEED = 20261207;
const HELD_OUT_SHARE = 0.4;
const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'matching');
const OUT = join(DIR, 'split.json');

/** mulberry32: a tiny seeded generator, enough for a reproducible shuffle. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  if (existsSync(OUT)) throw new Error(`${OUT} exists: the split is frozen (delete it only if the development set itself is replaced)`);
  const demands: Array<{ externalId: string; industry: string }> = readFileSync(join(DIR, 'demands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const random = seeded(SPLIT_SEED);
  const byIndustry = new Map<string, string[]>();
  for (const d of demands) byIndustry.set(d.industry, [...(byIndustry.get(d.industry) ?? []), d.externalId]);
  const tuning: string[] = [];
  const heldOut: string[] = [];
  // Carry the rounding remainder across industries so the held-out share is close to 40 % overall.
  let owed = 0;
  for (const industry of [...byIndustry.keys()].sort()) {
    const ids = byIndustry.get(industry)!.sort();
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    owed += ids.length * HELD_OUT_SHARE;
    const take = Math.min(ids.length - 1, Math.floor(owed));
    owed -= take;
    heldOut.push(...ids.slice(0, take));
    tuning.push(...ids.slice(take));
  }
  const split = {
    about: 'Frozen split of the development set (test/fixtures/matching). Fitting (npm run fit:matching) reads only `tuning`; `heldOut` is only measured (npm run eval:matching). Written once by scripts/eval/split-devset.ts; never re-drawn.',
    seed: SPLIT_SEED,
    stratifiedBy: 'industry',
    writtenAt: new Date().toISOString().slice(0, 10),
    tuning: tuning.sort(),
    heldOut: heldOut.sort(),
  };
  writeFileSync(OUT, `${JSON.stringify(split, null, 2)}\n`);
  console.log(`tuning ${tuning.length}, held-out ${heldOut.length} → ${OUT}`);
}

main();
