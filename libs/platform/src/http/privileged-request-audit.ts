import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { catchError, concatMap, from, map, Observable, throwError } from 'rxjs';
import { Actor, Role } from '../auth/actor';
import { REQUIRED_ROLES } from '../auth/auth.decorators';
import { DomainError } from '../errors/domain-error';

/** Roles whose use is an administrative power (等保: every privileged action is audited). */
export const PRIVILEGED_ROLES: ReadonlySet<Role> = new Set([Role.PlatformAdmin, Role.Reviewer, Role.OrgAdmin]);

export interface PrivilegedRequest {
  actor: Actor;
  /** e.g. `POST /api/v1/organisations/:id/verify` */
  route: string;
  params: Record<string, string>;
  /** `ok`, or the error's kind or HTTP status when the action was refused or failed. */
  outcome: string;
  address: string | null;
  requestId: string;
}

/** Where privileged requests are written: the audit log (identity provides it; the platform cannot depend on identity). */
export abstract class RequestAuditSink {
  abstract record(request: PrivilegedRequest): Promise<void>;
}

/**
 * Every write on a route only administrative roles may use (platform-admin, reviewer, org-admin) leaves an audit entry
 * with the actor, the route, its ids, the client address and the outcome, whether or not the service writes its own
 * domain entry: a new privileged route is covered without anyone remembering to. Refused by the guard (no role) is not
 * a privileged action; refused by a rule inside (409, 404) is recorded with that outcome.
 */
@Injectable()
export class PrivilegedRequestAudit implements NestInterceptor {
  private readonly logger = new Logger('PrivilegedRequestAudit');
  private sink?: RequestAuditSink;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<{ method: string; actor?: Actor | null; params?: Record<string, string>; ip?: string; id: string; routeOptions?: { url?: string } }>();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    const actor = req.actor;
    // Administrative routes: every role that opens them is an administrative one (a route members may use is not).
    if (req.method === 'GET' || !actor || !roles?.length || !roles.every((r) => PRIVILEGED_ROLES.has(r))) return next.handle();
    // Written before the answer leaves, so a caller who saw the response finds the entry.
    const record = (outcome: string): Promise<void> => {
      this.sink ??= this.moduleRef.get(RequestAuditSink, { strict: false });
      return this.sink
        .record({ actor, route: `${req.method} ${req.routeOptions?.url ?? ''}`, params: { ...(req.params ?? {}) }, outcome, address: req.ip ?? null, requestId: String(req.id) })
        .catch((err) => this.logger.error({ err, route: req.routeOptions?.url }, 'privileged request could not be audited'));
    };
    return next.handle().pipe(
      concatMap((value) => from(record('ok')).pipe(map(() => value))),
      catchError((err: unknown) =>
        from(record(err instanceof DomainError ? err.kind : String((err as { status?: number })?.status ?? 'error'))).pipe(concatMap(() => throwError(() => err))),
      ),
    );
  }
}
