import { describe, expect, it } from 'vitest';
import { SERVICE } from '../../src/lib/db/store.ts';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { bookingArgs, createAdvisor, createSlots } from './fixture.ts';

describe('the advisory job (reminders and rolling slots)', () => {
  it('queues one reminder per booking starting within 24 hours, none for later ones, and is refused to anon', async () => {
    const advisor = await createAdvisor();
    const [soon, later] = await createSlots(advisor.id, 2, 25);
    const booked = await Promise.all([soon, later].map((s) => store.rpc<Result<{ code: string }>>('book_advisory_slot', bookingArgs(s))));
    const codes = booked.map((b) => (b.ok ? b.value.code : ''));
    // The first session moves to 20 hours from now, as if the day had passed.
    await sql`update public.advisory_bookings set starts_at = now() + interval '20 hours', ends_at = now() + interval '20 hours 45 minutes' where code = ${codes[0]}`;
    const first = await store.rpc<{ reminded: number }>('advisory_daily_work', {}, SERVICE);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await store.rpc('advisory_daily_work', {}, SERVICE);
    const reminders = await sql`select dedupe_key from private.email_outbox where template = 'advisory-reminder' and (dedupe_key like ${`%${codes[0]}%`} or dedupe_key like ${`%${codes[1]}%`})`;
    expect(reminders.map((r) => r.dedupe_key.split(':')[1])).toEqual([codes[0]]);
    await expect(store.rpc('advisory_daily_work', {})).rejects.toThrow();
  });
});
