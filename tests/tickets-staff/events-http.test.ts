import { describe, expect, it } from 'vitest';
import { sql, uniqueSlug } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { addRegistration, addWaitlistEntry, inDays, newEvent } from './fixtures.ts';

const comms = () => bearer('communications', 'comunicaciones-eventos@agencia.gov.co');
const edit = async (slug: string, fields: Record<string, unknown>) =>
  postJson(`/api/admin/events/${slug}`, { title: 'Partido de prueba', startsAt: inDays(10), venue: 'Coliseo de prueba', capacity: 20, maxPerRegistration: 4, ...fields }, { headers: await comms() });

describe('POST /api/admin/events', () => {
  it('creates the event: 201, registration open at once and closing when the event starts', async () => {
    const slug = uniqueSlug('crear');
    const startsAt = inDays(7);
    const before = Date.now();
    const reply = await postJson('/api/admin/events', { slug, title: 'Leones vs. Águilas', startsAt, venue: 'Coliseo Iván de Bedout', capacity: 300, maxPerRegistration: 4 }, { headers: await comms() });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ slug, title: 'Leones vs. Águilas', capacity: 300, remaining: 300, maxPerRegistration: 4, status: 'open', closesAt: startsAt });
    expect(Date.parse(reply.body.opensAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(reply.body.opensAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(reply.body.counts).toEqual({ registrations: 0, seatsTaken: 0, checkedIn: 0, seatsCheckedIn: 0, cancelled: 0, waiting: 0 });

    // The write is in the audit log, with who made it.
    const [audit] = await sql`select actor_email, action from private.audit_log where table_name = 'events' and after ->> 'slug' = ${slug}`;
    expect(audit).toEqual({ actor_email: 'comunicaciones-eventos@agencia.gov.co', action: 'insert' });
  });

  it('keeps the given opening and closing times, and reads form times in Colombian time', async () => {
    const slug = uniqueSlug('horas');
    const reply = await postJson(
      '/api/admin/events',
      { slug, title: 'Concierto', startsAt: '2027-03-10T19:00', venue: 'Teatro', capacity: 50, maxPerRegistration: 2, opensAt: '2027-03-01T08:00', closesAt: '2027-03-10T12:00' },
      { headers: await comms() },
    );
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ startsAt: '2027-03-11T00:00:00.000Z', opensAt: '2027-03-01T13:00:00.000Z', closesAt: '2027-03-10T17:00:00.000Z', status: 'scheduled' });
  });

  it('names every wrong field with a Spanish message and writes nothing (422)', async () => {
    const slug = uniqueSlug('malo');
    const reply = await postJson(
      '/api/admin/events',
      { slug: 'Con Espacios', title: '', startsAt: 'mañana', venue: 'X', capacity: 0, maxPerRegistration: 30, imageUrl: 'javascript:alert(1)', extra: 1 },
      { headers: await comms() },
    );
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(['capacity', 'extra', 'imageUrl', 'maxPerRegistration', 'slug', 'startsAt', 'title', 'venue']);
    expect(reply.body.error.fields.startsAt).toMatch(/fecha y hora válidas/);
    expect(await sql`select 1 from public.events where slug = ${slug}`).toHaveLength(0);
  });

  it('refuses a closing time after the start, an image without its text alternative, and a limit above the aforo', async () => {
    const reply = await postJson(
      '/api/admin/events',
      { slug: uniqueSlug('reglas'), title: 'Evento', startsAt: inDays(5), venue: 'Sala', capacity: 3, maxPerRegistration: 4, closesAt: inDays(6), imageUrl: '/img/leones.jpg' },
      { headers: await comms() },
    );
    expect(reply.status).toBe(422);
    expect(reply.body.error.fields).toEqual({
      maxPerRegistration: 'El límite por persona no puede superar el aforo.',
      imageAlt: 'Describa la imagen para quien no la ve (texto alternativo).',
      closesAt: 'Las inscripciones deben cerrar antes de que empiece el evento, o a la misma hora.',
    });
  });

  it('refuses an address already taken (409 duplicate) and leaves the first event as it was', async () => {
    const slug = await newEvent({ title: 'Primero' });
    const reply = await postJson('/api/admin/events', { slug, title: 'Segundo', startsAt: inDays(3), venue: 'Sala', capacity: 5, maxPerRegistration: 1 }, { headers: await comms() });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'duplicate', fields: { slug: 'Ya existe un evento con esta dirección. Elija otra.' } });
    expect((await sql`select title from public.events where slug = ${slug}`)[0].title).toBe('Primero');
  });
});

