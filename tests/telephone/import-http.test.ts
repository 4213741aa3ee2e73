import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { createSurvey } from '../support/surveys.ts';
import { csvOf, e164, HEADER, importCsv, mobile, paths, phoneSurvey } from './helpers.ts';

const countContacts = async (slug: string) =>
  (await sql`select count(*)::int as n from public.phone_contacts c join public.surveys s on s.id = c.survey_id where s.slug = ${slug}`)[0].n;

function expectError(reply: { status: number; body: any }, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(reply.body.error.message.length).toBeGreaterThan(5);
}

describe('POST /api/admin/telephone/:slug/contacts (CSV import)', () => {
  it('imports the list, normalising numbers, and stores only the fields the call needs', async () => {
    const slug = await phoneSurvey();
    const phone = mobile();
    const csv = `\uFEFF${HEADER.replaceAll(',', ';')}\r\n"Rojas; Ana María";${phone};Boletería en línea;Autorización previa;15/03/2026\r\nLuis Pérez;(604) 444 5566;Asesoría;solicitud_del_titular;2026-02-01\r\n`;
    const reply = await importCsv(slug, csv);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ imported: 2, skippedLines: [], total: 2 });
    const rows = await sql`
      select c.full_name, c.phone, c.service_used, c.consent_basis, c.consented_on::text, c.status, c.source_line
      from public.phone_contacts c join public.surveys s on s.id = c.survey_id where s.slug = ${slug} order by c.id`;
    expect(rows).toEqual([
      { full_name: 'Rojas; Ana María', phone: e164(phone), service_used: 'Boletería en línea', consent_basis: 'autorizacion_previa', consented_on: '2026-03-15', status: 'pending', source_line: 2 },
      { full_name: 'Luis Pérez', phone: '+576044445566', service_used: 'Asesoría', consent_basis: 'solicitud_del_titular', consented_on: '2026-02-01', status: 'pending', source_line: 3 },
    ]);
  });

  it('names every bad row and field by its CSV line, and imports nothing at all', async () => {
    const slug = await phoneSurvey();
    const csv = [
      HEADER,
      `Ana Rojas,${mobile()},Boletería,autorizacion_previa,2026-03-15`,
      `Luis Pérez,${mobile()},Asesoría,autorizacion_previa,2026-03-15`,
      `Marta Gómez,2345678,Boletería,consentimiento_tacito,2026-03-15`,
      `Pedro Ruiz,${mobile()},Asesoría,autorizacion_previa,31/02/2026`,
    ].join('\n');
    const reply = await importCsv(slug, csv);
    expectError(reply, 422, 'validation_failed');
    expect(reply.body.error.message).toBe('Revise las filas marcadas: no se importó ningún contacto.');
    expect(reply.body.error.fields).toEqual({
      'rows.4.phone': 'Fila 4, telefono: al fijo le falta el indicativo: escríbalo con 10 dígitos, por ejemplo 601 234 5678 en Bogotá.',
      'rows.4.consentBasis': 'Fila 4, base_consentimiento: use una de estas bases: autorizacion_previa, solicitud_del_titular, funcion_legal.',
      'rows.5.consentedOn': 'Fila 5, fecha_consentimiento: escriba una fecha real como 2026-03-15 o 15/03/2026.',
    });
    expect(await countContacts(slug)).toBe(0);
  });

  it('skips numbers already on the survey list, naming their lines, and refuses a number twice in one file', async () => {
    const slug = await phoneSurvey();
    const known = mobile();
    expect((await importCsv(slug, csvOf([{ name: 'Ana Rojas', phone: known }]))).status).toBe(200);
    const again = await importCsv(slug, csvOf([{ name: 'Luis Pérez' }, { name: 'Ana R.', phone: `+57${known.replace(/ /g, '')}` }]));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ imported: 1, skippedLines: [3], total: 2 });
    const twice = mobile();
    const dup = await importCsv(slug, csvOf([{ name: 'Uno Dos', phone: twice }, { name: 'Tres Cuatro', phone: twice }]));
    expectError(dup, 422, 'validation_failed');
    expect(dup.body.error.fields).toEqual({ 'rows.3.phone': 'Fila 3, telefono: este número ya está en la fila 2 del archivo.' });
    expect(await countContacts(slug)).toBe(2);
  });

  it('checks every row again in SQL, all or nothing, even when called directly', async () => {
    const slug = await phoneSurvey();
    const claims = JSON.stringify({ sub: 'c-1', email: 'c@agencia.gov.co', role: 'authenticated', app_metadata: { roles: ['communications'] } });
    const rows = [
      { line: 2, fullName: 'Ana Rojas', phone: '3001234567', serviceUsed: 'X', consentBasis: 'autorizacion_previa', consentedOn: '2026-01-01' },
      { line: 7, fullName: 'Luis', phone: '12', serviceUsed: 'X', consentBasis: 'verbal', consentedOn: '2026-01-01' },
    ];
    const [{ result }] = await sql.begin(async (tx) => {
      await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
      return tx`select public.staff_import_phone_contacts(${slug}, ${sql.json(rows)}) as result`;
    });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.error.fields).sort()).toEqual(['rows.7.consentBasis', 'rows.7.phone']);
    expect(await countContacts(slug)).toBe(0);
  });

  it('answers 401 without a session, 403 to an interviewer, 404 for an unknown survey', async () => {
    const slug = await phoneSurvey();
    const csv = csvOf([{ name: 'Ana Rojas' }]);
    expectError(await postJson(paths.contacts(slug), { csv }), 401, 'unauthorized');
    expectError(await postJson(paths.contacts(slug), { csv }, { headers: await bearer('interviewer') }), 403, 'forbidden');
    expectError(await postJson(paths.contacts(slug), { csv }, { headers: await bearer('box_office') }), 403, 'forbidden');
    expectError(await postJson(paths.contacts('no-existe'), { csv }, { headers: await bearer('communications') }), 404, 'not_found');
    expect(await countContacts(slug)).toBe(0);
  });

  it('answers 422 for a missing or unknown field, 415 for a raw text/csv body, 400 for broken JSON', async () => {
    const slug = await phoneSurvey();
    const headers = await bearer('admin');
    const missing = await postJson(paths.contacts(slug), {}, { headers });
    expectError(missing, 422, 'validation_failed');
    expect(missing.body.error.fields.csv).toBe('Pegue el contenido del archivo CSV.');
    const extra = await postJson(paths.contacts(slug), { csv: csvOf([{ name: 'Ana Rojas' }]), rows: [] }, { headers });
    expect(extra.body.error.fields).toEqual({ rows: 'Este campo no está permitido.' });
    const raw = await request(paths.contacts(slug), { method: 'POST', body: csvOf([{ name: 'Ana Rojas' }]), headers: { ...headers, 'content-type': 'text/csv' } });
    expectError(raw, 415, 'unsupported_media_type');
    expectError(await postJson(paths.contacts(slug), '{"csv":', { headers }), 400, 'bad_request');
    const header = await postJson(paths.contacts(slug), { csv: 'nombre;celular\nAna;3001234567' }, { headers });
    expect(header.body.error.fields.csv).toMatch(/^Fila 1 \(encabezado\): faltan telefono, servicio, base_consentimiento, fecha_consentimiento; sobran celular/);
    expect(await countContacts(slug)).toBe(0);
  });

  it('takes the staff page form: errors next to the kept text, success back to the list', async () => {
    const slug = await phoneSurvey();
    const cookie = `participa_staff=${await staffToken('communications')}`;
    const page = `/staff/telefonico/${slug}`;
    const bad = `${HEADER}\nAna Rojas,123,Boletería,autorizacion_previa,2026-03-15`;
    const invalid = await postForm(page, [['step', 'importar'], ['csv', bad]], { headers: { cookie } });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('Fila 2, telefono: escriba un celular de 10 dígitos');
    expect(invalid.text).toContain('Ana Rojas,123,Boletería'); // the pasted text stays in the box
    expect(await countContacts(slug)).toBe(0);

    const good = await postForm(page, [['step', 'importar'], ['csv', csvOf([{ name: 'Ana Rojas' }, { name: 'Luis Pérez' }])]], { headers: { cookie } });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe(`${page}?ok=importados&n=2&omitidas=`);
    const after = await request(`${page}?ok=importados&n=2&omitidas=`, { headers: { cookie } });
    expect(after.text).toContain('Se importaron 2 contactos.');

    const api = await postForm(paths.contacts(slug), [['csv', csvOf([{ name: 'Marta Gómez' }])]], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(api.status).toBe(303);
    expect(api.headers.get('location')).toBe(`${page}?ok=importados`);
    const crossSite = await postForm(paths.contacts(slug), [['csv', csvOf([{ name: 'Eva Ríos' }])]], { headers: { cookie, origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await countContacts(slug)).toBe(3);
  });

  it('audits the import without copying names or numbers into the audit log', async () => {
    const slug = await phoneSurvey();
    const email = `import-${Date.now()}@agencia.gov.co`;
    const phone = mobile();
    const reply = await postJson(paths.contacts(slug), { csv: csvOf([{ name: 'Nombre Secreto', phone }]) }, { headers: await bearer('communications', email) });
    expect(reply.status).toBe(200);
    const audit = await sql`select action, table_name, after from private.audit_log where actor_email = ${email}`;
    expect(audit.map((a) => `${a.action} ${a.table_name}`)).toEqual(['insert phone_contacts']);
    expect(audit[0].after.full_name).toBe('[dato personal]');
    expect(audit[0].after.phone).toBe('[dato personal]');
    expect(JSON.stringify(audit)).not.toContain('Nombre Secreto');
    expect(JSON.stringify(audit)).not.toContain(e164(phone));
  });

  it('keeps the call list away from anon and authenticated: no direct table access at all', async () => {
    for (const role of ['anon', 'authenticated']) {
      await expect(
        sql.begin(async (tx) => {
          await tx.unsafe(`set local role ${role}`);
          return tx`select full_name, phone from public.phone_contacts limit 1`;
        }),
      ).rejects.toThrow(/permission denied/);
      await expect(
        sql.begin(async (tx) => {
          await tx.unsafe(`set local role ${role}`);
          return tx`select notes from public.phone_call_attempts limit 1`;
        }),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('also accepts a survey that is not the plan\'s telephone survey, and a closed one (lists are prepared ahead)', async () => {
    const closed = await createSurvey({ status: 'closed' });
    expect((await importCsv(closed, csvOf([{ name: 'Ana Rojas' }]))).status).toBe(200);
  });
});
