import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { complete, csvOf, e164, importCsv, interviewer, mobile, next, outcome, paths, phoneSurvey, queueOf } from './helpers.ts';

const contactsOf = (slug: string) => sql`
  select c.id, c.full_name, c.phone, c.status, c.purged_at is not null as purged
  from public.phone_contacts c join public.surveys s on s.id = c.survey_id where s.slug = ${slug} order by c.id`;

describe('personal data of the call list (Ley 1581)', () => {
  it('purges name, number and notes of contacts that will not be called again, keeping the outcomes for the report', async () => {
    const slug = await phoneSurvey();
    await importCsv(slug, csvOf([{ name: 'Ana Rojas' }, { name: 'Beto Díaz' }, { name: 'Carla Mejía' }]));
    const me = await interviewer();
    const ana = await next(slug, me);
    expect((await complete(ana.id, { calificacion: 5, recomendacion: 10 }, me, 'Vive con su hija Marta')).status).toBe(200);
    const beto = await next(slug, me);
    await outcome(beto.id, { outcome: 'refused', notes: 'Dijo que no llamen más' }, me);
    const before = (await request(paths.report(slug), { headers: await bearer('admin') })).body;
    expect((await queueOf(slug)).counts).toMatchObject({ purgeable: 2, purged: 0 });

    expect((await postJson(paths.purge(slug), {}, { headers: await bearer('interviewer') })).status).toBe(403);
    const reply = await postJson(paths.purge(slug), {}, { headers: await bearer('communications') });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ purged: 2 });

    const rows = await contactsOf(slug);
    expect(rows.map((r) => [r.full_name, r.status, r.purged])).toEqual([
      [null, 'completed', true],
      [null, 'refused', true],
      ['Carla Mejía', 'pending', false],
    ]);
    expect(rows[0].phone).toBeNull();
    const notes = await sql`select notes, outcome from public.phone_call_attempts where contact_id in ${sql([ana.id, beto.id])}`;
    expect(notes.map((n) => n.notes)).toEqual([null, null]);
    const after = (await request(paths.report(slug), { headers: await bearer('admin') })).body;
    expect(after.totals).toEqual(before.totals);
    const audit = await sql`select after from private.audit_log where table_name in ('phone_contacts', 'phone_call_attempts') and row_id in ${sql([String(ana.id), String(beto.id)])}`;
    expect(JSON.stringify(audit)).not.toMatch(/Ana Rojas|Beto Díaz|Marta|no llamen/);
  });

  it('forgets a number in every list at the holder\'s request: a pending contact is withdrawn and never called', async () => {
    const phone = mobile();
    const first = await phoneSurvey();
    const second = await phoneSurvey();
    await importCsv(first, csvOf([{ name: 'Dora Niño', phone }, { name: 'Elsa Ortiz' }]));
    await importCsv(second, csvOf([{ name: 'Dora N.', phone }]));
    const headers = await bearer('communications');
    const bad = await postJson(paths.forget, { phone: '123' }, { headers });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(['phone']);
    const unknown = await postJson(paths.forget, { phone: mobile() }, { headers });
    expect(unknown.status).toBe(404);
    const reply = await postJson(paths.forget, { phone: e164(phone) }, { headers });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ purged: 2 });
    expect((await contactsOf(first)).map((r) => [r.full_name, r.status])).toEqual([[null, 'withdrawn'], ['Elsa Ortiz', 'pending']]);
    const me = await interviewer();
    expect((await next(first, me)).fullName).toBe('Elsa Ortiz');
    expect(await next(second, me)).toBeNull();
  });

  it('offers the purge and the forget forms to communications on the staff pages', async () => {
    const slug = await phoneSurvey();
    const cookie = `participa_staff=${await staffToken('communications')}`;
    const page = await request(`/staff/telefonico/${slug}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Suprimir datos personales');
    expect(page.text).not.toContain('Llamar al siguiente');
    const index = await request('/staff/telefonico', { headers: { cookie } });
    expect(index.text).toContain('Suprimir un número a petición del titular');
    const phone = mobile();
    await importCsv(slug, csvOf([{ name: 'Fabio Gil', phone }]));
    const form = await postForm(paths.forget, [['phone', phone]], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/telefonico?ok=suprimido');
    const interviewerPage = await request(`/staff/telefonico/${slug}`, { headers: { cookie: `participa_staff=${await staffToken('interviewer')}` } });
    expect(interviewerPage.text).toContain('Llamar al siguiente');
    expect(interviewerPage.text).not.toContain('Importar contactos');
    const boxOffice = await request(`/staff/telefonico/${slug}`, { headers: { cookie: `participa_staff=${await staffToken('box_office')}` } });
    expect(boxOffice.status).toBe(403);
    expect((await request(`/staff/telefonico/${slug}`)).status).toBe(401);
    expect((await request('/staff/telefonico')).status).toBe(401);
  });
});
