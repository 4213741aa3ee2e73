import type { Context } from '@netlify/functions';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import { getStore } from '../../src/lib/db/store.ts';
import { verifyStaffToken } from '../../src/lib/auth/tokens.ts';
import { uniqueSlug } from '../support/db.ts';
import { DATABASE_URL } from '../support/env.ts';
import { newClientIp } from '../support/http.ts';
import { startFakeGoTrue, type FakeGoTrue } from './fake-gotrue.ts';

// The Supabase path: tokens shaped and signed as Supabase Auth signs them, and the sign-in functions
// talking through supabase-js to a double of Supabase Auth on loopback. The functions run in this
// process (the served build runs the local issuer); the rate limits still go to the real Postgres.

const SITE = 'https://participa.example';
const HS_SECRET = 'supabase-legacy-jwt-secret-0123456789abcdef';
let fake: FakeGoTrue;
let handler: (request: Request, context: Context) => Promise<Response>;

beforeAll(async () => {
  fake = await startFakeGoTrue();
  Object.assign(process.env, { SUPABASE_URL: fake.url, SUPABASE_ANON_KEY: 'anon-key-for-tests' });
  // The local secret the test environment carries must not stand in for Supabase's keys.
  delete process.env.SUPABASE_JWT_SECRET;
  await getStore(async () => createPostgresStore(DATABASE_URL, { max: 2 }));
  handler = (await import('../../functions/staff-session.ts')).default;
});

afterAll(async () => {
  await fake.stop();
  await (await getStore()).close();
});

const newEmail = () => `${uniqueSlug('supa')}@agencia.gov.co`;

function post(action: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${SITE}/api/staff/session/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, ...headers },
    body: new URLSearchParams(fields),
  });
  return handler(request, { params: { action }, ip: newClientIp() } as unknown as Context);
}

async function signInThroughFake(email: string): Promise<Response> {
  await post('code', { email });
  return post('verify', { email, code: fake.codeSentTo(email)! });
}

const hs256 = (claims: Record<string, unknown>, secret = HS_SECRET, expiresIn = '1h') =>
  new SignJWT({ email: 'ana@agencia.gov.co', role: 'authenticated', app_metadata: { provider: 'email', roles: ['advisor'] }, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('3f1c2c7e-5b0a-4c1e-9d0b-2f6a8e1d4c55')
    .setIssuer('https://proyecto.supabase.co/auth/v1')
    .setAudience(typeof claims.aud === 'string' ? claims.aud : 'authenticated')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

describe('Supabase-signed staff tokens', () => {
  const legacy = () => ({ SUPABASE_URL: fake.url, SUPABASE_JWT_SECRET: HS_SECRET }) as NodeJS.ProcessEnv;
  const jwks = () => ({ SUPABASE_URL: fake.url }) as NodeJS.ProcessEnv;

  it('accepts the legacy HS256 secret and takes roles from app_metadata', async () => {
    const claims = await verifyStaffToken(await hs256({}), legacy());
    expect(claims).toMatchObject({ email: 'ana@agencia.gov.co', app_metadata: { roles: ['advisor'] } });
  });

  it('refuses HS256 tokens with another secret, another audience, expired, tampered or without a staff role', async () => {
    expect(await verifyStaffToken(await hs256({}, 'another-secret-0123456789abcdef0123'), legacy())).toBeNull();
    expect(await verifyStaffToken(await hs256({ aud: 'anon' }), legacy())).toBeNull();
    expect(await verifyStaffToken(await hs256({}, HS_SECRET, '-1s'), legacy())).toBeNull();
    expect(await verifyStaffToken(await hs256({ app_metadata: { provider: 'email' } }), legacy())).toBeNull();
    const [header, , signature] = (await hs256({})).split('.');
    const promoted = Buffer.from(JSON.stringify({ email: 'ana@agencia.gov.co', role: 'authenticated', aud: 'authenticated', sub: 'x', app_metadata: { roles: ['admin'] }, exp: 4e9 })).toString('base64url');
    expect(await verifyStaffToken(`${header}.${promoted}.${signature}`, legacy())).toBeNull();
  });

  it('never lets the local secret stand in for a Supabase project', async () => {
    const local = await hs256({}, 'local-secret-0123456789abcdef0123456789');
    expect(await verifyStaffToken(local, { SUPABASE_URL: fake.url, STAFF_JWT_SECRET: 'local-secret-0123456789abcdef0123456789' } as NodeJS.ProcessEnv)).toBeNull();
  });

  it('accepts ES256 and RS256 tokens from the project JWKS, found by kid', async () => {
    const es = await fake.accessToken('es@agencia.gov.co', ['communications']);
    expect(await verifyStaffToken(es, jwks())).toMatchObject({ email: 'es@agencia.gov.co', app_metadata: { roles: ['communications'] } });
    const rs = await fake.accessToken('rs@agencia.gov.co', ['box_office', 'not-a-role'], { key: fake.keys.rs });
    expect(await verifyStaffToken(rs, jwks())).toMatchObject({ app_metadata: { roles: ['box_office'] } });
  });

  it('refuses JWKS tokens signed by an unknown key, for another audience, expired or tampered', async () => {
    const stranger = await fake.newKey('es-key-1', 'ES256');
    expect(await verifyStaffToken(await fake.accessToken('a@b.co', ['admin'], { key: stranger }), jwks())).toBeNull();
    expect(await verifyStaffToken(await fake.accessToken('a@b.co', ['admin'], { claims: { aud: 'anon' } }), jwks())).toBeNull();
    expect(await verifyStaffToken(await fake.accessToken('a@b.co', ['admin'], { expiresIn: '-1s' }), jwks())).toBeNull();
    const [header, payload, signature] = (await fake.accessToken('a@b.co', ['advisor'])).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, app_metadata: { roles: ['admin'] } })).toString('base64url');
    expect(await verifyStaffToken(`${header}.${promoted}.${signature}`, jwks())).toBeNull();
    // Without a project URL, an asymmetric token has nothing to be checked against.
    expect(await verifyStaffToken(await fake.accessToken('a@b.co', ['admin']), {} as NodeJS.ProcessEnv)).toBeNull();
  });
});

