import { Logger } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { currentRequestId } from '../logging/request-context';

/** One step of a lifecycle: from any of these states to that one. */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

/**
 * An explicit transition map for one lifecycle. Services write a status only through `next` (or, for a
 * set-based update, through the `from`/`to` of `step`), so no status is written past its map; an illegal
 * step is a 409 carrying the current state, and every step taken for an identified row is logged with the request (or
 * job) it was taken for.
 */
export class StateMachine<S extends string, A extends string> {
  private readonly logger: Logger;

  constructor(
    /** The thing whose lifecycle this is, in words: 'roadshow event', 'technology contract'. */
    readonly entity: string,
    private readonly transitions: Record<A, Transition<S>>,
    private readonly illegal: (from: S, action: A) => Error = (from, action) => DomainError.illegalTransition(entity, from, action),
  ) {
    this.logger = new Logger(`Lifecycle:${entity}`);
  }

  get actions(): A[] {
    return Object.keys(this.transitions) as A[];
  }

  can(from: S, action: A): boolean {
    return this.transitions[action].from.includes(from);
  }

  /** Actions allowed from a state (for the UI), in the map's order. */
  allowed(from: S): A[] {
    return this.actions.filter((a) => this.can(from, a));
  }

  /**
   * The next state, or the lifecycle's illegal-step error. With the row's id the step is logged:
   * call it where the step is taken, not to ask (use `can` for that).
   */
  next(from: S, action: A, id?: string): S {
    if (!this.can(from, action)) throw this.illegal(from, action);
    const to = this.transitions[action].to;
    if (id) this.logger.log({ id, from, to, action, requestId: currentRequestId() }, `${this.entity} ${id}: ${from} → ${to} (${action})`);
    return to;
  }

  /** A guard: throws the lifecycle's illegal-step error when the action is not allowed from `from`. */
  assert(from: S, action: A): void {
    if (!this.can(from, action)) throw this.illegal(from, action);
  }

  /** The step itself, for updates that move a set of rows at once (`WHERE status IN (from)` → `to`). */
  step(action: A): Transition<S> {
    return this.transitions[action];
  }

  /** Log a set-based step after it was written. */
  logStep(action: A, ids: readonly string[]): void {
    if (!ids.length) return;
    const { from, to } = this.transitions[action];
    this.logger.log({ ids, from, to, action, requestId: currentRequestId() }, `${this.entity} ${ids.join(',')}: ${from.join('|')} → ${to} (${action})`);
  }
}
