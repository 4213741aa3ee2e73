import { ANON } from '../../src/lib/db/store.ts';
import { bookingArgs, createAdvisor, createSlots } from '../advisory/fixture.ts';
import { sql, store } from '../support/db.ts';

/** A time later today in Colombia (tests run well before Bogotá's midnight, or just after it). */
export function laterTodayInBogota(): string {
  const now = Date.now();
  const bogotaMidnight = Date.parse(`${new Date(now - 5 * 3_600_000).toISOString().slice(0, 10)}T05:00:00Z`) + 86_400_000;
  return new Date(Math.min(now + 3_600_000, bogotaMidnight - 120_000)).toISOString();
}

/**
 * An advisor of their own with one booking tomorrow: bookings open 24 hours ahead, and 25 hours from now
 * is tomorrow in Bogotá (unless run after 23:00 there).
 */
export async function advisorBookedTomorrow(email?: string): Promise<{ email: string; code: string }> {
  const advisor = await createAdvisor(email ? { email } : {});
  const [slot] = await createSlots(advisor.id, 1, 25);
  const booked = await store.rpc<{ ok: true; value: { code: string } }>('book_advisory_slot', bookingArgs(slot), ANON);
  if (!booked.ok) throw new Error(`booking failed: ${JSON.stringify(booked)}`);
  return { email: advisor.email, code: booked.value.code };
}

/** A message that failed for good, as the sender leaves one after its last attempt. */
export async function failedEmail(payload: Record<string, string> = { code: 'ABCD-1234' }, recipient = 'reintento@example.co'): Promise<number> {
  const [row] = await sql`
    insert into private.email_outbox (template, recipient, payload, status, attempts, last_error)
    values ('ticket', ${recipient}, ${sql.json(payload)}, 'failed', 8, 'El servidor rechazó el destinatario') returning id`;
  return Number(row.id);
}
