/**
 * Benchmark of the 1:1 meeting scheduler against first-come-first-served on the same seeded instance.
 * Size: SCHEDULE_SCALE (default 1 = 300 enterprises, 120 presenters, 2,000 requests, 12 slots, 40 tables).
 * The last line is one JSON object with every figure.
 */
import { performance } from 'node:perf_hooks';
import { generateInstance } from '../../libs/roadshow/src/scheduling/instance-generator';
import { replanMeetings, scheduleFirstComeFirstServed, scheduleMeetings } from '../../libs/roadshow/src/scheduling/meeting-scheduler';

const scale = Number(process.env.SCHEDULE_SCALE ?? process.argv[2] ?? 1);
const seed = Number(process.env.SCHEDULE_SEED ?? 20261126);
const runs = Number(process.env.SCHEDULE_RUNS ?? 3);
const size = {
  enterprises: Math.max(2, Math.round(300 * scale)),
  presenters: Math.max(2, Math.round(120 * scale)),
  requests: Math.max(2, Math.round(2000 * scale)),
  slots: 12,
  tables: Math.max(1, Math.round(40 * scale)),
  seed,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const input = generateInstance(size);
const mustMeet = input.requests.filter((r) => r.priority === 3).length;
const wouldLike = input.requests.filter((r) => r.priority === 2).length;

const fcfsTimes: number[] = [];
let fcfs = scheduleFirstComeFirstServed(input);
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  fcfs = scheduleFirstComeFirstServed(input);
  fcfsTimes.push(performance.now() - t0);
}
const schedTimes: number[] = [];
let result = scheduleMeetings(input, { computeBound: false });
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  result = scheduleMeetings(input, { computeBound: false });
  schedTimes.push(performance.now() - t0);
}
const tb = performance.now();
const withBound = scheduleMeetings(input);
const boundMs = performance.now() - tb - median(schedTimes);
const again = scheduleMeetings(input, { computeBound: false });
const deterministic = JSON.stringify(again.meetings) === JSON.stringify(result.meetings);

// Re-plan cost: cancel the busiest presenter's participation and re-plan around it.
const busiest = [...result.meetings.reduce((m, x) => m.set(x.presenterId, (m.get(x.presenterId) ?? 0) + 1), new Map<string, number>())].sort(
  (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
)[0][0];
const tr = performance.now();
const replan = replanMeetings(input, result.meetings, { partyIds: [busiest] });
const replanMs = performance.now() - tr;

// A second instance where tables are plentiful, so party availability and capacity bind instead of the room.
const roomy = generateInstance({ ...size, tables: size.tables * 3 });
const tRoomy = performance.now();
const roomyResult = scheduleMeetings(roomy);
const roomyMs = performance.now() - tRoomy;
const roomyFcfs = scheduleFirstComeFirstServed(roomy);

const { upperBound, capacityBound, flowBound } = withBound.stats;
const mustScheduled = result.meetings.filter((m) => m.priority === 3).length;
const fcfsMust = fcfs.meetings.filter((m) => m.priority === 3).length;
const figures = {
  benchmark: 'schedule',
  instance: { ...size, requestsGenerated: input.requests.length, mustMeet, wouldLike, suggestions: input.requests.length - mustMeet - wouldLike, tableSlots: size.slots * size.tables },
  scheduler: {
    msMedian: Math.round(median(schedTimes) * 10) / 10,
    meetings: result.meetings.length,
    totalPriority: withBound.stats.totalPriority,
    ratioToUpperBound: withBound.stats.ratio,
    mustMeetScheduled: mustScheduled,
    deterministic,
  },
  baselineFcfs: {
    msMedian: Math.round(median(fcfsTimes) * 10) / 10,
    meetings: fcfs.meetings.length,
    totalPriority: fcfs.totalPriority,
    ratioToUpperBound: Math.round((fcfs.totalPriority / upperBound) * 1e4) / 1e4,
    mustMeetScheduled: fcfsMust,
  },
  upperBound: { value: upperBound, capacityBound, flowBound, msToCompute: Math.round(boundMs) },
  priorityGainVsFcfs: Math.round((withBound.stats.totalPriority / fcfs.totalPriority) * 1e4) / 1e4,
  timeRatioVsFcfs: Math.round((median(schedTimes) / Math.max(median(fcfsTimes), 1e-3)) * 10) / 10,
  partyBoundVariant: {
    tables: roomy.tableCount,
    meetings: roomyResult.meetings.length,
    totalPriority: roomyResult.stats.totalPriority,
    upperBound: roomyResult.stats.upperBound,
    ratioToUpperBound: roomyResult.stats.ratio,
    fcfsRatioToUpperBound: Math.round((roomyFcfs.totalPriority / roomyResult.stats.upperBound) * 1e4) / 1e4,
    msWithBound: Math.round(roomyMs),
  },
  replan: { cancelledParty: busiest, removed: replan.removed.length, added: replan.added.length, unchanged: replan.meetings.length - replan.added.length, ms: Math.round(replanMs * 10) / 10 },
};

console.log(`instance: ${size.enterprises} enterprises, ${size.presenters} presenters, ${input.requests.length} requests (${mustMeet} must-meet, ${wouldLike} would-like), ${size.slots} slots × ${size.tables} tables`);
console.log(`upper bound: ${upperBound} (capacity bound ${capacityBound}, flow relaxation ${flowBound})`);
console.log(`scheduler : ${figures.scheduler.meetings} meetings, priority ${figures.scheduler.totalPriority} = ${(withBound.stats.ratio * 100).toFixed(1)}% of bound, must-meets ${mustScheduled}, ${figures.scheduler.msMedian} ms (median of ${runs}), deterministic=${deterministic}`);
console.log(`FCFS      : ${fcfs.meetings.length} meetings, priority ${fcfs.totalPriority} = ${(figures.baselineFcfs.ratioToUpperBound * 100).toFixed(1)}% of bound, must-meets ${fcfsMust}, ${figures.baselineFcfs.msMedian} ms`);
console.log(`gain      : ×${figures.priorityGainVsFcfs} priority vs FCFS at ×${figures.timeRatioVsFcfs} its time`);
console.log(`variant   : ${roomy.tableCount} tables (parties bind, not tables): ${roomyResult.meetings.length} meetings, ${(roomyResult.stats.ratio * 100).toFixed(1)}% of bound ${roomyResult.stats.upperBound} vs FCFS ${(figures.partyBoundVariant.fcfsRatioToUpperBound * 100).toFixed(1)}%`);
console.log(`re-plan   : presenter ${busiest} withdraws → ${replan.removed.length} removed, ${replan.added.length} added, ${figures.replan.unchanged} untouched, ${figures.replan.ms} ms`);
console.log(JSON.stringify(figures));
