import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { verifyAccessToken } from './access-token';
import { Actor, actorFromClaims, Role } from './actor';
import { AuthStateStore } from './auth-state.store';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';

/**
 * Global guard: every route needs a valid access token unless @Public; @Roles narrows further.
 * Object-level checks happen in services with the actor this guard attaches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly authState: AuthStateStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor | null }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const header = req.headers['authorization'];
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    req.actor = null;
    if (token) {
      const claims = await verifyAccessToken(this.jwt, this.authState, token);
      if (claims) req.actor = actorFromClaims(claims);
      else if (!isPublic) throw unauthorized();
    }
    if (isPublic) return true;
    if (!req.actor) throw unauthorized();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !req.actor.roles.includes(Role.PlatformAdmin) && !roles.some((r) => req.actor!.roles.includes(r))) {
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
