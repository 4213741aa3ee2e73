import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson } from '../support/http.ts';
import { createEvent } from '../tickets/fixture.ts';
import { dereferenced, schemaErrors } from './served-document.ts';

// Seeded open event (supabase/seed.sql, TICKETS): 400 seats, up to 4 per person.
const OPEN_EVENT = 'leones-vs-halcones';
const PATH = '/api/events/{slug}/registrations';

let doc = 70_000_000 + Math.floor(Math.random() * 1e6);
const person = (overrides: Record<string, unknown> = {}) => {
  doc += 1;
  return { fullName: 'Camila Restrepo', documentType: 'CC', documentId: String(doc), email: `camila${doc}@example.co`, quantity: 1, consent: true, ...overrides };
};

async function registration() {
  const op = (await dereferenced()).paths[PATH].post;
  const json = (status: string) => op.responses[status].content!['application/json'].schema;
  return { request: op.requestBody!.content['application/json'].schema, created: json('201'), conflict: json('409') };
}

const ticketsOf = async (documentId: string) =>
  Number((await sql`select count(*) as n from public.event_registrations where document_id = ${documentId}`)[0].n);

describe('POST /api/events/{slug}/registrations in /api/openapi.json', () => {
  it('describes the 201 body a real registration answers, and accepts the body that was sent', async () => {
    const schemas = await registration();
    const body = person({ quantity: 2 });
    expect(schemaErrors(schemas.request, body)).toEqual([]);
    const reply = await postJson(`/api/events/${OPEN_EVENT}/registrations`, body);
    expect(reply.status).toBe(201);
    expect(schemaErrors(schemas.created, reply.body)).toEqual([]);
    // The described body is not just any object: it requires what the ticket page needs.
    expect(schemaErrors(schemas.created, { code: reply.body.code })).not.toEqual([]);
  });

  it('refuses a body without consent in the document and in the function (422, nothing written)', async () => {
    const { request } = await registration();
    const { consent: _consent, ...body } = person();
    expect(schemaErrors(request, body)).not.toEqual([]);
    expect(schemaErrors(request, { ...body, consent: false })).not.toEqual([]);
    const reply = await postJson(`/api/events/${OPEN_EVENT}/registrations`, body);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(Object.keys(reply.body.error.fields)).toContain('consent');
    expect(await ticketsOf(body.documentId)).toBe(0);
  });

  it('describes the 409 sold_out body with the seats that remain', async () => {
    const { conflict } = await registration();
    const event = await createEvent({ capacity: 1 });
    const reply = await postJson(`/api/events/${event.slug}/registrations`, person({ quantity: 2 }));
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'sold_out', remaining: 1 });
    expect(schemaErrors(conflict, reply.body)).toEqual([]);
  });
});
