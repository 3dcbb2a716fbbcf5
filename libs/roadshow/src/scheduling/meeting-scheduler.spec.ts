import fc from 'fast-check';
import { replanMeetings, scheduleFirstComeFirstServed, scheduleMeetings } from './meeting-scheduler';
import { MeetingAssignment, ScheduleInput } from './meeting-scheduler.types';
import { generateInstance } from './instance-generator';

function violations(input: ScheduleInput, meetings: MeetingAssignment[]): string[] {
  const errors: string[] = [];
  const avail = new Map(input.parties.map((p) => [p.id, new Set(p.availableSlots ?? Array.from({ length: input.slotCount }, (_, s) => s))]));
  const cap = new Map(input.parties.map((p) => [p.id, p.capacity ?? input.slotCount]));
  const partySlot = new Set<string>();
  const tableSlot = new Set<string>();
  const count = new Map<string, number>();
  const pairs = new Set<string>();
  for (const m of meetings) {
    for (const party of [m.enterpriseId, m.presenterId]) {
      if (!avail.get(party)?.has(m.slot)) errors.push(`${m.requestId}: ${party} unavailable at ${m.slot}`);
      const key = `${party}@${m.slot}`;
      if (partySlot.has(key)) errors.push(`${party} double-booked at ${m.slot}`);
      partySlot.add(key);
      count.set(party, (count.get(party) ?? 0) + 1);
    }
    if (m.table < 0 || m.table >= input.tableCount) errors.push(`${m.requestId}: table ${m.table} out of range`);
    const ts = `${m.table}@${m.slot}`;
    if (tableSlot.has(ts)) errors.push(`table ${m.table} used twice at ${m.slot}`);
    tableSlot.add(ts);
    const pair = `${m.enterpriseId}|${m.presenterId}`;
    if (pairs.has(pair)) errors.push(`pair ${pair} meets twice`);
    pairs.add(pair);
  }
  for (const [party, n] of count) if (n > (cap.get(party) ?? Infinity)) errors.push(`${party} over capacity`);
  return errors;
}

