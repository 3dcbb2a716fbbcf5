import { MeetingSlot, overlaps } from '../event-calendar';
import { seededHash } from './seeded-hash';
import { ScheduleInput, SchedulingParty } from './meeting-scheduler.types';

export interface ScheduleSource {
  eventId: string;
  slots: MeetingSlot[];
  tableCount: number;
  maxMeetingsPerEnterprise: number;
  participants: Array<{ enterpriseOrgId: string; availableSlots: number[] | null }>;
  presentations: Array<{ id: string; presenterOrgId: string; startsAt: Date | null; endsAt: Date | null }>;
  requests: Array<{ id: string; enterpriseOrgId: string; presenterOrgId: string; presentationId: string; priority: number }>;
}

/**
 * The scheduler's input from persisted event data. Presenters cannot meet while they present, so
 * their availability excludes slots overlapping their own presentations. Parties are organisations:
 * an enterprise that also presents is one party and is never double-booked across both roles.
 */
export function buildScheduleInput(src: ScheduleSource): ScheduleInput {
  const all = src.slots.map((s) => s.index);
  const parties = new Map<string, SchedulingParty>();
  const registered = new Set<string>();
  for (const p of src.participants) {
    registered.add(p.enterpriseOrgId);
    const slots = p.availableSlots ? p.availableSlots.filter((s) => s >= 0 && s < src.slots.length) : all;
    parties.set(p.enterpriseOrgId, { id: p.enterpriseOrgId, availableSlots: slots, capacity: src.maxMeetingsPerEnterprise });
  }
  const accepted = new Set(src.presentations.map((p) => p.id));
  const busy = new Map<string, Array<{ startsAt: Date; endsAt: Date }>>();
  for (const p of src.presentations) {
    const list = busy.get(p.presenterOrgId) ?? [];
    if (p.startsAt && p.endsAt) list.push({ startsAt: p.startsAt, endsAt: p.endsAt });
    busy.set(p.presenterOrgId, list);
  }
  for (const [org, talks] of busy) {
    const free = src.slots.filter((s) => !talks.some((t) => overlaps(s, t))).map((s) => s.index);
    const existing = parties.get(org);
    if (existing) {
      const own = new Set(free);
      existing.availableSlots = (existing.availableSlots ?? all).filter((s) => own.has(s));
    } else parties.set(org, { id: org, availableSlots: free });
  }
  const requests = src.requests
    .filter((r) => registered.has(r.enterpriseOrgId) && accepted.has(r.presentationId))
    .map((r) => ({ id: r.id, enterpriseId: r.enterpriseOrgId, presenterId: r.presenterOrgId, priority: r.priority }));
  return {
    slotCount: src.slots.length,
    tableCount: src.tableCount,
    parties: [...parties.values()],
    requests,
    seed: seededHash(0, src.eventId),
  };
}