describe('POST /api/admin/events/:slug (edit)', () => {
  it('grows the aforo and the free seats by the same number', async () => {
    const slug = await newEvent({ capacity: 20 });
    await addRegistration(slug, { quantity: 3 });
    const reply = await edit(slug, { capacity: 25, title: 'Partido con más cupos' });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ capacity: 25, remaining: 22, title: 'Partido con más cupos', counts: { registrations: 1, seatsTaken: 3 } });
  });

  it('offers the new seats to the waiting line first', async () => {
    const slug = await newEvent({ capacity: 2, maxPerRegistration: 2 });
    await addRegistration(slug, { quantity: 2 });
    await addWaitlistEntry(slug, 'waiting');
    const reply = await edit(slug, { capacity: 4, maxPerRegistration: 2 });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ capacity: 4, remaining: 1, counts: { waiting: 1 } });
    const offers = await sql`
      select o.quantity, w.status from public.event_waitlist_offers o join public.event_waitlist_entries w on w.id = o.entry_id
      join public.events e on e.id = o.event_id where e.slug = ${slug}`;
    expect(offers).toEqual([{ quantity: 1, status: 'offered' }]);
  });

  it('shrinks the aforo down to the seats taken, and not one below (422 naming the minimum)', async () => {
    const slug = await newEvent({ capacity: 20 });
    await addRegistration(slug, { quantity: 4 });
    await addRegistration(slug, { quantity: 3, cancelled: 1 });
    const below = await edit(slug, { capacity: 5 });
    expect(below.status).toBe(422);
    expect(below.body.error.fields.capacity).toBe('El aforo no puede ser menor que los 6 cupos ya tomados o reservados. Escriba 6 o más.');
    expect((await sql`select capacity, remaining from public.events where slug = ${slug}`)[0]).toEqual({ capacity: 20, remaining: 14 });

    const exact = await edit(slug, { capacity: 6 });
    expect(exact.status, exact.text).toBe(200);
    expect(exact.body).toMatchObject({ capacity: 6, remaining: 0 });
  });

  it('keeps the opening time when none is sent, and answers 404 for an unknown event', async () => {
    const slug = await newEvent({ opensAt: inDays(1) });
    const [{ opens_at: opensAt }] = await sql`select opens_at from public.events where slug = ${slug}`;
    expect((await edit(slug, { venue: 'Otro coliseo' })).status).toBe(200);
    expect((await sql`select opens_at from public.events where slug = ${slug}`)[0].opens_at).toEqual(opensAt);
    expect((await edit(uniqueSlug('no-existe'), {})).status).toBe(404);
  });

  it('counts live: registered, checked in, cancelled and waiting', async () => {
    const slug = await newEvent();
    await addRegistration(slug, { quantity: 2 });
    await addRegistration(slug, { quantity: 3, checkedIn: true });
    await addRegistration(slug, { quantity: 1, cancelled: 1 });
    await addWaitlistEntry(slug, 'waiting');
    await addWaitlistEntry(slug, 'claimed');
    const reply = await request(`/api/admin/events/${slug}`, { headers: await bearer('box_office') });
    expect(reply.status).toBe(200);
    expect(reply.body.counts).toEqual({ registrations: 2, seatsTaken: 5, checkedIn: 1, seatsCheckedIn: 3, cancelled: 1, waiting: 1 });
    expect(reply.body.remaining).toBe(15);
  });
});

describe('who may do what', () => {
  it('the box office reads events but cannot create or edit them; communications can', async () => {
    const slug = await newEvent();
    const box = await bearer('box_office');
    const create = await postJson('/api/admin/events', { slug: uniqueSlug('taquilla'), title: 'No', startsAt: inDays(2), venue: 'Sala', capacity: 5, maxPerRegistration: 1 }, { headers: box });
    expect(create.status).toBe(403);
    expect((await postJson(`/api/admin/events/${slug}`, { title: 'Cambiado' }, { headers: box })).status).toBe(403);
    expect((await request('/api/admin/events', { headers: box })).status).toBe(200);
    // Nor through the staff page's form.
    const cookie = { Cookie: `participa_staff=${box.Authorization.slice(7)}` };
    expect((await postForm(`/staff/eventos/${slug}`, [['title', 'Cambiado'], ['capacity', '1']], { headers: cookie })).status).toBe(403);
    expect((await sql`select title from public.events where slug = ${slug}`)[0].title).toBe('Partido de prueba');
    expect((await edit(slug, { title: 'Cambiado por comunicaciones' })).status).toBe(200);
  });

  it('communications cannot let tickets in; nobody else reads the registrations', async () => {
    const slug = await newEvent();
    const code = await addRegistration(slug);
    expect((await postJson(`/api/admin/events/${slug}/check-in`, { code }, { headers: await comms() })).status).toBe(403);
    for (const role of ['advisor', 'interviewer'] as const) {
      expect((await request(`/api/admin/events/${slug}/registrations`, { headers: await bearer(role) })).status).toBe(403);
    }
  });

  it('the staff form creates the event and lands on its page (303)', async () => {
    const slug = uniqueSlug('formulario');
    const reply = await postForm(
      '/staff/eventos',
      [['slug', slug], ['title', 'Desde el formulario'], ['startsAt', '2027-05-01T18:00'], ['venue', 'Sala'], ['capacity', '40'], ['maxPerRegistration', '2'], ['opensAt', ''], ['closesAt', ''], ['imageUrl', ''], ['imageAlt', ''], ['description', '']],
      { headers: { Cookie: `participa_staff=${(await comms()).Authorization.slice(7)}` } },
    );
    expect(reply.status, reply.text.slice(0, 500)).toBe(303);
    expect(reply.headers.get('location')).toBe(`/staff/eventos/${slug}?ok=creado`);
  });
});