const instanceArb = fc
  .record({
    enterprises: fc.integer({ min: 1, max: 14 }),
    presenters: fc.integer({ min: 1, max: 8 }),
    requests: fc.integer({ min: 0, max: 60 }),
    slots: fc.integer({ min: 1, max: 8 }),
    tables: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(generateInstance);

describe('meeting scheduler', () => {
  it('schedules must-meets first and respects tables', () => {
    const input: ScheduleInput = {
      slotCount: 1,
      tableCount: 1,
      parties: [{ id: 'e1' }, { id: 'e2' }, { id: 'p1' }],
      requests: [
        { id: 'a', enterpriseId: 'e1', presenterId: 'p1', priority: 2 },
        { id: 'b', enterpriseId: 'e2', presenterId: 'p1', priority: 3 },
      ],
    };
    const result = scheduleMeetings(input);
    expect(result.meetings.map((m) => m.requestId)).toEqual(['b']);
    expect(result.unscheduled).toEqual([{ requestId: 'a', reason: 'outranked' }]);
    expect(result.stats.ratio).toBe(1);
  });

  it('moves a placed meeting to make room (relocation) where greedy would leave a gap', () => {
    // e1 can only meet at slot 0; p1 and p2 are free all day. Greedy puts (e2,p1) at slot 0 first (higher priority),
    // then (e1,p1) only fits at slot 0 if (e2,p1) moves to slot 1.
    const input: ScheduleInput = {
      slotCount: 2,
      tableCount: 1,
      parties: [{ id: 'e1', availableSlots: [0] }, { id: 'e2' }, { id: 'p1' }],
      requests: [
        { id: 'x', enterpriseId: 'e2', presenterId: 'p1', priority: 3 },
        { id: 'y', enterpriseId: 'e1', presenterId: 'p1', priority: 2 },
      ],
    };
    const result = scheduleMeetings(input);
    expect(result.meetings).toHaveLength(2);
    expect(result.meetings.find((m) => m.requestId === 'y')?.slot).toBe(0);
  });

  it('reports malformed, duplicate and unmeetable requests with a reason', () => {
    const input: ScheduleInput = {
      slotCount: 2,
      tableCount: 2,
      parties: [{ id: 'e1', availableSlots: [0] }, { id: 'p1', availableSlots: [1] }, { id: 'p2' }],
      requests: [
        { id: 'a', enterpriseId: 'e1', presenterId: 'p1', priority: 3 },
        { id: 'b', enterpriseId: 'e1', presenterId: 'p2', priority: 2 },
        { id: 'c', enterpriseId: 'e1', presenterId: 'p2', priority: 3 },
        { id: 'd', enterpriseId: 'e1', presenterId: 'nobody', priority: 3 },
      ],
    };
    const result = scheduleMeetings(input);
    expect(result.meetings.map((m) => m.requestId)).toEqual(['c']);
    const reasons = Object.fromEntries(result.unscheduled.map((u) => [u.requestId, u.reason]));
    expect(reasons).toEqual({ a: 'no-common-availability', b: 'duplicate', d: 'invalid' });
  });

  it('beats first-come-first-served and stays near the upper bound on a crowded instance', () => {
    const input = generateInstance({ enterprises: 60, presenters: 25, requests: 400, slots: 8, tables: 10, seed: 7 });
    const result = scheduleMeetings(input);
    const fcfs = scheduleFirstComeFirstServed(input);
    expect(violations(input, result.meetings)).toEqual([]);
    expect(violations(input, fcfs.meetings)).toEqual([]);
    expect(result.stats.totalPriority).toBeGreaterThan(fcfs.totalPriority);
    expect(result.stats.totalPriority).toBeLessThanOrEqual(result.stats.upperBound + 1e-6);
    expect(result.stats.flowBound).toBeLessThanOrEqual(result.stats.capacityBound + 1e-6);
    expect(result.stats.ratio).toBeGreaterThan(0.9);
  });

  it('property: no double booking, availability, tables, capacity and bound hold on random instances', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = scheduleMeetings(input);
        expect(violations(input, result.meetings)).toEqual([]);
        expect(result.stats.totalPriority).toBeLessThanOrEqual(result.stats.upperBound + 1e-6);
        expect(result.meetings.length + result.unscheduled.length).toBe(input.requests.length);
      }),
      { numRuns: 150, seed: 20261126 },
    );
  });

  it('property: deterministic for the same input, whatever the order of requests and parties', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer({ min: 1, max: 1000 }), (input, shuffleSeed) => {
        const shuffled: ScheduleInput = {
          ...input,
          requests: [...input.requests].sort((x, y) => ((x.id.length * 31 + shuffleSeed) % 7) - ((y.id.length * 17 + shuffleSeed) % 5) || (x.id < y.id ? 1 : -1)),
          parties: [...input.parties].reverse(),
        };
        expect(scheduleMeetings(shuffled).meetings).toEqual(scheduleMeetings(input).meetings);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('property: a cancellation re-plans only the meetings it touches', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (input, pick, wholeParty) => {
        const before = scheduleMeetings(input).meetings;
        fc.pre(before.length > 0);
        const victim = before[pick % before.length];
        const cancellation = wholeParty ? { partyIds: [victim.presenterId] } : { requestIds: [victim.requestId] };
        const result = replanMeetings(input, before, cancellation);
        expect(violations(input, result.meetings)).toEqual([]);
        const changed = new Set(result.changedRequestIds);
        const after = new Map(result.meetings.map((m) => [m.requestId, m]));
        for (const m of before) {
          if (changed.has(m.requestId)) continue;
          // Untouched meetings keep their slot and table exactly.
          expect(after.get(m.requestId)).toEqual(m);
        }
        expect(result.removed.map((m) => m.requestId)).toContain(victim.requestId);
        expect(result.meetings.some((m) => m.requestId === victim.requestId)).toBe(false);
        if (wholeParty) expect(result.meetings.some((m) => m.presenterId === victim.presenterId || m.enterpriseId === victim.presenterId)).toBe(false);
        // Everything added lies in freed capacity and involves only schedulable pairs.
        for (const m of result.added) expect(before.some((b) => b.requestId === m.requestId)).toBe(false);
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it('re-planning fills a freed slot with the best waiting request and reports only that change', () => {
    const input: ScheduleInput = {
      slotCount: 1,
      tableCount: 2,
      parties: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }, { id: 'p1' }, { id: 'p2' }],
      requests: [
        { id: 'a', enterpriseId: 'e1', presenterId: 'p1', priority: 3 },
        { id: 'b', enterpriseId: 'e2', presenterId: 'p2', priority: 3 },
        { id: 'c', enterpriseId: 'e3', presenterId: 'p1', priority: 2 },
      ],
    };
    const first = scheduleMeetings(input);
    expect(first.meetings.map((m) => m.requestId).sort()).toEqual(['a', 'b']);
    const replan = replanMeetings(input, first.meetings, { partyIds: ['e1'] });
    expect(replan.changedRequestIds).toEqual(['a', 'c']);
    expect(replan.added[0]).toMatchObject({ requestId: 'c', slot: 0 });
    expect(replan.meetings.find((m) => m.requestId === 'b')).toEqual(first.meetings.find((m) => m.requestId === 'b'));
  });
});

