/** The scheduler's working state: placements with an undo journal, and the local moves that improve them. */

export const EPS = 1e-9;
/** Depth of the relocation chains tried before giving up on inserting a request without ejecting anyone. */
export const RELOCATION_DEPTH = 2;

export interface Req {
  index: number;
  id: string;
  a: number; // enterprise party index
  b: number; // presenter party index
  w: number;
  common: number[]; // slots both parties can attend
  rank: number;
}

/**
 * Mutable schedule state with an undo journal, so a tentative chain of moves can be rolled back.
 * Party × slot occupancy is a flat array: `busy[p * S + s]` is the request index or -1.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly busy: Int32Array;
  readonly count: Int32Array;
  readonly load: Int32Array;
  readonly inSlot: Set<number>[];
  private readonly journal: number[] = []; // +(r+1) placed, -(r+1) removed; slot kept in slotLog
  private readonly slotLog: number[] = [];

  constructor(
    readonly reqs: Req[],
    readonly slotCount: number,
    readonly tableCount: number,
    readonly partyCount: number,
    readonly avail: Uint8Array,
    readonly cap: Int32Array,
  ) {
    this.slotOf = new Int32Array(reqs.length).fill(-1);
    this.busy = new Int32Array(partyCount * slotCount).fill(-1);
    this.count = new Int32Array(partyCount);
    this.load = new Int32Array(slotCount);
    this.inSlot = Array.from({ length: slotCount }, () => new Set<number>());
  }

  place(r: number, s: number): void {
    this.put(r, s);
    this.journal.push(r + 1);
    this.slotLog.push(s);
  }

  unplace(r: number): void {
    const s = this.slotOf[r];
    this.take(r, s);
    this.journal.push(-(r + 1));
    this.slotLog.push(s);
  }

  /** Request r into slot s, unjournaled (place and rollback both use it). */
  private put(r: number, s: number): void {
    const q = this.reqs[r];
    this.slotOf[r] = s;
    this.busy[q.a * this.slotCount + s] = r;
    this.busy[q.b * this.slotCount + s] = r;
    this.count[q.a]++;
    this.count[q.b]++;
    this.load[s]++;
    this.inSlot[s].add(r);
  }

  /** Request r out of slot s, unjournaled. */
  private take(r: number, s: number): void {
    const q = this.reqs[r];
    this.slotOf[r] = -1;
    this.busy[q.a * this.slotCount + s] = -1;
    this.busy[q.b * this.slotCount + s] = -1;
    this.count[q.a]--;
    this.count[q.b]--;
    this.load[s]--;
    this.inSlot[s].delete(r);
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const op = this.journal.pop()!;
      const s = this.slotLog.pop()!;
      const r = Math.abs(op) - 1;
      // Undo without journaling: replay the inverse directly.
      if (op > 0) this.take(r, s);
      else this.put(r, s);
    }
  }

  /** Forget the journal once a change is committed (keeps memory flat over long runs). */
  commit(): void {
    this.journal.length = 0;
    this.slotLog.length = 0;
  }

  hasCapacity(r: number): boolean {
    const q = this.reqs[r];
    return this.count[q.a] < this.cap[q.a] && this.count[q.b] < this.cap[q.b];
  }

  canPlaceAt(r: number, s: number): boolean {
    const q = this.reqs[r];
    return (
      this.load[s] < this.tableCount &&
      this.busy[q.a * this.slotCount + s] < 0 &&
      this.busy[q.b * this.slotCount + s] < 0
    );
  }

  /** Least-loaded feasible slot (spreads meetings so tables stay free for later requests), lowest index on ties. */
  bestDirectSlot(r: number, except = -1): number {
    let best = -1;
    for (const s of this.reqs[r].common) {
      if (s === except || !this.canPlaceAt(r, s)) continue;
      if (best < 0 || this.load[s] < this.load[best]) best = s;
    }
    return best;
  }

  hasSpareTableOutside(s: number): boolean {
    for (let t = 0; t < this.slotCount; t++) if (t !== s && this.load[t] < this.tableCount) return true;
    return false;
  }

  /**
   * Insert r, moving already-placed meetings to other slots if needed (never dropping one).
   * Depth bounds the chain of moves. Returns false with the state unchanged on failure.
   */
  tryInsert(r: number, depth: number): boolean {
    if (!this.hasCapacity(r)) return false;
    const direct = this.bestDirectSlot(r);
    if (direct >= 0) {
      this.place(r, direct);
      return true;
    }
    if (depth <= 0) return false;
    const q = this.reqs[r];
    for (const s of q.common) {
      const mark = this.mark();
      const blockers: number[] = [];
      const ba = this.busy[q.a * this.slotCount + s];
      const bb = this.busy[q.b * this.slotCount + s];
      if (ba >= 0) blockers.push(ba);
      if (bb >= 0 && bb !== ba) blockers.push(bb);
      for (const x of blockers) this.unplace(x);
      if (this.load[s] >= this.tableCount) {
        // The slot is full: one other meeting must move elsewhere, which needs a spare table in another slot.
        if (!this.hasSpareTableOutside(s)) {
          this.rollback(mark);
          continue;
        }
        let moved = false;
        for (const other of [...this.inSlot[s]]) {
          const m2 = this.mark();
          this.unplace(other);
          const d = this.bestDirectSlot(other, s);
          if (d >= 0) {
            this.place(other, d);
            moved = true;
            break;
          }
          this.rollback(m2);
        }
        if (!moved) {
          this.rollback(mark);
          continue;
        }
      }
      this.place(r, s);
      let ok = true;
      for (const x of blockers) {
        if (!this.tryInsert(x, depth - 1)) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
      this.rollback(mark);
    }
    return false;
  }

  /**
   * Insert r by ejecting lower-priority meetings when their total weight is below r's: blockers in the
   * chosen slot, the lightest meeting of a full slot, the lightest meeting of a party at capacity.
   * Ejected meetings are re-inserted elsewhere when possible. Returns the net gain (0 when nothing changed).
   */
  tryEject(r: number): number {
    const q = this.reqs[r];
    let bestSlot = -1;
    let bestSet: number[] = [];
    let bestCost = Infinity;
    for (const s of q.common) {
      const set = new Set<number>();
      const ba = this.busy[q.a * this.slotCount + s];
      const bb = this.busy[q.b * this.slotCount + s];
      if (ba >= 0) set.add(ba);
      if (bb >= 0) set.add(bb);
      let feasible = true;
      if (this.load[s] - set.size >= this.tableCount) {
        const light = this.lightest([...this.inSlot[s]], set);
        if (light < 0) feasible = false;
        else set.add(light);
      }
      for (const party of [q.a, q.b]) {
        if (!feasible) break;
        let held = 0;
        for (const x of set) if (this.reqs[x].a === party || this.reqs[x].b === party) held++;
        if (this.count[party] - held >= this.cap[party]) {
          const light = this.lightest(this.meetingsOf(party), set);
          if (light < 0) feasible = false;
          else set.add(light);
        }
      }
      if (!feasible) continue;
      let cost = 0;
      for (const x of set) cost += this.reqs[x].w;
      if (cost < bestCost - EPS) {
        bestCost = cost;
        bestSlot = s;
        bestSet = [...set].sort((x, y) => this.reqs[x].rank - this.reqs[y].rank);
      }
    }
    if (bestSlot < 0 || bestCost >= q.w - EPS) return 0;
    for (const x of bestSet) this.unplace(x);
    this.place(r, bestSlot);
    let gain = q.w - bestCost;
    for (const x of bestSet) if (this.tryInsert(x, RELOCATION_DEPTH - 1)) gain += this.reqs[x].w;
    return gain;
  }

  /**
   * The reverse of an ejection: drop one placed meeting if the requests it blocks are worth more together
   * (one must-meet in the way of two would-likes). Candidates are unscheduled requests of its two parties and,
   * when its slot was full, a few that could use the freed table. Returns the net gain (0 when rolled back).
   */
  tryRemoveAndRefill(x: number, byParty: number[][], unscheduledInSlot: (s: number) => number[]): number {
    const q = this.reqs[x];
    const s = this.slotOf[x];
    const wasFull = this.load[s] >= this.tableCount;
    const candidates = new Set<number>();
    for (const c of byParty[q.a]) if (c !== x && this.slotOf[c] < 0) candidates.add(c);
    for (const c of byParty[q.b]) if (c !== x && this.slotOf[c] < 0) candidates.add(c);
    if (wasFull) for (const c of unscheduledInSlot(s)) candidates.add(c);
    if (!candidates.size) return 0;
    const mark = this.mark();
    this.unplace(x);
    let gain = -q.w;
    for (const c of [...candidates].sort((u, v) => this.reqs[u].rank - this.reqs[v].rank)) {
      // An ejection here completes an alternating swap (drop A and a light C, place B and D).
      if (this.tryInsert(c, 1)) gain += this.reqs[c].w;
      else gain += this.tryEject(c);
    }
    if (gain > EPS) return gain;
    this.rollback(mark);
    return 0;
  }

  private meetingsOf(party: number): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.slotCount; s++) {
      const r = this.busy[party * this.slotCount + s];
      if (r >= 0 && (this.reqs[r].a === party || this.reqs[r].b === party)) out.push(r);
    }
    return out;
  }

  /** The lightest meeting not in `exclude`; among equals the one ranked last (least important by tie-break). */
  private lightest(candidates: number[], exclude: Set<number>): number {
    let best = -1;
    for (const x of candidates) {
      if (exclude.has(x)) continue;
      if (best < 0) best = x;
      else {
        const dx = this.reqs[x].w - this.reqs[best].w;
        if (dx < -EPS || (Math.abs(dx) <= EPS && this.reqs[x].rank > this.reqs[best].rank)) best = x;
      }
    }
    return best;
  }
}
