import { describe, expect, it } from 'vitest';
import { renderEmail, TEMPLATES } from '../../src/lib/email/templates.ts';
import { SERVICE } from '../../src/lib/db/store.ts';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { bookingArgs, createAdvisor, createSlots, pastBooking } from './fixture.ts';

/** Every message queued for one recipient, rendered from its real outbox payload. */
async function rendered(recipient: string) {
  const rows = await sql`select template, payload from private.email_outbox where recipient = ${recipient} order by id`;
  return Promise.all(rows.map(async (r) => ({ template: r.template as string, out: await renderEmail(TEMPLATES, r.template, r.payload) })));
}

describe('advisory e-mails, from the payloads the SQL functions write', () => {
  it('booked, rescheduled (both with the .ics and the secret links), reminder and cancelled', async () => {
    const advisor = await createAdvisor({ mode: 'online' });
    const [a, b] = await createSlots(advisor.id, 2, 30);
    const args = bookingArgs(a);
    const booked = await store.rpc<Result<{ code: string; secret: string }>>('book_advisory_slot', args);
    if (!booked.ok) throw new Error(booked.error.code);
    const { code, secret } = booked.value;
    await store.rpc('reschedule_advisory_booking', { p_code: code, p_secret: secret, p_slot_id: b });
    await sql`update public.advisory_bookings set starts_at = now() + interval '2 hours' where code = ${code}`;
    await store.rpc('advisory_daily_work', {}, SERVICE);
    await sql`update public.advisory_bookings set starts_at = now() + interval '30 hours' where code = ${code}`;
    await store.rpc('cancel_advisory_booking', { p_code: code, p_secret: secret });

    const messages = await rendered(args.p_email);
    expect(messages.map((m) => m.template)).toEqual(['advisory-booked', 'advisory-rescheduled', 'advisory-reminder', 'advisory-cancelled']);
    for (const { template, out } of messages) {
      expect(out.ok, template).toBe(true);
      if (!out.ok) continue;
      expect(out.rendered.text).toContain(code);
      expect(out.rendered.text).toContain('https://meet.example.co/prueba');
    }
    const [first, moved, reminder, cancelled] = messages.map((m) => (m.out.ok ? m.out.rendered : null)!);
    for (const mail of [first, moved]) {
      expect(mail.text).toContain(`/servicios/asesorias/reserva/${code}/cambiar?clave=${secret}`);
      expect(mail.attachments?.[0]).toMatchObject({ filename: `asesoria-${code}.ics`, contentType: 'text/calendar' });
      expect(String(mail.attachments?.[0].content)).toContain(`UID:asesoria-${code}@participa`);
    }
    expect(reminder.text).not.toContain('clave=');
    expect(reminder.text).toContain('correo de confirmación');
    expect(cancelled.attachments).toBeUndefined();
    expect(cancelled.subject).toBe(`Su asesoría fue cancelada: ${code}`);
  });
});

describe('the satisfaction survey invitation', () => {
  it('renders from the payload the advice record queues, linking the seeded survey', async () => {
    const advisor = await createAdvisor();
    const email = `encuesta-${Date.now()}@example.co`;
    const { code } = await pastBooking(advisor.id, email);
    const staff = { kind: 'staff', token: '', claims: { sub: 'mail-admin', app_metadata: { roles: ['admin'] } } } as const;
    const saved = await store.rpc<Result<unknown>>('staff_record_advisory_session', { p_code: code, p_record: { attendance: 'attended', topicsCovered: ['mercadeo'], nextSteps: 'Probar la tienda en línea.' } }, staff);
    expect(saved.ok).toBe(true);
    const [message] = await rendered(email);
    expect(message.template).toBe('advisory-survey');
    expect(message.out.ok && message.out.rendered.text).toContain('/encuestas/satisfaccion-asesorias');
  });
});
