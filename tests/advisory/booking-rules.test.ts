import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { bookingArgs, createAdvisor, createSlots, holders } from './fixture.ts';

type Issued = Result<{ code: string; secret: string }>;
const book = (args: Record<string, unknown>) => store.rpc<Issued>('book_advisory_slot', args);
const issued = async (args: Record<string, unknown>) => {
  const r = await book(args);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('booking rules (SQL, as anon)', () => {
  it('refuses a slot inside the 24-hour notice or beyond the 30-day horizon with 422 on slotId, writing nothing', async () => {
    const advisor = await createAdvisor();
    const [soon] = await createSlots(advisor.id, 1, 23);
    const [far] = await createSlots(advisor.id, 1, 31 * 24);
    const early = await book(bookingArgs(soon));
    const late = await book(bookingArgs(far));
    expect(early).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { slotId: expect.stringContaining('24 horas') } } });
    expect(late).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { slotId: expect.stringContaining('30 días') } } });
    expect([...(await holders([soon, far])).values()].every((h) => h.bookingId === null)).toBe(true);
  });

  it('allows one future booking per document and topic: 409 duplicate on the same topic, another topic is fine', async () => {
    const advisor = await createAdvisor({ topics: ['plan_de_negocio', 'mercadeo'] });
    const [a, b, c] = await createSlots(advisor.id, 3);
    const digits = String(Math.floor(1e9 + Math.random() * 8e9));
    const document = `${digits.slice(0, 1)}.${digits.slice(1, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
    await issued(bookingArgs(a, { p_document_id: document }));
    const again = await book({ ...bookingArgs(b), p_document_id: digits });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate', fields: { documentId: expect.any(String) } } });
    expect((await book({ ...bookingArgs(c), p_document_id: digits, p_area: 'mercadeo' })).ok).toBe(true);
  });

  it('lets the same document book again once its booking is cancelled', async () => {
    const advisor = await createAdvisor();
    const [a, b] = await createSlots(advisor.id, 2);
    const args = bookingArgs(a);
    const first = await issued(args);
    expect((await store.rpc<Result<unknown>>('cancel_advisory_booking', { p_code: first.code, p_secret: first.secret })).ok).toBe(true);
    expect((await book({ ...bookingArgs(b), p_document_id: args.p_document_id })).ok).toBe(true);
  });

  it('cancelling frees the slot at once; a second cancel is closed; a wrong secret is not_found', async () => {
    const advisor = await createAdvisor();
    const [slot] = await createSlots(advisor.id, 1);
    const booking = await issued(bookingArgs(slot));
    const wrong = await store.rpc<Result<unknown>>('cancel_advisory_booking', { p_code: booking.code, p_secret: 'f'.repeat(64) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await store.rpc('cancel_advisory_booking', { p_code: booking.code, p_secret: booking.secret })).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect((await holders([slot])).get(slot)).toEqual({ bookingId: null, active: 0 });
    expect(await store.rpc('cancel_advisory_booking', { p_code: booking.code, p_secret: booking.secret })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect((await book(bookingArgs(slot))).ok).toBe(true);
  });

  it('rescheduling moves the booking and frees the old slot; into a taken slot it changes nothing', async () => {
    const advisor = await createAdvisor();
    const [from, to, taken] = await createSlots(advisor.id, 3);
    const booking = await issued(bookingArgs(from));
    await issued(bookingArgs(taken));
    const refused = await store.rpc<Result<unknown>>('reschedule_advisory_booking', { p_code: booking.code, p_secret: booking.secret, p_slot_id: taken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'slot_taken' } });
    expect((await holders([from])).get(from)?.active).toBe(1);
    const moved = await store.rpc<Result<{ startsAt: string }>>('reschedule_advisory_booking', { p_code: booking.code, p_secret: booking.secret, p_slot_id: to });
    expect(moved.ok).toBe(true);
    const held = await holders([from, to]);
    expect(held.get(from)).toEqual({ bookingId: null, active: 0 });
    expect(held.get(to)?.active).toBe(1);
    const [mail] = await sql`select template, payload ->> 'startsAt' as starts from private.email_outbox where dedupe_key like ${`advisory-rescheduled:${booking.code}:%`}`;
    expect(mail.template).toBe('advisory-rescheduled');
    expect(moved.ok && mail.starts).toBe(moved.ok ? moved.value.startsAt : null);
  });

  it('refuses a slot of an advisor who does not cover the topic, a withdrawn slot and a missing one as not_found', async () => {
    const advisor = await createAdvisor({ topics: ['mercadeo'] });
    const [slot, withdrawn] = await createSlots(advisor.id, 2);
    await sql`update public.advisory_slots set status = 'withdrawn' where id = ${withdrawn}`;
    for (const args of [bookingArgs(slot), bookingArgs(withdrawn, { p_area: 'mercadeo' }), bookingArgs('00000000-0000-4000-8000-000000000000')]) {
      expect(await book(args)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('checks every personal field and the consent in SQL too, with the contract field names', async () => {
    const advisor = await createAdvisor();
    const [slot] = await createSlots(advisor.id, 1);
    const r = await book(bookingArgs(slot, { p_full_name: 'A', p_document_id: '1', p_email: 'x', p_phone: '12', p_stage: 'grande', p_need: '', p_consent: false }));
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.error.fields ?? {}).sort()).toEqual(['consent', 'documentId', 'email', 'fullName', 'phone', 'stage', 'topic']);
    expect((await holders([slot])).get(slot)?.bookingId).toBeNull();
  });

  it('replays an idempotent booking without writing twice', async () => {
    const advisor = await createAdvisor();
    const [slot] = await createSlots(advisor.id, 1);
    const args = bookingArgs(slot, { p_idempotency_key: crypto.randomUUID(), p_request_hash: 'h1' });
    const [a, b] = await Promise.all([book(args), book(args)]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true, value: a.ok ? a.value : null });
  });
});
