import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { createEvent, registrationArgs } from '../tickets/fixture.ts';

export const newHolder = () => `titular-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.co`;

/** A ticket for an event a week ahead, registered as a citizen does. */
export async function ticketFor(email: string): Promise<{ code: string; eventId: number }> {
  const event = await createEvent();
  const result = await store.rpc<Result<{ code: string }>>('register_for_event', registrationArgs(event.slug, { p_email: email, p_full_name: 'Ana Titular', p_phone: '3005550000' }));
  if (!result.ok) throw new Error(result.error.code);
  return { code: result.value.code, eventId: event.id };
}

/** A question to the hearing taking questions in the seed, sent as a citizen does. */
export async function questionFrom(email: string): Promise<void> {
  const result = await store.rpc<Result<unknown>>('submit_hearing_question', {
    p_slug: 'audiencia-1',
    p_question: '¿Cuánto se invirtió en la boletería en línea este año?',
    p_full_name: 'Ana Titular',
    p_email: email,
    p_consent: true,
    p_client: `pregunta-${Math.random()}`,
  });
  if (!result.ok) throw new Error(result.error.code);
}

/** The link's token, as the e-mail carries it (the table keeps only its hash). */
export async function linkToken(email: string): Promise<string> {
  const [row] = await sql`
    select payload ->> 'token' as token from private.email_outbox
    where template = 'personal-data-link' and recipient = ${email} order by id desc limit 1`;
  if (!row) throw new Error(`no link e-mailed to ${email}`);
  return row.token;
}

export const outbox = (email: string, template: string) =>
  sql`select payload from private.email_outbox where recipient = ${email} and template = ${template} order by id`;

/** The legal due date computed here, independently: the n-th day after `from` that is neither a weekend nor a loaded holiday. */
export async function expectedDueOn(from: string, days: number): Promise<string> {
  const holidays = new Set((await sql`select day::text as day from private.public_holidays`).map((r) => r.day as string));
  const day = new Date(`${from}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !holidays.has(iso)) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

export const bogotaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
