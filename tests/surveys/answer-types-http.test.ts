import { describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { countResponses } from '../support/surveys.ts';
import { ALL_TYPES, createOpenSurvey, definition, options, question, VALID_ALL_TYPES } from './builder-fixtures.ts';

const post = (slug: string, answers: Record<string, unknown>) => postJson(`/api/surveys/${slug}/responses`, { answers, consent: true });

async function expectFields(slug: string, answers: Record<string, unknown>, fields: Record<string, string>) {
  const reply = await post(slug, answers);
  expect(reply.status, reply.text).toBe(422);
  expect(reply.body.error.code).toBe('validation_failed');
  expect(reply.body.error.fields).toEqual(fields);
}

describe('survey definition v2 over the API', () => {
  it('publishes items, bounds, «Otro» and conditions in GET /api/surveys/:slug', async () => {
    const slug = await createOpenSurvey();
    const { body } = await request(`/api/surveys/${slug}`);
    const byId = Object.fromEntries(body.questions.map((q: { id: string }) => [q.id, q]));
    expect(byId.servicio).toMatchObject({ type: 'single_choice', allowOther: true, condition: null, items: [], min: null, max: null });
    expect(byId.servicio.options.at(-1)).toEqual({ value: 'otro', label: 'Otro, ¿cuál?' });
    expect(byId.temas).toMatchObject({ min: 1, max: 2, required: false });
    expect(byId.conoce).toMatchObject({ type: 'matrix', items: [{ key: 'web', label: 'Sitio web' }, { key: 'linea', label: 'Línea telefónica' }] });
    expect(byId.conoce.options.map((o: { value: string }) => o.value)).toEqual(['no', 'si']);
    expect(byId.visitas).toMatchObject({ type: 'number', min: 1, max: 20, maxLength: null });
    expect(byId.mejora).toMatchObject({ condition: { question: 'calificacion', anyOf: ['1', '2'] }, maxLength: 200 });
  });
});

describe('answers of every type', () => {
  it('stores a valid answer sheet in the contract format', async () => {
    const slug = await createOpenSurvey();
    const reply = await post(slug, VALID_ALL_TYPES);
    expect(reply.status, reply.text).toBe(201);
    const rows = await sql`
      select q.key, a.item_key, a.option_value, a.number_value::float as number_value, a.text_value
      from public.survey_answers a join public.survey_questions q on q.id = a.question_id
      where a.response_id = ${reply.body.id}
      order by q.position, a.item_key nulls first, a.option_value`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { key: 'servicio', item_key: null, option_value: 'otro', number_value: null, text_value: 'Convocatorias' },
      { key: 'temas', item_key: null, option_value: 'precio', number_value: null, text_value: null },
      { key: 'temas', item_key: null, option_value: 'trato', number_value: null, text_value: null },
      { key: 'conoce', item_key: 'linea', option_value: 'no', number_value: null, text_value: null },
      { key: 'conoce', item_key: 'web', option_value: 'si', number_value: null, text_value: null },
      { key: 'calificacion', item_key: null, option_value: null, number_value: 4, text_value: null },
      { key: 'recomendacion', item_key: null, option_value: null, number_value: 9, text_value: null },
      { key: 'visitas', item_key: null, option_value: null, number_value: 3, text_value: null },
      { key: 'fecha', item_key: null, option_value: null, number_value: null, text_value: '2026-11-20' },
      { key: 'comentario', item_key: null, option_value: null, number_value: null, text_value: 'Muy útil' },
    ]);
  });

  it('names what is wrong with each type in Spanish (422) and writes nothing', async () => {
    const slug = await createOpenSurvey();
    await expectFields(
      slug,
      { servicio: 'ninguno', temas: ['precio', 'horario', 'trato'], conoce: { web: 'tal_vez' }, calificacion: 7, recomendacion: 11, visitas: 21, fecha: '2026-02-30', comentario: 'x'.repeat(2001) },
      {
        'answers.servicio': 'Elija una de las opciones.',
        'answers.temas': 'Elija como máximo 2 opciones.',
        'answers.conoce': 'Elija una de las opciones en cada fila.',
        'answers.calificacion': 'Elija un valor entre 1 y 5.',
        'answers.recomendacion': 'Elija un valor entre 0 y 10.',
        'answers.visitas': 'Escriba un número entre 1 y 20.',
        'answers.fecha': 'Escriba una fecha válida (año-mes-día) entre 1900 y 2100.',
        'answers.comentario': 'Escriba como máximo 2000 caracteres.',
      },
    );
    expect(await countResponses(slug)).toBe(0);
  });

  it('requires every row of a required matrix and names the missing ones', async () => {
    const slug = await createOpenSurvey();
    await expectFields(slug, { ...VALID_ALL_TYPES, conoce: { web: 'si', linea: '' } }, {
      'answers.conoce': 'Elija una opción en cada fila. Falta: «Línea telefónica».',
    });
    await expectFields(slug, { ...VALID_ALL_TYPES, conoce: { web: 'si', otra: 'no' } }, { 'answers.conoce': 'Elija una de las opciones en cada fila.' });
  });

  it('takes whole numbers only, as JSON numbers or digits, within the bounds', async () => {
    const slug = await createOpenSurvey();
    for (const visitas of [2.5, '2,5', '1.000', 'tres']) {
      await expectFields(slug, { ...VALID_ALL_TYPES, visitas }, { 'answers.visitas': 'Escriba un número entero, sin puntos ni comas.' });
    }
    await expectFields(slug, { ...VALID_ALL_TYPES, visitas: 0 }, { 'answers.visitas': 'Escriba un número entre 1 y 20.' });
    expect((await post(slug, { ...VALID_ALL_TYPES, visitas: '20' })).status).toBe(201);
  });

  it('takes real dates between 1900 and 2100 only', async () => {
    const slug = await createOpenSurvey();
    for (const fecha of ['24/11/2026', '2026-13-01', '1899-12-31', '2101-01-01', '2026-2-1']) {
      await expectFields(slug, { ...VALID_ALL_TYPES, fecha }, { 'answers.fecha': 'Escriba una fecha válida (año-mes-día) entre 1900 y 2100.' });
    }
    expect((await post(slug, { ...VALID_ALL_TYPES, fecha: '2024-02-29' })).status).toBe(201);
  });

  it('asks for the words of «Otro», and refuses words without «Otro»', async () => {
    const slug = await createOpenSurvey();
    await expectFields(slug, { ...VALID_ALL_TYPES, servicio__otro: '' }, { 'answers.servicio__otro': 'Escriba cuál es la otra opción.' });
    await expectFields(slug, { ...VALID_ALL_TYPES, servicio: 'asesoria' }, {
      'answers.servicio__otro': 'Marque «Otro» para escribir otra opción, o borre este texto.',
    });
    await expectFields(slug, { ...VALID_ALL_TYPES, servicio__otro: 'x'.repeat(201) }, { 'answers.servicio__otro': 'Escriba como máximo 200 caracteres.' });
    await expectFields(slug, { ...VALID_ALL_TYPES, temas__otro: 'Otra cosa' }, {
      'answers.temas__otro': 'Marque «Otro» para escribir otra opción, o borre este texto.',
    });
    await expectFields(slug, { ...VALID_ALL_TYPES, calificacion__otro: 'no existe' }, { 'answers.calificacion__otro': 'Este campo no está permitido.' });
  });

  it('applies the fewest selections of a multiple choice', async () => {
    const slug = await createOpenSurvey(definition([question('temas', 'multiple_choice', { options: options('a', 'b', 'c'), min: 2 })]));
    await expectFields(slug, { temas: ['a'] }, { 'answers.temas': 'Elija al menos 2 opciones.' });
    expect((await post(slug, { temas: ['a', 'c'] })).status).toBe(201);
  });

  it('enforces the same rules in SQL for a caller that skips the TypeScript schema', async () => {
    const slug = await createOpenSurvey();
    const call = (answers: Record<string, unknown>) =>
      store.rpc<{ ok: boolean; error?: { fields: Record<string, string> } }>('submit_survey_response', {
        p_slug: slug, p_answers: answers, p_consent_version: 'encuestas-v1', p_channel: 'web', p_source: null,
        p_client: `sql-${slug}`, p_idempotency_key: null, p_request_hash: null,
      });
    const bad = await call({ ...VALID_ALL_TYPES, servicio__otro: '', conoce: { web: 'si' }, visitas: 99, fecha: '2026-02-30', temas: ['precio', 'horario', 'trato'], mejora: 'no aplica' });
    expect(bad.ok).toBe(false);
    expect(bad.error?.fields).toEqual({
      'answers.servicio__otro': 'Escriba cuál es la otra opción.',
      'answers.temas': 'Elija como máximo 2 opciones.',
      'answers.conoce': 'Elija una opción en cada fila. Falta: «Línea telefónica».',
      'answers.visitas': 'Escriba un número entre 1 y 20.',
      'answers.fecha': 'Escriba una fecha válida (año-mes-día) entre 1900 y 2100.',
      'answers.mejora': 'Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.',
    });
    expect((await call(VALID_ALL_TYPES)).ok).toBe(true);
  });

  it('keeps ALL_TYPES covering every question type', () => {
    expect(new Set(ALL_TYPES.map((q) => q.type)).size).toBe(9);
  });
});
