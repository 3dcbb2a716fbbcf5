import { ComputedFigure, tally } from './computed-source';

export const ACHIEVEMENT_INDICATORS = ['achievements-published'] as const;
export const DEMAND_INDICATORS = ['demands-posted'] as const;
export const EVENT_INDICATORS = ['events-held', 'large-roadshows-held', 'event-meetings', 'event-intentions'] as const;

/** Achievements published in the quarter, by the owner's park, with industry and TRL breakdowns. */
export function achievementFigures(rows: Array<{ id: string; park: string | null; industry: string; trl: number }>, parks: readonly string[]): ComputedFigure[] {
  return tally('achievements-published', rows.map((r) => ({ ref: { type: 'achievement', id: r.id }, park: r.park, breakdowns: [`industry:${r.industry}`, `trl:${r.trl}`] })), parks, 'count');
}

/** Demands posted in the quarter, by the demand's park, with industry and (when stated) minimum-TRL breakdowns. */
export function demandFigures(rows: Array<{ id: string; park: string | null; industry: string; minTrl: number | null }>, parks: readonly string[]): ComputedFigure[] {
  return tally(
    'demands-posted',
    rows.map((r) => ({ ref: { type: 'demand', id: r.id }, park: r.park, breakdowns: [`industry:${r.industry}`, ...(r.minTrl ? [`trl:${r.minTrl}`] : [])] })),
    parks,
    'count',
  );
}

/** Events held in the quarter (large ones apart), their 1:1 meetings and the intentions reached, by the event's park. */
export function eventFigures(
  events: Array<{ id: string; park: string | null; large: boolean; meetingIds: string[]; intentionMeetingIds: string[] }>,
  parks: readonly string[],
): ComputedFigure[] {
  const ref = (id: string) => ({ type: 'roadshow-event', id });
  return [
    ...tally('events-held', events.map((e) => ({ ref: ref(e.id), park: e.park })), parks, 'count'),
    ...tally('large-roadshows-held', events.filter((e) => e.large).map((e) => ({ ref: ref(e.id), park: e.park })), parks, 'count'),
    ...tally('event-meetings', events.flatMap((e) => e.meetingIds.map((id) => ({ ref: { type: 'meeting', id }, park: e.park }))), parks, 'count'),
    ...tally('event-intentions', events.flatMap((e) => e.intentionMeetingIds.map((id) => ({ ref: { type: 'meeting', id }, park: e.park }))), parks, 'count'),
  ];
}
