import { describe, expect, it } from 'vitest';
import { SERVICE } from '../../src/lib/db/store.ts';
import type { Result } from '../../src/lib/result.ts';
import type { TicketFigures } from '../../src/lib/tickets/staff/schemas.ts';
import { sql, store } from '../support/db.ts';
import { createSurvey } from '../support/surveys.ts';
import { createAdvisor, pastBooking } from '../advisory/fixture.ts';
import { createEvent, registrationArgs } from '../tickets/fixture.ts';

type Ticket = { code: string; quantity: number; cancelSecret: string };
type Counts = Record<string, number>;

const runRetention = async () => {
  const result = await store.rpc<Result<Counts>>('apply_personal_data_retention', {}, SERVICE);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
};

const figuresOf = async (slug: string) =>
  (await store.rpc<TicketFigures>('get_ticket_figures')).events.find((e) => e.slug === slug);

/** Registrations and a place in line for an event, which then moves `daysAgo` into the past, as time would. */
async function pastEvent(daysAgo: number) {
  const event = await createEvent({ capacity: 2, maxPerRegistration: 2 });
  const tickets: Ticket[] = [];
  for (const quantity of [1, 1]) {
    const r = await store.rpc<Result<Ticket>>('register_for_event', registrationArgs(event.slug, { p_full_name: 'Ana Asistente', p_phone: '3005550000', p_quantity: quantity }));
    if (!r.ok) throw new Error(r.error.code);
    tickets.push(r.value);
  }
  const email = `espera-${event.slug}@example.co`;
  const joined = await store.rpc<Result<unknown>>('join_waitlist', { p_slug: event.slug, p_full_name: 'Persona en Espera', p_email: email, p_quantity: 1, p_consent: true, p_client: email });
  if (!joined.ok) throw new Error(joined.error.code);
  await sql`update public.event_registrations set checked_in_at = now(), checked_in_by = 'taquilla@agencia.gov.co' where code = ${tickets[0].code}`;
  await sql`
    update public.events
       set opens_at = now() - make_interval(days => ${daysAgo + 20}), closes_at = now() - make_interval(days => ${daysAgo}),
           starts_at = now() - make_interval(days => ${daysAgo})
     where id = ${event.id}`;
  return { event, tickets, email };
}

