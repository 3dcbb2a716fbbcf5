import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { verifyAccessToken } from './access-token';
import { AccessTokenClaims, Actor } from './actor';
import { AuthStateStore } from './auth-state.store';

/**
 * Builds the actor of a valid access token from the current records (identity provides it), so a role taken away,
 * an organisation rejected or a grant that breaks the role rule stops working on the next request, not at refresh.
 */
export abstract class ActorSource {
  /** Null when the user no longer exists, is disabled or has moved organisation: the token no longer names a caller. */
  abstract actorFor(claims: AccessTokenClaims): Promise<Actor | null>;
}

/** Access token → actor, for the route guard and any other door into the api (the queue dashboard). */
@Injectable()
export class ActorResolver {
  private source?: ActorSource;

  constructor(
    private readonly jwt: JwtService,
    private readonly moduleRef: ModuleRef,
    private readonly authState: AuthStateStore,
  ) {}

  /** Null for an invalid, expired or signed-out token (HS256 only, exp required), or one whose user is gone. */
  async resolve(token: string): Promise<Actor | null> {
    const claims = await verifyAccessToken(this.jwt, this.authState, token);
    if (!claims) return null;
    // Looked up lazily: the source lives in the identity context, which depends on the platform.
    this.source ??= this.moduleRef.get(ActorSource, { strict: false });
    return this.source!.actorFor(claims);
  }
}
