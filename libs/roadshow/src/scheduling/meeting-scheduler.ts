import { seededHash } from './seeded-hash';
import { capacityBound, flowBound } from './upper-bound';
import {
  Cancellation,
  MeetingAssignment,
  ReplanResult,
  ScheduleInput,
  ScheduleResult,
  UnscheduledReason,
  UnscheduledRequest,
} from './meeting-scheduler.types';

const EPS = 1e-9;
/** Improvement passes over the unscheduled requests; each pass only ever raises the total priority. */
const MAX_PASSES = 8;
/** Depth of the relocation chains tried before giving up on inserting a request without ejecting anyone. */
const RELOCATION_DEPTH = 2;

interface Req {
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
class ScheduleState {
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
    const q = this.reqs[r];
    this.slotOf[r] = s;
    this.busy[q.a * this.slotCount + s] = r;
    this.busy[q.b * this.slotCount + s] = r;
    this.count[q.a]++;
    this.count[q.b]++;
    this.load[s]++;
    this.inSlot[s].add(r);
    this.journal.push(r + 1);
    this.slotLog.push(s);
  }

  unplace(r: number): void {
    const q = this.reqs[r];
    const s = this.slotOf[r];
    this.slotOf[r] = -1;
    this.busy[q.a * this.slotCount + s] = -1;
    this.busy[q.b * this.slotCount + s] = -1;
    this.count[q.a]--;
    this.count[q.b]--;
    this.load[s]--;
    this.inSlot[s].delete(r);
    this.journal.push(-(r + 1));
    this.slotLog.push(s);
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
      const q = this.reqs[r];
      if (op > 0) {
        this.slotOf[r] = -1;
        this.busy[q.a * this.slotCount + s] = -1;
        this.busy[q.b * this.slotCount + s] = -1;
        this.count[q.a]--;
        this.count[q.b]--;
        this.load[s]--;
        this.inSlot[s].delete(r);
      } else {
        this.slotOf[r] = s;
        this.busy[q.a * this.slotCount + s] = r;
        this.busy[q.b * this.slotCount + s] = r;
        this.count[q.a]++;
        this.count[q.b]++;
        this.load[s]++;
        this.inSlot[s].add(r);
      }
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

interface Prepared {
  reqs: Req[];
  rejected: UnscheduledRequest[];
  partyIndex: Map<string, number>;
  partyIds: string[];
  avail: Uint8Array;
  cap: Int32Array;
  limit: number[];
}

function validateShape(input: ScheduleInput): void {
  if (!Number.isInteger(input.slotCount) || input.slotCount < 0) throw new RangeError('slotCount must be a non-negative integer');
  if (!Number.isInteger(input.tableCount) || input.tableCount < 0) throw new RangeError('tableCount must be a non-negative integer');
}

/** Index parties, drop malformed and duplicate requests, and rank the rest deterministically. */
function prepare(input: ScheduleInput, withdrawn: Set<string> = new Set()): Prepared {
  validateShape(input);
  const S = input.slotCount;
  const seed = input.seed ?? 0;
  // Parties sorted by id so indices (and therefore every tie) do not depend on input order.
  const partyIds = [...new Set(input.parties.map((p) => p.id))].sort();
  const partyIndex = new Map(partyIds.map((id, i) => [id, i]));
  const P = partyIds.length;
  const avail = new Uint8Array(P * S);
  const cap = new Int32Array(P);
  const limit: number[] = new Array<number>(P).fill(0);
  const seen = new Set<string>();
  for (const p of input.parties) {
    const i = partyIndex.get(p.id)!;
    if (seen.has(p.id)) continue; // first declaration wins
    seen.add(p.id);
    const slots = withdrawn.has(p.id) ? [] : (p.availableSlots ?? Array.from({ length: S }, (_, s) => s));
    let n = 0;
    for (const s of slots) {
      if (Number.isInteger(s) && s >= 0 && s < S && !avail[i * S + s]) {
        avail[i * S + s] = 1;
        n++;
      }
    }
    cap[i] = Math.max(0, Math.floor(p.capacity ?? S));
    limit[i] = Math.min(cap[i], n);
  }

  const rejected: UnscheduledRequest[] = [];
  const candidates: Req[] = [];
  const ids = new Set<string>();
  for (const r of input.requests) {
    const a = partyIndex.get(r.enterpriseId);
    const b = partyIndex.get(r.presenterId);
    if (ids.has(r.id) || a === undefined || b === undefined || a === b || !(r.priority > 0) || !Number.isFinite(r.priority)) {
      rejected.push({ requestId: r.id, reason: 'invalid' });
      continue;
    }
    ids.add(r.id);
    const common: number[] = [];
    for (let s = 0; s < S; s++) if (avail[a * S + s] && avail[b * S + s]) common.push(s);
    candidates.push({ index: -1, id: r.id, a, b, w: r.priority, common, rank: 0 });
  }
  const tie = (q: Req): number => seededHash(seed, q.id);
  const order = (x: Req, y: Req): number =>
    y.w - x.w || x.common.length - y.common.length || tie(x) - tie(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  candidates.sort(order);

  // One meeting per pair: keep the best-ranked request of each (enterprise, presenter).
  const pairs = new Set<string>();
  const reqs: Req[] = [];
  for (const q of candidates) {
    const key = `${q.a}|${q.b}`;
    if (pairs.has(key)) {
      rejected.push({ requestId: q.id, reason: 'duplicate' });
      continue;
    }
    pairs.add(key);
    if (!q.common.length) {
      rejected.push({ requestId: q.id, reason: 'no-common-availability' });
      continue;
    }
    q.index = reqs.length;
    q.rank = reqs.length;
    reqs.push(q);
  }
  return { reqs, rejected, partyIndex, partyIds, avail, cap, limit };
}

/**
 * Give each meeting a table. Presenters keep one table through the day where they can (enterprises
 * walk to them), so a presenter's first table becomes its home; otherwise the lowest free table.
 * Meetings in `fixed` keep the table they already have.
 */
function assignTables(
  reqs: Req[],
  slotOf: Int32Array,
  slotCount: number,
  tableCount: number,
  fixed: Map<number, number> = new Map(),
): Int32Array {
  const table = new Int32Array(reqs.length).fill(-1);
  const home = new Map<number, number>();
  const bySlot: number[][] = Array.from({ length: slotCount }, () => []);
  for (const q of reqs) if (slotOf[q.index] >= 0) bySlot[slotOf[q.index]].push(q.index);
  for (const [r, t] of fixed) {
    if (slotOf[r] < 0) continue;
    table[r] = t;
    if (!home.has(reqs[r].b)) home.set(reqs[r].b, t);
  }
  for (let s = 0; s < slotCount; s++) {
    const used = new Uint8Array(tableCount);
    const list = bySlot[s].sort((x, y) => reqs[x].rank - reqs[y].rank);
    for (const r of list) if (table[r] >= 0) used[table[r]] = 1;
    const pending: number[] = [];
    for (const r of list) {
      if (table[r] >= 0) continue;
      const h = home.get(reqs[r].b);
      if (h !== undefined && !used[h]) {
        table[r] = h;
        used[h] = 1;
      } else pending.push(r);
    }
    let next = 0;
    for (const r of pending) {
      while (next < tableCount && used[next]) next++;
      table[r] = next;
      used[next] = 1;
      if (!home.has(reqs[r].b)) home.set(reqs[r].b, next);
    }
  }
  return table;
}

function toAssignments(p: Prepared, state: ScheduleState, table: Int32Array): MeetingAssignment[] {
  const out: MeetingAssignment[] = [];
  for (const q of p.reqs) {
    const s = state.slotOf[q.index];
    if (s < 0) continue;
    out.push({
      requestId: q.id,
      enterpriseId: p.partyIds[q.a],
      presenterId: p.partyIds[q.b],
      priority: q.w,
      slot: s,
      table: table[q.index],
    });
  }
  return out.sort((x, y) => x.slot - y.slot || x.table - y.table);
}

function bounds(p: Prepared, input: ScheduleInput): { capacity: number; flow: number } {
  const boundInput = {
    partyCount: p.partyIds.length,
    limit: p.limit,
    totalMeetings: input.slotCount * input.tableCount,
    requests: p.reqs.map((q) => ({ enterprise: q.a, presenter: q.b, weight: q.w })),
  };
  return { capacity: capacityBound(boundInput), flow: flowBound(boundInput) };
}

/**
 * Assign meeting requests to (slot, table), maximising total priority: greedy by rank, then passes of
 * relocation chains (move placed meetings to make room) and ejections (swap out lighter meetings).
 * Deterministic: the same input and seed always give the same schedule, whatever the input order.
 */
export function scheduleMeetings(input: ScheduleInput, options: { computeBound?: boolean } = {}): ScheduleResult {
  const p = prepare(input);
  const state = new ScheduleState(p.reqs, input.slotCount, input.tableCount, p.partyIds.length, p.avail, p.cap);
  for (const q of p.reqs) state.tryInsert(q.index, 0);
  state.commit();
  const byParty: number[][] = Array.from({ length: p.partyIds.length }, () => []);
  for (const q of p.reqs) {
    byParty[q.a].push(q.index);
    byParty[q.b].push(q.index);
  }
  // A few unscheduled requests that could use a table freed in slot s (bounded: the party lists do most of the work).
  const unscheduledInSlot = (slot: number): number[] => {
    const out: number[] = [];
    for (const q of p.reqs) {
      if (out.length >= 16) break;
      if (state.slotOf[q.index] < 0 && q.common.includes(slot)) out.push(q.index);
    }
    return out;
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (const q of p.reqs) {
      if (state.slotOf[q.index] >= 0) continue;
      if (state.tryInsert(q.index, RELOCATION_DEPTH) || state.tryEject(q.index) > EPS) improved = true;
      state.commit();
    }
    // Lightest placed meetings first: they are the likeliest to be worth less than what they block.
    for (let i = p.reqs.length - 1; i >= 0; i--) {
      const q = p.reqs[i];
      if (state.slotOf[q.index] < 0) continue;
      if (state.tryRemoveAndRefill(q.index, byParty, unscheduledInSlot) > EPS) improved = true;
      state.commit();
    }
    if (!improved) break;
  }
  const table = assignTables(p.reqs, state.slotOf, input.slotCount, input.tableCount);
  const meetings = toAssignments(p, state, table);
  const unscheduled: UnscheduledRequest[] = [
    ...p.rejected,
    ...p.reqs.filter((q) => state.slotOf[q.index] < 0).map((q) => ({ requestId: q.id, reason: 'outranked' as UnscheduledReason })),
  ];
  const totalPriority = meetings.reduce((sum, m) => sum + m.priority, 0);
  const b = options.computeBound === false ? { capacity: Infinity, flow: Infinity } : bounds(p, input);
  const upperBound = Math.min(b.capacity, b.flow);
  return {
    meetings,
    unscheduled,
    stats: {
      requests: input.requests.length,
      scheduled: meetings.length,
      totalPriority: round6(totalPriority),
      upperBound: round6(upperBound),
      ratio: upperBound > 0 && Number.isFinite(upperBound) ? round6(totalPriority / upperBound) : 1,
      capacityBound: round6(b.capacity),
      flowBound: round6(b.flow),
    },
  };
}

/**
 * First come, first served: each request in arrival order takes the earliest slot both parties have free.
 * The baseline that self-picked slots approximate; used by the benchmark, not by the product.
 */
export function scheduleFirstComeFirstServed(input: ScheduleInput): { meetings: MeetingAssignment[]; totalPriority: number } {
  const p = prepare(input);
  const byId = new Map(p.reqs.map((q) => [q.id, q]));
  const state = new ScheduleState(p.reqs, input.slotCount, input.tableCount, p.partyIds.length, p.avail, p.cap);
  for (const r of input.requests) {
    const q = byId.get(r.id);
    if (!q || !state.hasCapacity(q.index)) continue;
    const s = q.common.find((slot) => state.canPlaceAt(q.index, slot));
    if (s !== undefined) state.place(q.index, s);
  }
  state.commit();
  const table = assignTables(p.reqs, state.slotOf, input.slotCount, input.tableCount);
  const meetings = toAssignments(p, state, table);
  return { meetings, totalPriority: round6(meetings.reduce((sum, m) => sum + m.priority, 0)) };
}

/**
 * Re-plan after cancellations: every meeting not cancelled keeps its slot and table; freed capacity is
 * offered, in rank order, to requests that fit directly without moving anyone. Only cancelled and newly
 * added meetings change, so only their parties need to be told.
 */
export function replanMeetings(input: ScheduleInput, current: MeetingAssignment[], cancellation: Cancellation): ReplanResult {
  const withdrawn = new Set(cancellation.partyIds ?? []);
  const cancelled = new Set(cancellation.requestIds ?? []);
  const p = prepare(input, withdrawn);
  const byId = new Map(p.reqs.map((q) => [q.id, q]));
  const state = new ScheduleState(p.reqs, input.slotCount, input.tableCount, p.partyIds.length, p.avail, p.cap);
  const removed: MeetingAssignment[] = [];
  const fixedTables = new Map<number, number>();
  for (const m of current) {
    const q = byId.get(m.requestId);
    const gone = cancelled.has(m.requestId) || withdrawn.has(m.enterpriseId) || withdrawn.has(m.presenterId);
    // A kept meeting whose request vanished or became infeasible is removed too, never silently moved.
    if (gone || !q || !q.common.includes(m.slot) || !state.canPlaceAt(q.index, m.slot) || !state.hasCapacity(q.index)) {
      removed.push(m);
      continue;
    }
    state.place(q.index, m.slot);
    fixedTables.set(q.index, m.table);
  }
  const addedIdx: number[] = [];
  const previouslyPlaced = new Set(current.map((m) => m.requestId));
  for (const q of p.reqs) {
    if (state.slotOf[q.index] >= 0 || cancelled.has(q.id)) continue;
    if (previouslyPlaced.has(q.id)) continue; // removed meetings are not re-added in the same step
    if (state.tryInsert(q.index, 0)) addedIdx.push(q.index);
  }
  state.commit();
  const table = assignTables(p.reqs, state.slotOf, input.slotCount, input.tableCount, fixedTables);
  const meetings = toAssignments(p, state, table);
  const addedIds = new Set(addedIdx.map((i) => p.reqs[i].id));
  const added = meetings.filter((m) => addedIds.has(m.requestId));
  return {
    meetings,
    removed,
    added,
    changedRequestIds: [...removed.map((m) => m.requestId), ...added.map((m) => m.requestId)].sort(),
  };
}

function round6(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}
