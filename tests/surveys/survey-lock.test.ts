import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { createOpenSurvey, definition, VALID_ALL_TYPES } from './builder-fixtures.ts';

type Def = ReturnType<typeof definition>;
type Q = Def['questions'][number];

async function answered(): Promise<{ slug: string; def: Def; responseId: string }> {
  const def = definition();
  const slug = await createOpenSurvey(def);
  const reply = await postJson(`/api/surveys/${slug}/responses`, { answers: VALID_ALL_TYPES, consent: true });
  expect(reply.status).toBe(201);
  return { slug, def, responseId: reply.body.id };
}

const save = async (def: unknown) => postJson('/api/admin/surveys', def, { headers: await bearer('communications') });
const withQuestion = (def: Def, id: string, change: (q: Q) => Q) => ({ ...def, questions: def.questions.map((q) => (q.id === id ? change(q) : q)) });

async function answerRows(responseId: string) {
  return sql`
    select q.key, a.item_key, a.option_value, a.number_value::float as n, a.text_value
    from public.survey_answers a join public.survey_questions q on q.id = a.question_id
    where a.response_id = ${responseId} order by a.id`;
}

describe('a survey with answers keeps what its answers depend on', () => {
  const refused: [string, (def: Def) => unknown, RegExp][] = [
    ['deleting a question', (d) => ({ ...d, questions: d.questions.filter((q) => q.id !== 'fecha') }), /no se puede eliminar la pregunta «Pregunta fecha»/],
    ['retyping a question', (d) => withQuestion(d, 'comentario', (q) => ({ ...q, type: 'short_text' })), /no puede cambiar de tipo/],
    ['renaming a key', (d) => withQuestion(d, 'comentario', (q) => ({ ...q, id: 'comentarios' })), /no se puede eliminar la pregunta/],
    ['deleting an option', (d) => withQuestion(d, 'temas', (q) => ({ ...q, options: (q.options as { value: string }[]).filter((o) => o.value !== 'horario') })), /no se puede quitar la opción «HORARIO»/],
    ['renaming an option value', (d) => withQuestion(d, 'servicio', (q) => ({ ...q, options: [{ value: 'boletas', label: 'Boletas' }, { value: 'asesoria', label: 'ASESORIA' }] })), /no se puede quitar la opción/],
    ['removing a matrix row', (d) => withQuestion(d, 'conoce', (q) => ({ ...q, items: [{ key: 'web', label: 'Sitio web' }] })), /no se puede quitar la fila «Línea telefónica»/],
    ['adding a row to a required matrix', (d) => withQuestion(d, 'conoce', (q) => ({ ...q, items: [...(q.items as object[]), { key: 'chat', label: 'Chat' }] })), /no se pueden añadir filas/],
    ['making an optional question required', (d) => withQuestion(d, 'comentario', (q) => ({ ...q, required: true })), /no puede pasar a ser obligatoria/],
    ['narrowing number bounds', (d) => withQuestion(d, 'visitas', (q) => ({ ...q, max: 10 })), /solo se pueden ampliar/],
    ['dropping «Otro»', (d) => withQuestion(d, 'servicio', (q) => ({ ...q, allowOther: false, options: (q.options as { value: string }[]).filter((o) => o.value !== 'otro') })), /conservar la opción «Otro»/],
    ['changing a condition', (d) => withQuestion(d, 'mejora', (q) => ({ ...q, condition: { question: 'calificacion', anyOf: ['1'] } })), /condición/],
    ['adding a required question', (d) => ({ ...d, questions: [...d.questions, { ...d.questions[0], id: 'nueva', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] }), /solo se puede añadir como opcional/],
  ];

  for (const [what, change, message] of refused) {
    it(`refuses ${what} with 409 locked and changes nothing`, async () => {
      const { slug, def, responseId } = await answered();
      const before = await answerRows(responseId);
      const definitionBefore = (await request(`/api/surveys/${slug}`)).body;
      const reply = await save(change(def));
      expect(reply.status, reply.text).toBe(409);
      expect(reply.body.error.code).toBe('locked');
      expect(reply.body.error.message).toMatch(message);
      expect(await answerRows(responseId)).toEqual(before);
      expect((await request(`/api/surveys/${slug}`)).body).toEqual(definitionBefore);
    });
  }

  it('accepts texts, order, dates, new options and optional questions, keeping the answers', async () => {
    const { slug, def, responseId } = await answered();
    const before = await answerRows(responseId);
    const changed = {
      ...withQuestion(
        withQuestion(def, 'servicio', (q) => ({ ...q, label: '¿Qué servicio usó?', help: 'Elija uno.', options: [...(q.options as object[]), { value: 'eventos', label: 'Eventos' }] })),
        'visitas',
        (q) => ({ ...q, min: 0, max: 50, section: 'Otra sección' }),
      ),
      title: 'Título nuevo',
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    changed.questions = [...changed.questions.slice(1), changed.questions[0], { ...def.questions[8], id: 'extra', required: false }];
    const reply = await save(changed);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ locked: true, responses: 1, created: false });
    const published = (await request(`/api/surveys/${slug}`)).body;
    expect(published.title).toBe('Título nuevo');
    expect(published.questions.at(-2)).toMatchObject({ id: 'servicio', label: '¿Qué servicio usó?' });
    expect(published.questions.at(-1)).toMatchObject({ id: 'extra', required: false });
    expect(await answerRows(responseId)).toEqual(before);
  });

  it('lets an optional conditional question show to more people, or to everyone', async () => {
    const def = definition([
      { ...definition().questions[3] },
      { ...definition().questions[8], condition: { question: 'calificacion', anyOf: ['1'] } },
    ]);
    const slug = await createOpenSurvey(def);
    expect((await postJson(`/api/surveys/${slug}/responses`, { answers: { calificacion: 1, comentario: 'x' }, consent: true })).status).toBe(201);
    expect((await save(withQuestion(def, 'comentario', (q) => ({ ...q, condition: { question: 'calificacion', anyOf: ['1', '2'] } })))).status).toBe(200);
    expect((await save(withQuestion(def, 'comentario', (q) => ({ ...q, condition: null })))).status).toBe(200);
  });

  it('refuses to send an answered survey back to draft (409), but closes it', async () => {
    const { slug } = await answered();
    const headers = await bearer('communications');
    const draft = await postJson(`/api/admin/surveys/${slug}/status`, { status: 'draft' }, { headers });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('locked');
    const closed = await postJson(`/api/admin/surveys/${slug}/status`, { status: 'closed' }, { headers });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', publicStatus: 'closed', locked: true });
  });
});
