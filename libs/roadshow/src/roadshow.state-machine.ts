import { DomainError } from '@techbridge/platform';
import { EventStatus } from './entities/roadshow-event.entity';

export type EventAction = 'open-registration' | 'close-registration' | 'mark-held' | 'close' | 'cancel';

/** The event lifecycle: planned → registration-open → scheduled → held → closed, or cancelled before it is held. */
const TRANSITIONS: Record<EventAction, { from: EventStatus[]; to: EventStatus }> = {
  'open-registration': { from: ['planned'], to: 'registration-open' },
  'close-registration': { from: ['registration-open'], to: 'scheduled' },
  'mark-held': { from: ['scheduled'], to: 'held' },
  close: { from: ['held'], to: 'closed' },
  cancel: { from: ['planned', 'registration-open', 'scheduled'], to: 'cancelled' },
};

export const EVENT_ACTIONS = Object.keys(TRANSITIONS) as EventAction[];

export function canTransition(from: EventStatus, action: EventAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The next state, or a 409 carrying the current state. */
export function nextEventStatus(from: EventStatus, action: EventAction): EventStatus {
  if (!canTransition(from, action)) throw DomainError.illegalTransition('roadshow event', from, action);
  return TRANSITIONS[action].to;
}

/** Actions allowed from a state, for the UI. */
export function allowedEventActions(from: EventStatus): EventAction[] {
  return EVENT_ACTIONS.filter((a) => canTransition(from, a));
}
