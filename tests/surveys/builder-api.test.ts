import { describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { countResponses } from '../support/surveys.ts';
import { createOpenSurvey, definition, options, question, VALID_ALL_TYPES } from './builder-fixtures.ts';

const ADMIN = '/api/admin/surveys';

describe('builder API: who may use it', () => {
  it('answers 401 without a token and 403 to staff without the communications role', async () => {
    expect((await request(ADMIN)).status).toBe(401);
    expect((await postJson(ADMIN, definition())).status).toBe(401);
    for (const role of ['box_office', 'interviewer', 'advisor'] as const) {
      const headers = await bearer(role);
      const list = await request(ADMIN, { headers });
      expect(list.status).toBe(403);
      expect(list.body.error.code).toBe('forbidden');
      expect((await postJson(ADMIN, definition(), { headers })).status).toBe(403);
      expect((await postJson(`${ADMIN}/oferta-de-servicios/status`, { status: 'closed' }, { headers })).status).toBe(403);
    }
  });

  it('lets an admin build surveys too', async () => {
    const reply = await postJson(ADMIN, definition(), { headers: await bearer('admin') });
    expect(reply.status).toBe(201);
  });
});

describe('builder API: create, replace, read', () => {
  it('creates a draft (201), replaces it (200) and lists it with drafts and response counts', async () => {
    const headers = await bearer('communications');
    const def = definition();
    const created = await postJson(ADMIN, def, { headers });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', publicStatus: 'draft', responses: 0, locked: false, created: true });
    expect(created.body.definition.questions).toHaveLength(def.questions.length);
    expect((await request(`/api/surveys/${def.slug}`)).status).toBe(404);

    const replaced = await postJson(ADMIN, { ...def, title: 'Otro título', questions: def.questions.slice(0, 3) }, { headers });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ created: false, definition: { title: 'Otro título' } });
    expect(replaced.body.definition.questions.map((q: { id: string }) => q.id)).toEqual(['servicio', 'temas', 'conoce']);

    const one = await request(`${ADMIN}/${def.slug}`, { headers });
    expect(one.status).toBe(200);
    expect(one.body.definition).toEqual(replaced.body.definition);
    // What GET returns under "definition" is what POST takes: a round trip changes nothing.
    const again = await postJson(ADMIN, one.body.definition, { headers });
    expect(again.status).toBe(200);
    expect(again.body.definition).toEqual(one.body.definition);

    const list = await request(ADMIN, { headers });
    expect(list.status).toBe(200);
    expect(list.body.find((s: { slug: string }) => s.slug === def.slug)).toMatchObject({ status: 'draft', questions: 3, responses: 0 });
    expect(list.body.find((s: { slug: string }) => s.slug === 'oferta-de-servicios')).toMatchObject({ status: 'open', planActivity: '1.1' });
    expect((await request(`${ADMIN}/no-existe`, { headers })).status).toBe(404);
  });

  it('answers 422 with a Spanish message per field of the definition', async () => {
    const headers = await bearer('communications');
    const reply = await postJson(ADMIN, definition([
      question('uso', 'single_choice', { options: options('si') }),
      question('uso', 'scale_5'),
      question('detalle', 'long_text', { condition: { question: 'comentario', anyOf: ['x'] } }),
      question('comentario', 'long_text', { condition: { question: 'uso', anyOf: ['tal_vez'] } }),
      question('matriz', 'matrix', { options: options('a', 'b') }),
      question('numero', 'number', { min: 10, max: 1 }),
      question('texto', 'short_text', { options: options('a'), allowOther: true }),
    ], { slug: 'Mala Dirección', title: '', opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' }), { headers });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.fields).toEqual({
      slug: 'Use solo letras minúsculas sin tildes, números y guiones (máximo 80), por ejemplo encuesta-servicios-2026.',
      title: 'Escriba el título de la encuesta (máximo 200 caracteres).',
      closesAt: 'La fecha de cierre debe ser posterior a la de apertura.',
      'questions.0.options': 'Escriba al menos dos opciones.',
      'questions.1.id': 'La clave «uso» ya se usa en otra pregunta.',
      'questions.2.condition': 'La condición debe referirse a una pregunta de selección o de escala anterior a esta.',
      'questions.3.condition': '«tal_vez» no es una respuesta posible de «Pregunta uso».',
      'questions.4.items': 'Escriba al menos una fila.',
      'questions.5.max': 'El máximo no puede ser menor que el mínimo.',
      'questions.6.options': 'Este tipo de pregunta no lleva opciones.',
      'questions.6.allowOther': 'Solo las preguntas de selección admiten la opción «Otro».',
    });
  });

  it('checks the definition again in SQL, and keeps the staff functions from the public', async () => {
    const claims = { sub: 'x', email: 'c@agencia.gov.co', role: 'authenticated' as const, aud: 'authenticated' as const, app_metadata: { roles: ['communications' as const] } };
    const result = await store.rpc<{ ok: boolean; error: { code: string; fields: Record<string, string> } }>(
      'staff_save_survey',
      { p_definition: definition([question('a', 'scale_5'), question('b', 'short_text', { condition: { question: 'a', anyOf: ['9'] } })]), p_create_only: false },
      { kind: 'staff', claims, token: '' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { 'questions.1.condition': '«9» no es una respuesta posible de «Pregunta a».' } } });
    for (const [fn, args] of [
      ['staff_list_surveys', {}],
      ['staff_get_survey', { p_slug: 'oferta-de-servicios' }],
      ['staff_save_survey', { p_definition: definition(), p_create_only: false }],
      ['staff_duplicate_survey', { p_slug: 'oferta-de-servicios', p_new_slug: 'copia' }],
      ['staff_set_survey_status', { p_slug: 'oferta-de-servicios', p_status: 'closed' }],
    ] as const) {
      await expect(store.rpc(fn, args), fn).rejects.toThrow(/permission denied/);
    }
  });

  it('rejects unknown fields and unreadable bodies', async () => {
    const headers = await bearer('communications');
    const extra = await postJson(ADMIN, { ...definition(), color: 'azul' }, { headers });
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields).toEqual({ color: 'Este campo no está permitido.' });
    expect((await postJson(ADMIN, '{"slug":', { headers })).status).toBe(400);
  });

  it('records who changed what in the audit log', async () => {
    const def = definition();
    await postJson(ADMIN, def, { headers: await bearer('communications', 'constructora@agencia.gov.co') });
    const rows = await sql`
      select l.table_name, l.actor_email from private.audit_log l
      where l.table_name = 'surveys' and l.after ->> 'slug' = ${def.slug}`;
    expect(rows).toEqual([{ table_name: 'surveys', actor_email: 'constructora@agencia.gov.co' }]);
    const [{ n }] = await sql`
      select count(*)::int as n from private.audit_log l
      where l.table_name in ('survey_questions', 'survey_question_options', 'survey_question_items')
        and l.actor_email = 'constructora@agencia.gov.co'`;
    expect(n).toBeGreaterThanOrEqual(def.questions.length);
  });
});

