import { describe, expect, it } from 'vitest';
import { sql, uniqueSlug } from '../support/db.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { newClientIp, postForm, postJson, request } from '../support/http.ts';
import { lastCodeFor, mailboxFor } from '../support/staff.ts';

// The local issuer end to end on the served build: roster and hashed codes in Postgres, the code read
// from the local mailbox (DATA_DIR/correo-local.jsonl) as a person running the portal would.

async function rosterMember(roles = ['communications']): Promise<string> {
  const email = `${uniqueSlug('personal')}@agencia.gov.co`;
  await sql`insert into private.staff_roster (email, roles) values (${email}, ${roles})`;
  return email;
}

const askCode = (email: string, ip = newClientIp()) => postForm('/api/staff/session/code', [['email', email]], { ip });
const enterCode = (email: string, code: string, ip = newClientIp()) => postForm('/api/staff/session/verify', [['email', email], ['code', code]], { ip });
const codePage = (email: string) => `/staff/entrar/codigo?${new URLSearchParams({ correo: email })}`;
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('staff sign-in with a code (local issuer)', () => {
  it('sends a code to a staff member, exchanges it for the session cookie and lands on /staff', async () => {
    const email = await rosterMember(['communications', 'interviewer']);
    const asked = await askCode(email.toUpperCase());
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(codePage(email));
    const [message] = await mailboxFor(email);
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.text).toContain(message.code);
    expect(message.link).toBe(`${PARTICIPA_URL}${codePage(email)}&codigo=${message.code}`);

    const signedIn = await enterCode(email, ` ${message.code.slice(0, 3)} ${message.code.slice(3)} `);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/staff');
    const cookie = signedIn.headers.get('set-cookie')!;
    // Local sessions last a working day; no Secure flag on plain http (the test server).
    expect(cookie).toMatch(/^participa_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(Number(cookie.match(/Max-Age=(\d+)/)![1])).toBeGreaterThan(8 * 3600 - 60);
    const staffPage = await request('/staff', { headers: { cookie: cookie.split(';')[0] } });
    expect(staffPage.status).toBe(200);
    expect(staffPage.text).toContain(email);
    expect(staffPage.text).toContain('comunicaciones, encuestas telefónicas');
  });

  it('answers the same for an address that is not staff, and delivers nothing', async () => {
    const staff = await rosterMember();
    const stranger = `${uniqueSlug('nadie')}@example.com`;
    const [forStaff, forStranger] = await Promise.all([postJson('/api/staff/session/code', { email: staff }), postJson('/api/staff/session/code', { email: stranger })]);
    expect(forStranger.status).toBe(202);
    expect(forStranger.body).toEqual(forStaff.body);
    expect(await mailboxFor(stranger)).toEqual([]);
    // A guess at the stranger's code reads exactly like a wrong guess at a staff member's.
    const guess = await enterCode(stranger, '123456');
    expect(guess.headers.get('location')).toBe(`${codePage(stranger)}&error=wrong_code`);
    expect(guess.headers.get('set-cookie')).toBeNull();
  });

  it('stores only a keyed hash of the code, in a table no API role can read', async () => {
    const email = await rosterMember();
    await askCode(email);
    const code = await lastCodeFor(email);
    const [row] = await sql`select code_hash, attempts from private.staff_sign_in_codes where email = ${email}`;
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.code_hash).not.toContain(code);
    const [table] = await sql`select relrowsecurity from pg_class where oid = 'private.staff_sign_in_codes'::regclass`;
    expect(table.relrowsecurity).toBe(true);
    const denied = await sql
      .begin(async (tx) => {
        await tx`set local role anon`;
        return tx`select * from private.staff_sign_in_codes`;
      })
      .catch((error: Error) => error.message);
    expect(denied).toMatch(/permission denied/);
    // A hash written straight through the function by someone without the server's secret never matches.
    const forged = await sql.begin(async (tx) => {
      await tx`set local role anon`;
      await tx`select public.staff_sign_in_issue(${email}, ${'0'.repeat(64)})`;
      return tx`select public.staff_sign_in_verify(${email}, ${'0'.repeat(64)}) as result`;
    });
    expect(forged[0].result).toEqual({ ok: true, value: { email, roles: ['communications'] } });
    // …and it still gives no session: only the server signs tokens, and it hashes what people type.
    expect((await enterCode(email, code)).headers.get('location')).toContain('error=expired');
  });

  it('hands out no codes on a Supabase database, where Supabase Auth does', async () => {
    const email = await rosterMember();
    const answers = await sql
      .begin(async (tx) => {
        await tx`create table auth.users (id uuid primary key)`;
        await tx`set local role anon`;
        const [issued] = await tx`select public.staff_sign_in_issue(${email}, ${'0'.repeat(64)}) as result`;
        const [verified] = await tx`select public.staff_sign_in_verify(${email}, ${'0'.repeat(64)}) as result`;
        throw Object.assign(new Error('roll back'), { answers: [issued.result, verified.result] });
      })
      .catch((error: { answers?: unknown[] }) => error.answers);
    expect(answers).toEqual([
      { ok: false, error: { code: 'not_found', message: 'En este sitio el acceso va por Supabase Auth.' } },
      { ok: false, error: { code: 'not_found', message: 'En este sitio el acceso va por Supabase Auth.' } },
    ]);
  });

  it('spends a code once, and says so', async () => {
    const email = await rosterMember();
    await askCode(email);
    const code = await lastCodeFor(email);
    expect((await enterCode(email, code)).headers.get('location')).toBe('/staff');
    const again = await enterCode(email, code);
    expect(again.headers.get('location')).toBe(`${codePage(email)}&error=expired`);
    const page = await request(again.headers.get('location')!);
    expect(page.text).toContain('El código venció o ya se usó. Pida uno nuevo.');
  });

  it('refuses a wrong code with a clear message, and kills the code after 5 tries', async () => {
    const email = await rosterMember();
    await askCode(email);
    const code = await lastCodeFor(email);
    const wrong = await postJson('/api/staff/session/verify', { email, code: wrongCode(code) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'unauthorized', fields: { code: expect.stringContaining('El código no es correcto') } });
    for (let i = 0; i < 4; i++) await enterCode(email, wrongCode(code));
    const right = await enterCode(email, code);
    expect(right.headers.get('location')).toBe(`${codePage(email)}&error=too_many_attempts`);
    expect(right.headers.get('set-cookie')).toBeNull();
    // A new code works again.
    await askCode(email);
    expect((await enterCode(email, await lastCodeFor(email))).headers.get('location')).toBe('/staff');
  });

  it('refuses an expired code', async () => {
    const email = await rosterMember();
    await askCode(email);
    await sql`update private.staff_sign_in_codes set expires_at = now() - interval '1 second' where email = ${email}`;
    const late = await postJson('/api/staff/session/verify', { email, code: await lastCodeFor(email) });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toBe('El código venció o ya se usó. Pida uno nuevo.');
  });

  it('replaces the previous code when a new one is asked for', async () => {
    const email = await rosterMember();
    await askCode(email);
    const first = await lastCodeFor(email);
    await askCode(email);
    const second = await lastCodeFor(email);
    if (first !== second) expect((await enterCode(email, first)).headers.get('location')).toContain('error=wrong_code');
    expect((await enterCode(email, second)).headers.get('location')).toBe('/staff');
  });

  it('refuses someone taken off the roster after the code was sent', async () => {
    const email = await rosterMember();
    await askCode(email);
    await sql`delete from private.staff_roster where email = ${email}`;
    const refused = await postJson('/api/staff/session/verify', { email, code: await lastCodeFor(email) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('no tiene un rol del personal');
  });

  it('answers the JSON API with the session and the contract errors', async () => {
    const email = await rosterMember(['admin']);
    expect((await postJson('/api/staff/session/code', { email: 'no es un correo' })).body.error).toMatchObject({ code: 'validation_failed', fields: { email: expect.any(String) } });
    expect((await postJson('/api/staff/session/code', { email, extra: 1 })).status).toBe(422);
    await postJson('/api/staff/session/code', { email });
    const badShape = await postJson('/api/staff/session/verify', { email, code: '12ab56' });
    expect(badShape.status).toBe(422);
    expect(badShape.body.error.fields.code).toContain('6 dígitos');
    const signedIn = await postJson('/api/staff/session/verify', { email, code: await lastCodeFor(email) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ email, roles: ['admin'] });
    expect(Date.parse(signedIn.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(signedIn.headers.get('set-cookie')).toContain('HttpOnly');
    const form = await postForm('/api/staff/session/code', [['email', 'sin-arroba']]);
    expect(form.headers.get('location')).toBe('/staff/entrar?error=invalid_email&correo=sin-arroba');
  });

  it('limits codes per e-mail and per address, with Retry-After', async () => {
    const email = await rosterMember();
    for (let i = 0; i < 5; i++) expect((await postJson('/api/staff/session/code', { email }, { ip: newClientIp() })).status).toBe(202);
    const limited = await postJson('/api/staff/session/code', { email }, { ip: newClientIp() });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await askCode(email)).headers.get('location')).toBe(`/staff/entrar?error=rate_limited&correo=${encodeURIComponent(email)}`);

    const ip = newClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await postJson('/api/staff/session/code', { email: `${uniqueSlug('x')}@example.com` }, { ip })).status);
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses sign-in and sign-out posted from another site', async () => {
    const email = await rosterMember();
    const evil = { origin: 'https://evil.example' };
    expect((await postForm('/api/staff/session/code', [['email', email]], { headers: evil })).status).toBe(403);
    expect((await postForm('/api/staff/session/verify', [['email', email], ['code', '123456']], { headers: evil })).status).toBe(403);
    expect((await postForm('/api/staff/session/end', [], { headers: evil })).status).toBe(403);
    expect((await postForm('/api/staff/session/nope', [])).status).toBe(404);
  });

  it('signs out: the cookie is cleared and the page says so', async () => {
    const email = await rosterMember();
    await askCode(email);
    const cookie = (await enterCode(email, await lastCodeFor(email))).headers.get('set-cookie')!.split(';')[0];
    const out = await postForm('/api/staff/session/end', [], { headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/staff/entrar?sesion=cerrada');
    expect(out.headers.get('set-cookie')).toMatch(/^participa_staff=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect((await request('/staff/entrar?sesion=cerrada')).text).toContain('Cerró la sesión');
  });

  it('shows the code step with the code from the e-mail link filled in, and sends a bare visit back to step 1', async () => {
    const email = await rosterMember();
    const page = await request(`${codePage(email)}&codigo=123456`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.text).toContain('Confirme su acceso');
    expect(page.text).toMatch(/name="code"[^>]*value="123456"|value="123456"[^>]*name="code"/);
    const bare = await request('/staff/entrar/codigo');
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe('/staff/entrar');
  });
});
