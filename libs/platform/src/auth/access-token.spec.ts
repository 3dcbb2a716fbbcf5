import { JwtService } from '@nestjs/jwt';
import { accessKeyId, verificationSecret } from './access-token';

describe('access-token secret rotation', () => {
  const current = 'current-secret-0123456789';
  const previous = 'previous-secret-0123456789';
  const sign = (secret: string, kid?: string) => new JwtService({ secret }).signAsync({ sub: 'u' }, { algorithm: 'HS256', expiresIn: 60, ...(kid ? { keyid: kid } : {}) });

  it('picks the previous secret only for a token whose kid names it', async () => {
    expect(verificationSecret(await sign(previous, accessKeyId(previous)), { current, previous })).toBe(previous);
    expect(verificationSecret(await sign(current, accessKeyId(current)), { current, previous })).toBe(current);
    expect(verificationSecret(await sign(previous), { current, previous })).toBe(current);
    expect(verificationSecret(await sign(previous, 'forged'), { current, previous })).toBe(current);
    expect(verificationSecret('not a token', { current, previous })).toBe(current);
  });

  it('without a previous secret, the current one verifies everything', async () => {
    expect(verificationSecret(await sign(previous, accessKeyId(previous)), { current })).toBe(current);
  });

  it('the kid does not reveal the secret', () => {
    expect(accessKeyId(current)).toMatch(/^[0-9a-f]{16}$/);
    expect(accessKeyId(current)).not.toContain('secret');
    expect(accessKeyId(current)).not.toBe(accessKeyId(previous));
  });
});
