import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { addRegistration, checkInPath, newEvent } from './fixtures.ts';

const door = (email = 'taquilla-puerta@agencia.gov.co') => bearer('box_office', email);

describe('POST /api/admin/events/:slug/check-in', () => {
  it('lets a ticket in once; the second time is refused, saying when and by whom it was used', async () => {
    const slug = await newEvent();
    const code = await addRegistration(slug, { quantity: 3, cancelled: 1, fullName: 'Ana Rojas' });

    const first = await postJson(checkInPath(slug), { code }, { headers: await door() });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ code, eventSlug: slug, fullName: 'Ana Rojas', quantity: 2, checkedInBy: 'taquilla-puerta@agencia.gov.co' });

    const second = await postJson(checkInPath(slug), { code }, { headers: await door('otra-puerta@agencia.gov.co') });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('duplicate');
    const [{ hhmm }] = await sql`select to_char(checked_in_at at time zone 'America/Bogota', 'DD/MM/YYYY "a las" HH24:MI') as hhmm from public.event_registrations where code = ${code}`;
    expect(second.body.error.message).toBe(`La boleta ${code} ya se usó: ingresó el ${hhmm} (hora de Colombia), registrada por taquilla-puerta@agencia.gov.co.`);

    // One audit entry: the check-in, by the first door.
    const audit = await sql`
      select a.actor_email from private.audit_log a join public.event_registrations r on r.id::text = a.row_id
      where a.table_name = 'event_registrations' and r.code = ${code}`;
    expect(audit).toEqual([{ actor_email: 'taquilla-puerta@agencia.gov.co' }]);
  });

  it('reads the code as people type it: small letters, spaces, no dash, O for zero', async () => {
    const slug = await newEvent();
    const code = await addRegistration(slug);
    const typed = ` ${code.replace('-', ' ').replace(/0/g, 'O').toLowerCase()} `;
    const reply = await postJson(checkInPath(slug), { code: typed }, { headers: await door() });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.code).toBe(code);
  });

  it('two doors scanning the same ticket at the same moment: exactly one lets it in', async () => {
    const slug = await newEvent();
    const code = await addRegistration(slug, { quantity: 2 });
    const headers = await door();
    const replies = await Promise.all(Array.from({ length: 12 }, () => postJson(checkInPath(slug), { code }, { headers })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409 && r.body.error.code === 'duplicate')).toHaveLength(11);
  });

  it('refuses an unknown code (404), a ticket of another event (404 naming it) and a cancelled ticket (409)', async () => {
    const slug = await newEvent();
    const other = await newEvent({ title: 'Otro partido' });
    const foreign = await addRegistration(other);
    const cancelled = await addRegistration(slug, { quantity: 2, cancelled: 2 });
    const headers = await door();

    const unknown = await postJson(checkInPath(slug), { code: 'ZZZZ-ZZZZ' }, { headers });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No existe ninguna boleta con el código ZZZZ-ZZZZ. Revise que esté bien escrito.');

    const wrongEvent = await postJson(checkInPath(slug), { code: foreign }, { headers });
    expect(wrongEvent.status).toBe(404);
    expect(wrongEvent.body.error.message).toBe(`La boleta ${foreign} no es de este evento: es de «Otro partido».`);

    const gone = await postJson(checkInPath(slug), { code: cancelled }, { headers });
    expect(gone.status).toBe(409);
    expect(gone.body.error).toMatchObject({ code: 'closed' });
    expect(gone.body.error.message).toMatch(new RegExp(`^La boleta ${cancelled} fue cancelada el \\d{2}/\\d{2}/\\d{4} a las \\d{2}:\\d{2} y no da ingreso\\.$`));

    expect(await sql`select code from public.event_registrations where code in ${sql([foreign, cancelled])} and checked_in_at is not null`).toHaveLength(0);
  });

  it('an empty code is a 422 on the field', async () => {
    const slug = await newEvent();
    const reply = await postJson(checkInPath(slug), { code: ' - ' }, { headers: await door() });
    expect(reply.status).toBe(422);
    expect(reply.body.error.fields).toEqual({ code: 'Escriba el código de la boleta.' });
  });
});