describe('builder API: duplicate, open, close and dates', () => {
  it('duplicates a survey into a new draft with the same questions', async () => {
    const headers = await bearer('communications');
    const slug = await createOpenSurvey();
    const copy = `${slug}-copia`;
    const reply = await postJson(`${ADMIN}/${slug}/duplicate`, { newSlug: copy }, { headers });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ status: 'draft', responses: 0, definition: { slug: copy, title: 'Encuesta del constructor (copia)' } });
    const original = (await request(`${ADMIN}/${slug}`, { headers })).body.definition;
    expect(reply.body.definition.questions).toEqual(original.questions);
    const again = await postJson(`${ADMIN}/${slug}/duplicate`, { newSlug: copy }, { headers });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate');
    expect((await postJson(`${ADMIN}/${slug}/duplicate`, { newSlug: 'Con Espacios' }, { headers })).status).toBe(422);
    expect((await postJson(`${ADMIN}/no-existe/duplicate`, { newSlug: `${copy}-2` }, { headers })).status).toBe(404);
  });

  it('opens a survey only with questions, and a closed survey answers 409 closed and says so on its page', async () => {
    const headers = await bearer('communications');
    const empty = definition([]);
    await postJson(ADMIN, empty, { headers });
    const refused = await postJson(`${ADMIN}/${empty.slug}/status`, { status: 'open' }, { headers });
    expect(refused.status).toBe(422);

    const slug = await createOpenSurvey();
    expect((await postJson(`/api/surveys/${slug}/responses`, { answers: VALID_ALL_TYPES, consent: true })).status).toBe(201);
    const closed = await postJson(`${ADMIN}/${slug}/status`, { status: 'closed' }, { headers });
    expect(closed.body).toMatchObject({ status: 'closed', publicStatus: 'closed' });
    const late = await postJson(`/api/surveys/${slug}/responses`, { answers: VALID_ALL_TYPES, consent: true });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('closed');
    const page = await request(`/encuestas/${slug}`);
    expect(page.text).toContain('Esta encuesta está cerrada');
    expect(page.text).not.toContain('name="consent"');
    const posted = await postForm(`/encuestas/${slug}`, [['answers.servicio', 'asesoria'], ['paso', 'enviar']]);
    expect(posted.status).toBe(409);
    expect(posted.text).toContain('Esta encuesta está cerrada');
    expect(await countResponses(slug)).toBe(1);

    const reopened = await postJson(`${ADMIN}/${slug}/status`, { status: 'open' }, { headers });
    expect(reopened.body.publicStatus).toBe('open');
  });

  it('follows the opening and closing dates', async () => {
    const headers = await bearer('communications');
    const day = 86_400_000;
    const future = await createOpenSurvey(definition(undefined, { opensAt: new Date(Date.now() + day).toISOString() }));
    const early = await postJson(`/api/surveys/${future}/responses`, { answers: VALID_ALL_TYPES, consent: true });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('closed');
    expect((await request(`/encuestas/${future}`)).text).toContain('Esta encuesta abre el');
    expect((await request(`${ADMIN}/${future}`, { headers })).body.publicStatus).toBe('scheduled');

    const past = await createOpenSurvey(definition(undefined, { opensAt: new Date(Date.now() - 2 * day).toISOString(), closesAt: new Date(Date.now() - day).toISOString() }));
    expect((await postJson(`/api/surveys/${past}/responses`, { answers: VALID_ALL_TYPES, consent: true })).status).toBe(409);
    expect((await request(`/encuestas/${past}`)).text).toContain('Esta encuesta está cerrada desde el');
  });

  it('takes the list page buttons as forms and comes back with a notice', async () => {
    const headers = await bearer('communications');
    const slug = await createOpenSurvey();
    const form = await postForm(`${ADMIN}/${slug}/status?volver=lista`, [['status', 'closed']], { headers });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/encuestas?ok=estado');
    const bad = await postForm(`${ADMIN}/${slug}/duplicate`, [['newSlug', 'X X']], { headers });
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toMatch(new RegExp(`^/staff/encuestas/${slug}\\?error=`));
  });
});
