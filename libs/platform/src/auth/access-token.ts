import { createHash } from 'node:crypto';
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

/** The `kid` a secret signs under: a short digest, so the header names the key without revealing it. */
export function accessKeyId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/**
 * Which secret verifies a token during a rotation: the previous one only for a token whose `kid` names it; any other
 * token (the current kid, none, an unknown one) is checked against the current secret, so a forged kid gains nothing.
 */
export function verificationSecret(token: string, keys: { current: string; previous?: string }): string {
  if (!keys.previous) return keys.current;
  return tokenKeyId(token) === accessKeyId(keys.previous) ? keys.previous : keys.current;
}

function tokenKeyId(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { kid?: unknown }).kid;
  } catch {
    return undefined;
  }
}