describe('retention of personal data (Ley 1581, art. 4 b): the daily job', () => {
  it("suppresses who held the tickets and waited in line for an event past its period; the event's figures stay the same", async () => {
    const [rule] = await sql`select extract(day from retention)::int as days from private.retention_rules where dataset = 'ticket_registrations'`;
    const old = await pastEvent(rule.days + 1);
    const recent = await pastEvent(rule.days - 1);
    const before = await figuresOf(old.event.slug);
    expect(before).toMatchObject({ registrations: 2, seatsTaken: 2, checkedIn: 1, waitlistJoined: 1 });

    const counts = await runRetention();
    expect(counts.ticket_registrations).toBeGreaterThanOrEqual(2);
    expect(counts.waitlist_entries).toBeGreaterThanOrEqual(1);

    const rows = await sql`select full_name, document_id, email, phone, quantity, status, checked_in_at, suppressed_at from public.event_registrations where event_id = ${old.event.id}`;
    for (const row of rows) {
      expect(row).toMatchObject({ full_name: 'Titular suprimido', phone: null, quantity: 1, status: 'active' });
      expect(row.email).toMatch(/@suprimido\.invalid$/);
      expect(row.document_id).toMatch(/^S[0-9A-F]{12}$/);
      expect(row.suppressed_at).not.toBeNull();
    }
    expect(rows.filter((r) => r.checked_in_at !== null)).toHaveLength(1);
    const [waiting] = await sql`select full_name, email from public.event_waitlist_entries where event_id = ${old.event.id}`;
    expect(waiting.full_name).toBe('Titular suprimido');
    expect(waiting.email).not.toBe(old.email);
    expect(await figuresOf(old.event.slug)).toEqual(before);

    // Inside its period, an event's people are still who they were.
    const kept = await sql`select full_name, phone from public.event_registrations where event_id = ${recent.event.id}`;
    expect(kept.map((r) => r.full_name)).toEqual(['Ana Asistente', 'Ana Asistente']);
    expect(kept.map((r) => r.phone)).toEqual(['3005550000', '3005550000']);
  });

  it('is idempotent: a second run changes nothing, and reports every dataset it applies', async () => {
    await pastEvent(400);
    const first = await runRetention();
    const second = await runRetention();
    const datasets = await sql`select dataset from private.retention_rules where applied_by = 'personal-data-retention' order by dataset`;
    expect(Object.keys(first).sort()).toEqual(datasets.map((r) => r.dataset));
    expect(Object.values(second).every((n) => n === 0), JSON.stringify(second)).toBe(true);
  });

  it('forgets who asked a hearing question once its answer is past the period; the question and answer stay', async () => {
    const [rule] = await sql`select extract(day from retention)::int as days from private.retention_rules where dataset = 'hearing_askers'`;
    const [hearing] = await sql`select id from public.hearings order by id limit 1`;
    const [consent] = await sql`
      insert into private.consents (subject_table, subject_id, text_version, purpose, channel)
      values ('hearing_questions', gen_random_uuid(), 'audiencias-v1', 'prueba', 'web') returning id`;
    // Numbered from the hearing's kept count, as the public function does: questions citizens send to the
    // same hearing meanwhile (other tests) must not collide with these.
    const insert = (answeredDaysAgo: number | null) => sql`
      with counted as (update public.hearings set question_count = question_count + 1 where id = ${hearing.id} returning question_count)
      insert into public.hearing_questions (hearing_id, number, body, full_name, email, consent_id, status, received_at, due_on, answer, answer_mode, answered_at)
      select ${hearing.id}, counted.question_count,
             '¿Cuándo publican el informe de gestión?', 'Quien Pregunta', ${`pregunta-${Math.random().toString(36).slice(2)}@example.co`}, ${consent.id},
             ${answeredDaysAgo === null ? 'received' : 'published'}, now() - interval '100 days', current_date,
             ${answeredDaysAgo === null ? null : 'En marzo, en la página de la audiencia.'}, ${answeredDaysAgo === null ? null : 'written'},
             ${answeredDaysAgo === null ? null : sql`now() - make_interval(days => ${answeredDaysAgo})`}
        from counted
      returning id`;
    const [answered] = await insert(rule.days + 1);
    const [waiting] = await insert(null);

    await runRetention();

    const [gone] = await sql`select email, full_name, body, answer, forgotten_at from public.hearing_questions where id = ${answered.id}`;
    expect(gone).toMatchObject({ email: null, full_name: null, answer: 'En marzo, en la página de la audiencia.' });
    expect(gone.forgotten_at).not.toBeNull();
    const [still] = await sql`select email from public.hearing_questions where id = ${waiting.id}`;
    expect(still.email).toMatch(/@example\.co$/);
  });

  it('erases who booked an advisory session past its period; the session, its advice record and the figures stay', async () => {
    const [rule] = await sql`select extract(day from retention)::int as days from private.retention_rules where dataset = 'advisory_bookings'`;
    const advisor = await createAdvisor();
    const email = `emprende-${Math.random().toString(36).slice(2)}@example.co`;
    const { code } = await pastBooking(advisor.id, email, { fullName: 'Marta Emprende', need: 'Quiero vender mis arepas en línea' });
    const [booking] = await sql`
      update public.advisory_bookings
         set starts_at = starts_at - make_interval(days => ${rule.days + 1}), ends_at = ends_at - make_interval(days => ${rule.days + 1})
       where code = ${code} returning id`;
    await sql`insert into public.advisory_records (booking_id, attendance, topics_covered, next_steps) values (${booking.id}, 'attended', '{plan_de_negocio}', 'Costear el producto')`;
    const before = await store.rpc('get_advisory_figures');

    await runRetention();

    const [row] = await sql`select full_name, document_id, email, phone, business_name, need, area, stage, status, suppressed_at from public.advisory_bookings where id = ${booking.id}`;
    expect(row).toMatchObject({ full_name: 'Titular suprimido', phone: '0000000', business_name: null, need: '[suprimido]', area: 'plan_de_negocio', stage: 'idea', status: 'booked' });
    expect(row.email).toMatch(/@suprimido\.invalid$/);
    expect(row.suppressed_at).not.toBeNull();
    const [record] = await sql`select attendance, topics_covered, next_steps from public.advisory_records where booking_id = ${booking.id}`;
    expect(record).toEqual({ attendance: 'attended', topics_covered: ['plan_de_negocio'], next_steps: 'Costear el producto' });
    expect(await store.rpc('get_advisory_figures')).toEqual(before);
  });

  it('purges the name and number of a call-list contact once its calls are over and the period has passed', async () => {
    const [rule] = await sql`select extract(day from retention)::int as days from private.retention_rules where dataset = 'phone_contacts'`;
    // A call list of its own: the seeded telephone survey's figures are compared elsewhere (tests/db/embedded).
    const [survey] = await sql`select id from public.surveys where slug = ${await createSurvey()}`;
    const contact = (status: string, importedDaysAgo: number) => sql`
      insert into public.phone_contacts (survey_id, source_line, full_name, phone, service_used, consent_basis, consented_on, status, next_call_at, imported_at)
      values (${survey.id}, 2, 'Luis Llamado', ${`+573${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`}, 'Asesorías', 'autorizacion_previa', current_date - 60,
              ${status}, ${status === 'pending' ? sql`now()` : null}, now() - make_interval(days => ${importedDaysAgo}))
      returning id`;
    const [done] = await contact('completed', rule.days + 1);
    const [queued] = await contact('pending', rule.days + 1);

    await runRetention();

    const rows = await sql`select id, full_name, phone, status, purged_at from public.phone_contacts where id in (${done.id}, ${queued.id}) order by id`;
    expect(rows[0]).toMatchObject({ full_name: null, phone: null, status: 'completed' });
    expect(rows[1]).toMatchObject({ full_name: 'Luis Llamado', status: 'pending', purged_at: null });
  });

  it('erases the address of a message sent longer ago than its period; that it was sent, and when, stays', async () => {
    const [rule] = await sql`select extract(day from retention)::int as days from private.retention_rules where dataset = 'sent_emails'`;
    const email = `correo-${Math.random().toString(36).slice(2)}@example.co`;
    const sent = (daysAgo: number) => sql`
      insert into private.email_outbox (template, recipient, status, created_at, sent_at)
      values ('ticket', ${email}, 'sent', now() - make_interval(days => ${daysAgo}), now() - make_interval(days => ${daysAgo}))
      returning id`;
    const [old] = await sent(rule.days + 1);
    const [recent] = await sent(1);

    await runRetention();

    const rows = await sql`select id, recipient, template, sent_at from private.email_outbox where id in (${old.id}, ${recent.id}) order by id`;
    expect(rows[0].recipient).toMatch(/@suprimido\.invalid$/);
    expect(rows[0]).toMatchObject({ template: 'ticket' });
    expect(rows[0].sent_at).not.toBeNull();
    expect(rows[1].recipient).toBe(email);
  });

  it("erases address, message and answer of a habeas-data request answered longer ago than its period; the radicado and its dates stay", async () => {
    const [rule] = await sql`select extract(day from retention)::int as days, basis from private.retention_rules where dataset = 'personal_data_requests'`;
    expect(rule.basis).toBe('legal_obligation');
    const email = `solicitud-${Math.random().toString(36).slice(2)}@example.co`;
    const request = (answeredDaysAgo: number) => sql`
      insert into public.personal_data_requests (email, kind, message, status, token_expires_at, confirmed_at, due_on, answered_at, answer, answered_by)
      values (${email}, 'correccion', 'Mi teléfono es 3001234567.', 'answered', now() - interval '1 day', now() - make_interval(days => ${answeredDaysAgo + 5}),
              current_date, now() - make_interval(days => ${answeredDaysAgo}), 'Corregimos su teléfono.', 'oficial@agencia.gov.co')
      returning id, number`;
    const [old] = await request(rule.days + 1);
    const [recent] = await request(rule.days - 1);

    const counts = await runRetention();
    expect(counts.personal_data_requests).toBeGreaterThanOrEqual(1);

    const rows = await sql`select id, number, email, kind, message, answer, answered_at, confirmed_at, suppressed_at from public.personal_data_requests where id in (${old.id}, ${recent.id})`;
    const gone = rows.find((r) => r.id === old.id)!;
    const kept = rows.find((r) => r.id === recent.id)!;
    expect(gone.email).toMatch(/@suprimido\.invalid$/);
    expect(gone).toMatchObject({ number: old.number, kind: 'correccion', message: null, answer: '[Respuesta suprimida]' });
    expect(gone.answered_at).not.toBeNull();
    expect(gone.suppressed_at).not.toBeNull();
    expect(kept).toMatchObject({ email, message: 'Mi teléfono es 3001234567.', answer: 'Corregimos su teléfono.', suppressed_at: null });
  });
});
