/**
 * One step of the weight fit (scripts/eval/fit-matching.ts): which of the values tried for one parameter to move to, if
 * any, chosen by k-fold cross-validation inside the tuning part. For each fold, the value best on the other folds is
 * chosen (none unless it beats the current value there by `minGain`) and its gain is measured on the fold itself; the
 * move is taken only when these out-of-fold gains, averaged over every demand, exceed `minGain`. A value that helps only
 * the few demands it was chosen on (a feature that happens to separate one demand's relevant achievements) is left out:
 * when those demands are the held-out fold nothing chooses it, and when they are not, it helps no held-out demand.
 * The value taken is the best on the whole tuning part.
 */
export interface CrossValidatedMove {
  /** Index of the value to move to, or -1 to stay. */
  chosen: number;
  /** Mean over demands of the gain of the value chosen without them. */
  outOfFoldGain: number;
  /** Gain of the best value on the whole tuning part (what a plain coordinate ascent would have taken). */
  fullGain: number;
}

/**
 * `current`: objective per demand with the current value; `tried[k]`: the same with the k-th tried value;
 * `foldOf[i]`: the fold of demand i.
 */
export function crossValidatedMove(current: number[], tried: number[][], foldOf: number[], minGain: number): CrossValidatedMove {
  const meanWhere = (xs: number[], keep: (i: number) => boolean): number => {
    let sum = 0;
    let n = 0;
    xs.forEach((x, i) => {
      if (keep(i)) {
        sum += x;
        n++;
      }
    });
    return n ? sum / n : 0;
  };
  let outOfFold = 0;
  for (const fold of new Set(foldOf)) {
    const train = (i: number) => foldOf[i] !== fold;
    let pick = -1;
    let bar = meanWhere(current, train) + minGain;
    tried.forEach((t, k) => {
      const m = meanWhere(t, train);
      if (m > bar) {
        bar = m;
        pick = k;
      }
    });
    if (pick >= 0) current.forEach((c, i) => (outOfFold += foldOf[i] === fold ? tried[pick][i] - c : 0));
  }
  const outOfFoldGain = current.length ? outOfFold / current.length : 0;
  const all = () => true;
  const base = meanWhere(current, all);
  let best = -1;
  let fullGain = 0;
  tried.forEach((t, k) => {
    const gain = meanWhere(t, all) - base;
    if (gain > fullGain) {
      fullGain = gain;
      best = k;
    }
  });
  return { chosen: best >= 0 && fullGain > minGain && outOfFoldGain > minGain ? best : -1, outOfFoldGain, fullGain };
}
