import { describe, expect, it } from 'vitest';
import { renderEmail, TEMPLATES } from '../../src/lib/email/templates.ts';
import { sql, store } from '../support/db.ts';
import { newKey, postForm, postJson } from '../support/http.ts';
import { newInvitation } from './fixtures.ts';

const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@example.co`;
const outbox = (email: string) => sql`select template, payload from private.email_outbox where recipient = ${email} order by id`;

async function subscribe(email: string, extra: Record<string, unknown> = {}) {
  return postJson('/api/subscriptions', { email, fullName: 'Lucía Pérez Gómez', organisation: 'Veeduría Ciudadana del Norte', consent: true, ...extra });
}

/** Signs up and confirms through the e-mailed token, as a person does; returns the tokens. */
async function confirmed(email: string) {
  expect((await subscribe(email)).status).toBe(201);
  const [mail] = await outbox(email);
  const reply = await postJson('/api/subscriptions/confirm', { token: mail.payload.confirmToken });
  expect(reply.status, reply.text).toBe(200);
  return mail.payload as { confirmToken: string; unsubscribeToken: string };
}

describe('double opt-in sign-up for invitations', () => {
  it('signing up records the consent and a pending subscriber, and queues the confirmation e-mail with an unsubscribe link', async () => {
    const email = uniqueEmail('lucia');
    const reply = await subscribe(email.toUpperCase());
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toEqual({ status: 'pending' });

    const [row] = await sql`
      select s.status, s.full_name, c.text_version, c.subject_table from public.invitation_subscribers s
      join private.consents c on c.id = s.consent_id where s.email = ${email}`;
    expect(row).toEqual({ status: 'pending', full_name: 'Lucía Pérez Gómez', text_version: 'invitaciones-v1', subject_table: 'invitation_subscribers' });

    const mails = await outbox(email);
    expect(mails.map((m) => m.template)).toEqual(['subscription-confirm']);
    const rendered = await renderEmail(TEMPLATES, 'subscription-confirm', mails[0].payload);
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.rendered.text).toContain(`/participa/suscripcion/confirmar?token=${mails[0].payload.confirmToken}`);
    expect(rendered.rendered.text).toContain(`/participa/suscripcion/cancelar?token=${mails[0].payload.unsubscribeToken}`);
    expect(rendered.rendered.html).toContain('Cancelar la suscripción');
  });

  it('confirming marks the subscriber confirmed once (a second click is the same success) and sends the welcome', async () => {
    const email = uniqueEmail('confirma');
    const { confirmToken } = await confirmed(email);
    const again = await postJson('/api/subscriptions/confirm', { token: confirmToken });
    expect(again.status).toBe(200);
    const [row] = await sql`select status, confirmed_at from public.invitation_subscribers where email = ${email}`;
    expect(row.status).toBe('confirmed');
    expect((await outbox(email)).map((m) => m.template)).toEqual(['subscription-confirm', 'subscription-welcome']);
  });

  it('the same answer for an address already on the list: nobody learns who is subscribed, and no second row', async () => {
    const email = uniqueEmail('repetida');
    await confirmed(email);
    const again = await subscribe(email);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ status: 'pending' });
    expect(await sql`select 1 from public.invitation_subscribers where email = ${email}`).toHaveLength(1);
    expect((await outbox(email)).filter((m) => m.template === 'subscription-confirm')).toHaveLength(1);
  });

  it('unsubscribing stops the messages and erases name and organisation; the link works twice', async () => {
    const email = uniqueEmail('sale');
    const { unsubscribeToken } = await confirmed(email);
    const reply = await postJson('/api/subscriptions/unsubscribe', { token: unsubscribeToken });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ status: 'unsubscribed' });
    expect((await postJson('/api/subscriptions/unsubscribe', { token: unsubscribeToken })).status).toBe(200);
    const [row] = await sql`select status, full_name, organisation from public.invitation_subscribers where email = ${email}`;
    expect(row).toEqual({ status: 'unsubscribed', full_name: null, organisation: null });
  });

  it('unknown or malformed links answer 404 / 422, never 500', async () => {
    expect((await postJson('/api/subscriptions/confirm', { token: 'a'.repeat(64) })).status).toBe(404);
    expect((await postJson('/api/subscriptions/unsubscribe', { token: 'b'.repeat(64) })).status).toBe(404);
    const bad = await postJson('/api/subscriptions/confirm', { token: 'no' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.token).toMatch(/enlace/);
  });

  it('refuses a bad address, a missing consent, unknown fields and a filled honeypot (422), writing nothing', async () => {
    const email = uniqueEmail('mala');
    const reply = await postJson('/api/subscriptions', { email: 'no-es-correo', consent: false, color: 'azul' });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.error.fields)).toEqual(expect.arrayContaining(['email', 'consent', 'color']));
    const bot = await subscribe(email, { website: 'http://spam' });
    expect(bot.status).toBe(422);
    expect(bot.body.error.fields).toBeUndefined();
    expect(await sql`select 1 from public.invitation_subscribers where email = ${email}`).toHaveLength(0);
  });

  it('the no-JS form answers 303 to "check your e-mail", or back to the form naming the wrong fields (never their values)', async () => {
    const email = uniqueEmail('formulario');
    const ok = await postForm('/api/subscriptions', [['email', email], ['fullName', ''], ['organisation', ''], ['consent', 'true'], ['website', '']]);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/participa/suscribirse/revise-su-correo');
    const bad = await postForm('/api/subscriptions', [['email', 'correo-malo'], ['website', '']]);
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/participa/suscribirse?error=validation_failed&campos=email,consent');
  });

  it('an Idempotency-Key replay returns the first answer and queues one e-mail', async () => {
    const email = uniqueEmail('idem');
    const key = newKey();
    const body = { email, consent: true };
    const [first, second] = await Promise.all([
      postJson('/api/subscriptions', body, { headers: { 'Idempotency-Key': key } }),
      postJson('/api/subscriptions', body, { headers: { 'Idempotency-Key': key } }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await outbox(email)).toHaveLength(1);
  });

  it('the notices job e-mails each new invitation once to confirmed subscribers only, each with the unsubscribe link', async () => {
    const yes = uniqueEmail('recibe');
    const pending = uniqueEmail('pendiente');
    const { unsubscribeToken } = await confirmed(yes);
    expect((await subscribe(pending)).status).toBe(201);
    const left = uniqueEmail('salio');
    const gone = await confirmed(left);
    await postJson('/api/subscriptions/unsubscribe', { token: gone.unsubscribeToken });
    // Earlier invitations from other tests are news too; mark them sent so this run counts only its own.
    await sql`update public.invitations set notified_at = now() where notified_at is null`;
    const { slug } = await newInvitation({ title: 'Participe en el taller de prueba' });

    const first = await store.rpc<{ invitations: number; messages: number }>('send_invitation_notices', {}, { kind: 'service' });
    expect(first.invitations).toBe(1);
    expect((await store.rpc<{ invitations: number }>('send_invitation_notices', {}, { kind: 'service' })).invitations).toBe(0);

    const notices = (await outbox(yes)).filter((m) => m.template === 'invitation-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0].payload.invitation.slug).toBe(slug);
    const rendered = await renderEmail(TEMPLATES, 'invitation-notice', notices[0].payload);
    expect(rendered.ok && rendered.rendered.text).toContain(`/participa/suscripcion/cancelar?token=${unsubscribeToken}`);
    expect(rendered.ok && rendered.rendered.subject).toBe('Invitación: Participe en el taller de prueba');
    expect((await outbox(pending)).filter((m) => m.template === 'invitation-notice')).toHaveLength(0);
    expect((await outbox(left)).filter((m) => m.template === 'invitation-notice')).toHaveLength(0);
  });

  it('the job forgets sign-ups left unconfirmed for 30 days, with their consent; confirmed ones stay', async () => {
    const stale = uniqueEmail('olvidada');
    const kept = uniqueEmail('confirmada');
    expect((await subscribe(stale)).status).toBe(201);
    await confirmed(kept);
    await sql`update public.invitation_subscribers set created_at = now() - interval '31 days' where email in (${stale}, ${kept})`;
    const [{ consent_id }] = await sql`select consent_id from public.invitation_subscribers where email = ${stale}`;
    const result = await store.rpc<{ forgotten: number }>('send_invitation_notices', {}, { kind: 'service' });
    expect(result.forgotten).toBeGreaterThanOrEqual(1);
    expect(await sql`select 1 from public.invitation_subscribers where email = ${stale}`).toHaveLength(0);
    expect(await sql`select 1 from private.consents where id = ${consent_id}`).toHaveLength(0);
    expect(await sql`select 1 from public.invitation_subscribers where email = ${kept}`).toHaveLength(1);
  });

  it('the notices job is the service role\'s: anon and staff cannot run it', async () => {
    await expect(store.rpc('send_invitation_notices', {}, { kind: 'anon' })).rejects.toThrow(/permission denied/);
  });
});

describe('sign-up rate limit', () => {
  it('a sixth sign-up from one client within ten minutes is refused (429 with Retry-After), others are not', async () => {
    const ip = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postJson('/api/subscriptions', { email: uniqueEmail(`limite${i}`), consent: true }, { ip })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await postJson('/api/subscriptions', { email: uniqueEmail('limite'), consent: true }, { ip });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
    expect((await postJson('/api/subscriptions', { email: uniqueEmail('otro'), consent: true })).status).toBe(201);
  });
});
