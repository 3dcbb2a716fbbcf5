import { EPS, RELOCATION_DEPTH, Req, ScheduleState } from './schedule-state';
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

/** Improvement passes over the unscheduled requests; each pass only ever raises the total priority. */
const MAX_PASSES = 8;

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
