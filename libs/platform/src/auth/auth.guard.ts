import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { Actor, Role } from './actor';
import { ActorResolver } from './actor-source';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';

/**
 * Global guard: every route needs a valid access token unless @Public; @Roles narrows further.
 * The actor is rebuilt from the current records on every request, with its effective roles (see ActorSource), so
 * @Roles and the object-level checks in services both follow the organisation's type and verification.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly actors: ActorResolver,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor | null }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const header = req.headers['authorization'];
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    req.actor = null;
    if (token) {
      req.actor = await this.actors.resolve(token);
      if (!req.actor && !isPublic) throw unauthorized();
    }
    if (isPublic) return true;
    if (!req.actor) throw unauthorized();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !req.actor.roles.includes(Role.PlatformAdmin) && !roles.some((r) => req.actor!.roles.includes(r))) {
      const voided = req.actor.voidedRoles?.filter((v) => roles.includes(v.role)) ?? [];
      if (voided.length) {
        // Granted but without effect: say so, rather than let the caller think the role is missing.
        throw new DomainError('forbidden', 'ROLE_NOT_IN_EFFECT', {
          zh: `您的角色（${voided.map((v) => v.role).join('、')}）当前不生效：特权角色只在已核验且类型相符的机构中有效`,
          en: `Your role (${voided.map((v) => v.role).join(', ')}) has no effect: privileged roles need a verified organisation of the right type`,
        }, [], { voidedRoles: voided });
      }
      throw new DomainError('forbidden', 'ROLE_REQUIRED', {
        zh: `需要以下角色之一：${roles.join('、')}`,
        en: `Requires one of the roles: ${roles.join(', ')}`,
      });
    }
    return true;
  }
}

function unauthorized(): DomainError {
  return new DomainError('unauthorized', 'UNAUTHENTICATED', { zh: '请先登录或登录已过期', en: 'Sign in required or the session has expired' });
}
