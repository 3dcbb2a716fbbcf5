/** Input and output of the pure 1:1 meeting scheduler: no Nest, no database, deterministic. */

/** Priority weights: must-meet and would-like come from the enterprise; suggestions from match scores. */
export const PRIORITY_MUST_MEET = 3;
export const PRIORITY_WOULD_LIKE = 2;
/** A suggestion weighs its match score scaled into (0, 1], always below an enterprise's own wish. */
export function suggestionPriority(score: number): number {
  const clamped = Math.min(100, Math.max(1, Math.round(score)));
  return clamped / 100;
}

export interface SchedulingParty {
  id: string;
  /** Slot indices (0-based) the party can attend; omitted = every slot. */
  availableSlots?: number[];
  /** Most meetings this party accepts; omitted = the number of slots. */
  capacity?: number;
}

export interface MeetingRequestInput {
  id: string;
  enterpriseId: string;
  presenterId: string;
  /** Positive weight; higher is more important (see PRIORITY_*). */
  priority: number;
}

export interface ScheduleInput {
  slotCount: number;
  tableCount: number;
  parties: SchedulingParty[];
  requests: MeetingRequestInput[];
  /** Seed for tie-breaks between equal priorities; the same input and seed give the same schedule. */
  seed?: number;
}

export interface MeetingAssignment {
  requestId: string;
  enterpriseId: string;
  presenterId: string;
  priority: number;
  slot: number;
  table: number;
}

export type UnscheduledReason =
  /** The two parties share no available slot. */
  | 'no-common-availability'
  /** The same pair was requested more than once; the highest priority one is kept. */
  | 'duplicate'
  /** The request is malformed (unknown party, same party twice, non-positive priority). */
  | 'invalid'
  /** Feasible on its own, but capacity went to higher-priority meetings. */
  | 'outranked';

export interface UnscheduledRequest {
  requestId: string;
  reason: UnscheduledReason;
}

export interface ScheduleStats {
  requests: number;
  scheduled: number;
  totalPriority: number;
  /** Tighter of the per-party capacity bound and the flow relaxation. */
  upperBound: number;
  /** totalPriority / upperBound (1 when the bound is 0). */
  ratio: number;
  capacityBound: number;
  flowBound: number;
}

export interface ScheduleResult {
  meetings: MeetingAssignment[];
  unscheduled: UnscheduledRequest[];
  stats: ScheduleStats;
}

/** What a cancellation removes before re-planning. */
export interface Cancellation {
  /** Requests (meetings) cancelled individually. */
  requestIds?: string[];
  /** Parties withdrawing entirely: all their meetings go, and they get no new ones. */
  partyIds?: string[];
}

export interface ReplanResult {
  meetings: MeetingAssignment[];
  /** Meetings removed from the schedule (cancelled or withdrawn). */
  removed: MeetingAssignment[];
  /** Meetings newly placed into the freed capacity. */
  added: MeetingAssignment[];
  /** Every meeting whose existence, slot or table changed: removed plus added. Nothing else moves. */
  changedRequestIds: string[];
}
