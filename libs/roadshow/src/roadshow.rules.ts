/** The numbers the roadshow rules run on, and the job ids that keep their delayed jobs unique. */

/** The zone's yearly target of large roadshows. */
export const LARGE_EVENTS_TARGET = 5;
/** An enterprise may mark at most this many presenters as must-meet. */
export const MAX_MUST_MEETS = 5;
/** Presentations per theme session of the agenda. */
export const MAX_PER_SESSION = 6;

const HOUR = 3600_000;
export const REMINDER_LEADS = { '24h': 24 * HOUR, '1h': HOUR } as const;
export type ReminderLead = keyof typeof REMINDER_LEADS;
export const REMINDER_LEAD_NAMES = Object.keys(REMINDER_LEADS) as ReminderLead[];
/** The responsible broker is asked for outcomes a week after the event ends. */
export const FOLLOW_UP_DELAY_MS = 7 * 24 * HOUR;

export const RoadshowJobIds = {
  closeRegistration: (eventId: string) => `roadshow:${eventId}:close-registration`,
  /** A re-armed close job (fired early) gets its own id so it does not collide with the finished one. */
  closeRegistrationRearmed: (eventId: string, at: Date) => `roadshow:${eventId}:close-registration:${at.getTime()}`,
  buildAgenda: (eventId: string) => `roadshow:${eventId}:build-agenda`,
  scheduleMeetings: (eventId: string) => `roadshow:${eventId}:schedule-meetings`,
  followUp: (eventId: string) => `roadshow:${eventId}:follow-up`,
  reminder: (meetingId: string, lead: ReminderLead) => `roadshow:meeting:${meetingId}:remind-${lead}`,
};