/** Exhaustive optimum for tiny instances: every request unscheduled or in one of its slots. */
function bruteForceOptimum(input: ScheduleInput): number {
  const avail = new Map(input.parties.map((p) => [p.id, new Set(p.availableSlots ?? Array.from({ length: input.slotCount }, (_, s) => s))]));
  const cap = new Map(input.parties.map((p) => [p.id, p.capacity ?? input.slotCount]));
  const seenPairs = new Set<string>();
  const reqs = [...input.requests].sort((a, b) => b.priority - a.priority).filter((r) => {
    const key = `${r.enterpriseId}|${r.presenterId}`;
    if (seenPairs.has(key) || r.enterpriseId === r.presenterId) return false;
    seenPairs.add(key);
    return true;
  });
  const busy = new Set<string>();
  const count = new Map<string, number>();
  const load = new Array<number>(input.slotCount).fill(0);
  let best = 0;
  const rest = reqs.map((_, i) => reqs.slice(i).reduce((s, r) => s + r.priority, 0));
  const dfs = (i: number, total: number): void => {
    if (total + (rest[i] ?? 0) <= best) return;
    if (i === reqs.length) {
      best = Math.max(best, total);
      return;
    }
    const r = reqs[i];
    const a = r.enterpriseId;
    const b = r.presenterId;
    if ((count.get(a) ?? 0) < (cap.get(a) ?? 0) && (count.get(b) ?? 0) < (cap.get(b) ?? 0)) {
      for (let s = 0; s < input.slotCount; s++) {
        if (!avail.get(a)?.has(s) || !avail.get(b)?.has(s) || busy.has(`${a}@${s}`) || busy.has(`${b}@${s}`) || load[s] >= input.tableCount) continue;
        busy.add(`${a}@${s}`).add(`${b}@${s}`);
        count.set(a, (count.get(a) ?? 0) + 1).set(b, (count.get(b) ?? 0) + 1);
        load[s]++;
        dfs(i + 1, total + r.priority);
        load[s]--;
        count.set(a, count.get(a)! - 1).set(b, count.get(b)! - 1);
        busy.delete(`${a}@${s}`);
        busy.delete(`${b}@${s}`);
      }
    }
    dfs(i + 1, total);
  };
  dfs(0, 0);
  return best;
}

describe('meeting scheduler against the exact optimum', () => {
  it('property: on tiny instances it reaches the optimum almost always and never exceeds it; the bound is never below it', () => {
    let optimal = 0;
    let runs = 0;
    let worst = 1;
    fc.assert(
      fc.property(
        fc.record({ enterprises: fc.integer({ min: 2, max: 5 }), presenters: fc.integer({ min: 1, max: 3 }), requests: fc.integer({ min: 1, max: 9 }), slots: fc.integer({ min: 1, max: 3 }), tables: fc.integer({ min: 1, max: 2 }), seed: fc.integer({ min: 0, max: 1_000_000 }) }).map(generateInstance),
        (input) => {
          const result = scheduleMeetings(input);
          const opt = bruteForceOptimum(input);
          expect(result.stats.totalPriority).toBeLessThanOrEqual(opt + 1e-6);
          expect(result.stats.upperBound).toBeGreaterThanOrEqual(opt - 1e-6);
          runs++;
          if (result.stats.totalPriority >= opt - 1e-6) optimal++;
          if (opt > 0) worst = Math.min(worst, result.stats.totalPriority / opt);
        },
      ),
      { numRuns: 300, seed: 99 },
    );
    expect(optimal / runs).toBeGreaterThan(0.97);
    expect(worst).toBeGreaterThan(0.75);
  });
});
