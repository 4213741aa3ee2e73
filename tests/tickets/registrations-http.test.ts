import { describe, expect, it } from 'vitest';
import { newClientIp, newKey, postForm, postJson, request } from '../support/http.ts';
import { createEvent, seatAccount } from './fixture.ts';

let doc = 50_000_000 + Math.floor(Math.random() * 1e6);
const person = (overrides: Record<string, unknown> = {}) => {
  doc += 1;
  return { fullName: 'Laura Gómez', documentType: 'CC', documentId: String(doc), email: `laura${doc}@example.co`, quantity: 1, consent: true, ...overrides };
};
const registrations = (slug: string) => `/api/events/${slug}/registrations`;

describe('GET /api/events/:slug', () => {
  it('describes an event as the contract says, and 404 for an unknown one', async () => {
    const event = await createEvent({ capacity: 30, maxPerRegistration: 3 });
    const reply = await request(`/api/events/${event.slug}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ slug: event.slug, title: expect.any(String), startsAt: expect.any(String), capacity: 30, remaining: 30, maxPerRegistration: 3, status: 'open' });
    expect((await request('/api/events/no-existe')).body.error.code).toBe('not_found');
  });
});

describe('POST /api/events/:slug/registrations', () => {
  it('answers 201 {code, quantity} and takes the seats', async () => {
    const event = await createEvent({ capacity: 5 });
    const reply = await postJson(registrations(event.slug), person({ quantity: 2 }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/), quantity: 2, cancelSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await seatAccount(event.id)).remaining).toBe(3);
  });

  it('answers 409 duplicate, sold_out (with the seats left) and closed, writing nothing', async () => {
    const event = await createEvent({ capacity: 3 });
    const first = person({ quantity: 2 });
    expect((await postJson(registrations(event.slug), first)).status).toBe(201);
    const duplicate = await postJson(registrations(event.slug), { ...first, quantity: 1 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('duplicate');
    const soldOut = await postJson(registrations(event.slug), person({ quantity: 2 }));
    expect(soldOut.status).toBe(409);
    expect(soldOut.body.error).toMatchObject({ code: 'sold_out', remaining: 1 });
    const later = await createEvent({ opensIn: 120 });
    const closed = await postJson(registrations(later.slug), person());
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('closed');
    expect((await seatAccount(event.id)).remaining).toBe(1);
  });

  it('answers 422 with a Spanish message per field, including unknown fields', async () => {
    const event = await createEvent();
    const reply = await postJson(registrations(event.slug), { fullName: 'A', documentType: 'XX', documentId: '1', email: 'no', quantity: 0, consent: false, extra: 1 });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(['consent', 'documentId', 'documentType', 'email', 'extra', 'fullName', 'quantity']);
    const tooMany = await postJson(registrations(event.slug), person({ quantity: 5 }));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields.quantity).toBe('Elija entre 1 y 4 boletas.');
  });

  it('honours Idempotency-Key: the same body once, another body 409', async () => {
    const event = await createEvent({ capacity: 5 });
    const body = person();
    const key = newKey();
    const [a, b] = await Promise.all([
      postJson(registrations(event.slug), body, { headers: { 'idempotency-key': key } }),
      postJson(registrations(event.slug), body, { headers: { 'idempotency-key': key } }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect((await seatAccount(event.id)).remaining).toBe(4);
    const other = await postJson(registrations(event.slug), person(), { headers: { 'idempotency-key': key } });
    expect(other.status).toBe(409);
  });

  it('answers 429 with Retry-After once one client sends too many', async () => {
    const event = await createEvent({ capacity: 100 });
    const ip = newClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await postJson(registrations(event.slug), person(), { ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await postJson(registrations(event.slug), person(), { ip });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('takes the no-JavaScript form and answers 303 to the ticket page, which shows the code and its QR', async () => {
    const event = await createEvent({ capacity: 5 });
    const p = person({ quantity: 2 });
    const fields = Object.entries({ ...p, consent: 'true', idempotencyKey: newKey() }).map(([k, v]) => [k, String(v)] as [string, string]);
    const reply = await postForm(registrations(event.slug), fields);
    expect(reply.status).toBe(303);
    const location = reply.headers.get('location')!;
    expect(location).toMatch(/^\/servicios\/boleteria\/boleta\/[0-9A-Z-]{9}\?clave=[0-9a-f]{64}$/);
    const page = await request(location);
    expect(page.status).toBe(200);
    expect(page.text).toContain(location.split('/')[4].split('?')[0]);
    expect(page.text).toMatch(/<svg[^>]*viewBox/);
    expect((await request(location.replace(/clave=[0-9a-f]+/, `clave=${'0'.repeat(64)}`))).status).toBe(404);
  });

  it('re-renders the event page form with the errors beside the fields and the values kept', async () => {
    const event = await createEvent();
    const reply = await postForm(`/servicios/boleteria/${event.slug}`, [
      ['fullName', 'Pedro Páramo'],
      ['documentType', 'CC'],
      ['documentId', ''],
      ['email', 'pedro@example.co'],
      ['quantity', '1'],
      ['idempotencyKey', newKey()],
    ]);
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('value="Pedro Páramo"');
    expect(reply.text).toContain('Escriba el número de documento');
    expect(reply.text).toContain('Debe aceptar el tratamiento de datos personales');
  });
});

describe('POST /api/registrations/:code/cancel', () => {
  it('releases part of a ticket with its secret, and answers 404 for a wrong one', async () => {
    const event = await createEvent({ capacity: 5 });
    const { body: ticket } = await postJson(registrations(event.slug), person({ quantity: 2 }));
    const wrong = await postJson(`/api/registrations/${ticket.code}/cancel`, { secret: 'a'.repeat(64) });
    expect(wrong.status).toBe(404);
    const one = await postJson(`/api/registrations/${ticket.code}/cancel`, { secret: ticket.cancelSecret, quantity: 1 });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ code: ticket.code, cancelled: 1, quantity: 1 });
    expect((await seatAccount(event.id)).remaining).toBe(4);
  });
});

describe('event calendar', () => {
  it('serves the event as an iCalendar file', async () => {
    const event = await createEvent();
    const reply = await request(`/servicios/boleteria/${event.slug}/calendario.ics`);
    expect(reply.headers.get('content-type')).toContain('text/calendar');
    expect(reply.text).toContain('BEGIN:VEVENT');
    expect(reply.text).toContain('SUMMARY:Evento de prueba');
  });
});
