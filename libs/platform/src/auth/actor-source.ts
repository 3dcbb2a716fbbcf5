import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Actor } from './actor';

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
  ) {}

  /** Null for an invalid or expired token, or one whose user is gone. */
  async resolve(token: string): Promise<Actor | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return null;
    }
    // Looked up lazily: the source lives in the identity context, which depends on the platform.
    this.source ??= this.moduleRef.get(ActorSource, { strict: false });
    return this.source!.actorFor(claims);
  }
}
