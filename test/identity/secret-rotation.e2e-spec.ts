import { JwtService } from '@nestjs/jwt';
import { accessKeyId } from '@techbridge/platform';
import { createTestApp, signUpOrganisation, TestApp } from '../support/test-app';

const OLD = 'old-access-secret-0123456789';
const NEW = 'new-access-secret-9876543210';

function header(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
}
function claims(token: string): Record<string, unknown> {
  const { exp: _exp, iat: _iat, ...rest } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return rest;
}

/**
 * Rotating JWT_ACCESS_SECRET without signing everyone out: the api signs with the new secret and still accepts, until
 * they expire, tokens the previous one signed (JWT_ACCESS_SECRET_PREVIOUS); once that is removed they are refused.
 */
describe('identity: access-token secret rotation (e2e)', () => {
  let rotated: TestApp;

  beforeAll(async () => {
    rotated = await createTestApp({ env: { JWT_ACCESS_SECRET: NEW, JWT_ACCESS_SECRET_PREVIOUS: OLD } });
  });
  afterAll(async () => {
    await rotated.close();
  });

  it('new tokens name the new key; tokens of the previous key still work; unknown keys do not', async () => {
    const s = await signUpOrganisation(rotated.api, 'enterprise');
    expect(header(s.accessToken)).toMatchObject({ alg: 'HS256', kid: accessKeyId(NEW) });
    expect((await rotated.api.get('me', { token: s.accessToken })).status).toBe(200);

    const issuedBeforeRotation = await new JwtService({ secret: OLD }).signAsync(claims(s.accessToken), { algorithm: 'HS256', expiresIn: 600, keyid: accessKeyId(OLD) });
    const me = await rotated.api.get('me', { token: issuedBeforeRotation });
    expect(me.status).toBe(200);
    expect(me.body.id ?? me.body.user?.id).toBe(s.user.id);

    // Signed by neither key, whatever kid it claims.
    const stranger = 'stranger-secret-0123456789';
    for (const kid of [accessKeyId(stranger), accessKeyId(OLD), accessKeyId(NEW)]) {
      const forged = await new JwtService({ secret: stranger }).signAsync(claims(s.accessToken), { algorithm: 'HS256', expiresIn: 600, keyid: kid });
      expect((await rotated.api.get('me', { token: forged })).status).toBe(401);
    }
  });

  it('after the previous secret is removed, its tokens are refused', async () => {
    const after = await createTestApp({ env: { JWT_ACCESS_SECRET: NEW } });
    try {
      const s = await signUpOrganisation(after.api, 'enterprise');
      const old = await new JwtService({ secret: OLD }).signAsync(claims(s.accessToken), { algorithm: 'HS256', expiresIn: 600, keyid: accessKeyId(OLD) });
      expect((await after.api.get('me', { token: old })).status).toBe(401);
      expect((await after.api.get('me', { token: s.accessToken })).status).toBe(200);
    } finally {
      await after.close();
    }
  });
});
