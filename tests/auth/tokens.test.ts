import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signStaffToken, verifyStaffToken } from '../../src/lib/auth/tokens.ts';

const env = { STAFF_JWT_SECRET: 'unit-test-secret-0123456789abcdef' } as NodeJS.ProcessEnv;

describe('staff tokens', () => {
  it('round-trips the Supabase claims shape', async () => {
    const token = await signStaffToken({ email: 'Ana@Agencia.gov.co', roles: ['advisor'] }, env.STAFF_JWT_SECRET!);
    const claims = await verifyStaffToken(token, env);
    expect(claims).toMatchObject({ email: 'ana@agencia.gov.co', role: 'authenticated', aud: 'authenticated', app_metadata: { roles: ['advisor'] } });
    expect(claims?.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rejects another secret, an expired token and a token without a staff role', async () => {
    const other = await signStaffToken({ email: 'a@b.co', roles: ['admin'] }, 'another-secret-0123456789abcdef');
    expect(await verifyStaffToken(other, env)).toBeNull();
    const expired = await signStaffToken({ email: 'a@b.co', roles: ['admin'], ttlSeconds: -10 }, env.STAFF_JWT_SECRET!);
    expect(await verifyStaffToken(expired, env)).toBeNull();
    const citizen = await new SignJWT({ email: 'a@b.co', role: 'authenticated', app_metadata: { roles: ['citizen'] } })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(env.STAFF_JWT_SECRET!));
    expect(await verifyStaffToken(citizen, env)).toBeNull();
  });

  it('verifies nothing when no secret or Supabase project is configured', async () => {
    const token = await signStaffToken({ email: 'a@b.co', roles: ['admin'] }, env.STAFF_JWT_SECRET!);
    expect(await verifyStaffToken(token, {} as NodeJS.ProcessEnv)).toBeNull();
  });
});
