import type { JwtService } from '@nestjs/jwt';
import type { AccessTokenClaims } from './actor';
import type { AuthStateStore } from './auth-state.store';

/** The only algorithm access tokens are signed and accepted with: a token claiming another (none, RS256, HS512) is refused. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256' as const;

/**
 * The claims of a valid access token, or null: signature with the pinned algorithm, an `exp` present and not passed,
 * and a session that has not been signed out (the deny-list).
 */
export async function verifyAccessToken(jwt: JwtService, store: AuthStateStore, token: string): Promise<AccessTokenClaims | null> {
  let claims: AccessTokenClaims & { exp?: unknown };
  try {
    claims = await jwt.verifyAsync<AccessTokenClaims & { exp?: unknown }>(token, { algorithms: [ACCESS_TOKEN_ALGORITHM] });
  } catch {
    return null;
  }
  if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string') return null;
  if (claims.sid && (await store.isSessionRevoked(claims.sid))) return null;
  return claims;
}