describe('sign-in through Supabase Auth (supabase-js against a double of its API)', () => {
  it('asks Supabase for a code without creating users, with the anon key', async () => {
    const email = newEmail();
    fake.invite(email, ['communications']);
    const reply = await post('code', { email });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe(`/staff/entrar/codigo?correo=${encodeURIComponent(email)}`);
    const [call] = fake.callsTo('otp').filter((c) => c.body.email === email);
    expect(call.body).toMatchObject({ email, create_user: false });
    expect(call.headers.apikey).toBe('anon-key-for-tests');
  });

  it('answers an address Supabase does not know exactly like a staff one', async () => {
    const staff = newEmail();
    fake.invite(staff, ['communications']);
    const stranger = newEmail();
    const [a, b] = await Promise.all([post('code', { email: staff }), post('code', { email: stranger })]);
    expect(b.status).toBe(a.status);
    expect(b.headers.get('location')).toBe(`/staff/entrar/codigo?correo=${encodeURIComponent(stranger)}`);
    expect(fake.codeSentTo(stranger)).toBeUndefined();
  });

  it('verifies the code with verifyOtp and keeps the access token in the session cookie (Secure on https)', async () => {
    const email = newEmail();
    fake.invite(email, ['interviewer']);
    await post('code', { email });
    const code = fake.codeSentTo(email)!;
    const reply = await post('verify', { email, code });
    const [call] = fake.callsTo('verify').filter((c) => c.body.email === email);
    expect(call.body).toMatchObject({ email, token: code, type: 'email' });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/staff');
    const cookies = reply.headers.getSetCookie();
    expect(cookies).toHaveLength(1); // no refresh-token cookie: see README, «Staff accounts»
    expect(cookies[0]).toMatch(/^participa_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    const maxAge = Number(cookies[0].match(/Max-Age=(\d+)/)![1]);
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(3600);
    const token = decodeURIComponent(cookies[0].split(';')[0].split('=')[1]);
    expect(await verifyStaffToken(token)).toMatchObject({ email, app_metadata: { roles: ['interviewer'] } });
  });

  it('answers the JSON API with who signed in', async () => {
    const email = newEmail();
    fake.invite(email, ['admin']);
    await post('code', { email });
    const request = new Request(`${SITE}/api/staff/session/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, code: fake.codeSentTo(email) }),
    });
    const reply = await handler(request, { params: { action: 'verify' }, ip: newClientIp() } as unknown as Context);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ email, roles: ['admin'] });
  });

  it('turns a wrong or expired code into a clear message and no cookie', async () => {
    const email = newEmail();
    fake.invite(email, ['advisor']);
    await post('code', { email });
    const reply = await post('verify', { email, code: '000000' === fake.codeSentTo(email) ? '111111' : '000000' });
    expect(reply.headers.get('location')).toBe(`/staff/entrar/codigo?correo=${encodeURIComponent(email)}&error=wrong_or_expired`);
    expect(reply.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an account without a staff role, and ends the session Supabase opened for it', async () => {
    const email = newEmail();
    fake.invite(email, []);
    const reply = await signInThroughFake(email);
    expect(reply.headers.get('location')).toBe(`/staff/entrar/codigo?correo=${encodeURIComponent(email)}&error=no_role`);
    expect(reply.headers.get('set-cookie')).toBeNull();
    const logout = fake.callsTo('logout').at(-1)!;
    expect(logout.query.get('scope')).toBe('local');
    const claims = JSON.parse(Buffer.from(String(logout.headers.authorization).split('.')[1], 'base64url').toString());
    expect(claims.email).toBe(email);
  });

  it('signs out: Supabase revokes the session, the cookie is cleared', async () => {
    const email = newEmail();
    fake.invite(email, ['communications']);
    const cookie = (await signInThroughFake(email)).headers.get('set-cookie')!.split(';')[0];
    const token = decodeURIComponent(cookie.split('=')[1]);
    const reply = await post('end', {}, { cookie });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('set-cookie')).toMatch(/^participa_staff=; .*Max-Age=0; Secure$/);
    const logout = fake.callsTo('logout').at(-1)!;
    expect(logout.headers.authorization).toBe(`Bearer ${token}`);
    expect(logout.query.get('scope')).toBe('local');
  });

  it('says the sign-in service is down when Supabase Auth does not answer', async () => {
    const saved = process.env.SUPABASE_URL;
    process.env.SUPABASE_URL = 'http://127.0.0.1:9'; // discard port: nothing listens
    try {
      const reply = await post('code', { email: newEmail() });
      expect(reply.headers.get('location')).toContain('error=unavailable');
    } finally {
      process.env.SUPABASE_URL = saved;
    }
  });
});
