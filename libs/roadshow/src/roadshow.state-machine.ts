import { StateMachine } from '@techbridge/platform';
import { MeetingRequestStatus } from './entities/meeting-request.entity';
import { MeetingStatus } from './entities/meeting.entity';
import { ParticipantStatus } from './entities/participant.entity';
import { PresentationStatus } from './entities/presentation.entity';
import { EventStatus } from './entities/roadshow-event.entity';
import { RoadshowErrors } from './roadshow.exception';

export type EventAction = 'open-registration' | 'close-registration' | 'mark-held' | 'close' | 'cancel';

/** The event lifecycle: planned → registration-open → scheduled → held → closed, or cancelled before it is held. */
export const EVENT_LIFECYCLE = new StateMachine<EventStatus, EventAction>('roadshow event', {
  'open-registration': { from: ['planned'], to: 'registration-open' },
  'close-registration': { from: ['registration-open'], to: 'scheduled' },
  'mark-held': { from: ['scheduled'], to: 'held' },
  close: { from: ['held'], to: 'closed' },
  cancel: { from: ['planned', 'registration-open', 'scheduled'], to: 'cancelled' },
});

export const EVENT_ACTIONS = EVENT_LIFECYCLE.actions;

/** Statuses in which the programme is still open: presenters apply, are invited, decide or withdraw. */
export const PROGRAMME_OPEN: EventStatus[] = ['planned', 'registration-open'];

export function canTransition(from: EventStatus, action: EventAction): boolean {
  return EVENT_LIFECYCLE.can(from, action);
}

/** The next state, or a 409 carrying the current state. */
export function nextEventStatus(from: EventStatus, action: EventAction, eventId?: string): EventStatus {
  return EVENT_LIFECYCLE.next(from, action, eventId);
}

/** Actions allowed from a state, for the UI. */
export function allowedEventActions(from: EventStatus): EventAction[] {
  return EVENT_LIFECYCLE.allowed(from);
}

/** What a party asks of a presentation through the decision route. */
export type PresentationDecision = 'accept' | 'decline' | 'withdraw';
export type PresentationAction = 'accept-application' | 'decline-application' | 'accept-invitation' | 'decline-invitation' | 'withdraw';

/**
 * A presentation starts as an application (the owner asks) or an invitation (the organiser asks); the other side
 * decides. The owner may withdraw until the event's programme closes.
 */
export const PRESENTATION_LIFECYCLE = new StateMachine<PresentationStatus, PresentationAction>(
  'presentation',
  {
    'accept-application': { from: ['applied'], to: 'accepted' },
    'decline-application': { from: ['applied'], to: 'declined' },
    'accept-invitation': { from: ['invited'], to: 'accepted' },
    'decline-invitation': { from: ['invited'], to: 'declined' },
    withdraw: { from: ['applied', 'invited', 'accepted'], to: 'withdrawn' },
  },
  (from, action) => RoadshowErrors.illegalPresentationStep(from, action),
);

/** Presentations that still occupy their subject's place on the programme. */
export const ACTIVE_PRESENTATION: PresentationStatus[] = ['applied', 'invited', 'accepted'];

/**
 * The lifecycle action behind a party's decision: the organiser decides applications, the owner invitations,
 * only the owner withdraws. A decision no party of the caller may take is a 409 with the current state.
 */
export function presentationAction(status: PresentationStatus, decision: PresentationDecision, as: { organiser: boolean; owner: boolean }): PresentationAction {
  if (decision === 'withdraw' && as.owner) return 'withdraw';
  if (decision !== 'withdraw') {
    if (as.organiser && status === 'applied') return `${decision}-application`;
    if (as.owner && status === 'invited') return `${decision}-invitation`;
  }
  throw RoadshowErrors.illegalPresentationStep(status, decision);
}

export type ParticipantAction = 'withdraw' | 'promote';

/** An enterprise registers (or is waitlisted beyond capacity), withdraws, or moves up when a place opens. */
export const PARTICIPANT_LIFECYCLE = new StateMachine<ParticipantStatus, ParticipantAction>('roadshow participant', {
  withdraw: { from: ['registered', 'waitlisted'], to: 'cancelled' },
  promote: { from: ['waitlisted'], to: 'registered' },
});

/** A meeting request waits for the scheduler until it is withdrawn (or its party leaves). */
export const MEETING_REQUEST_LIFECYCLE = new StateMachine<MeetingRequestStatus, 'cancel'>('meeting request', {
  cancel: { from: ['pending'], to: 'cancelled' },
});

/** A scheduled 1:1 meeting is cancelled by a party, the organiser, a re-plan or the event's cancellation. */
export const MEETING_LIFECYCLE = new StateMachine<MeetingStatus, 'cancel'>('meeting', {
  cancel: { from: ['scheduled'], to: 'cancelled' },
});
