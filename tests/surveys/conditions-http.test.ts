import { describe, expect, it } from 'vitest';
import { postJson } from '../support/http.ts';
import { countResponses } from '../support/surveys.ts';
import { createOpenSurvey, definition, options, question } from './builder-fixtures.ts';

const NOT_APPLICABLE = 'Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.';
const post = (slug: string, answers: Record<string, unknown>) => postJson(`/api/surveys/${slug}/responses`, { answers, consent: true });

// uso → (si) detalle → (calificación 1 o 2) queja: a chain of two conditions, the last on a scale.
const CHAIN = [
  question('uso', 'single_choice', { options: [{ value: 'si', label: 'Sí' }, { value: 'no', label: 'No' }] }),
  question('calificacion', 'scale_5', { required: true, condition: { question: 'uso', anyOf: ['si'] } }),
  question('queja', 'long_text', { required: true, condition: { question: 'calificacion', anyOf: ['1', '2'] } }),
  question('canales', 'multiple_choice', { required: false, options: options('web', 'telefono') }),
  question('por_telefono', 'short_text', { required: false, condition: { question: 'canales', anyOf: ['telefono'] } }),
];

describe('conditional questions', () => {
  it('requires a conditional question only when its condition holds', async () => {
    const slug = await createOpenSurvey(definition(CHAIN));
    expect((await post(slug, { uso: 'no' })).status).toBe(201);
    const missing = await post(slug, { uso: 'si' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toEqual({ 'answers.calificacion': 'Esta pregunta es obligatoria.' });
    expect((await post(slug, { uso: 'si', calificacion: 4 })).status).toBe(201);
    const chained = await post(slug, { uso: 'si', calificacion: 2 });
    expect(chained.body.error.fields).toEqual({ 'answers.queja': 'Esta pregunta es obligatoria.' });
    expect((await post(slug, { uso: 'si', calificacion: '2', queja: 'Demoras' })).status).toBe(201);
    expect(await countResponses(slug)).toBe(3);
  });

  it('refuses answers to questions the earlier answers hide, down the chain', async () => {
    const slug = await createOpenSurvey(definition(CHAIN));
    const hidden = await post(slug, { uso: 'no', calificacion: 2, queja: 'x' });
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.fields).toEqual({ 'answers.calificacion': NOT_APPLICABLE, 'answers.queja': NOT_APPLICABLE });
    const scale = await post(slug, { uso: 'si', calificacion: 5, queja: 'x' });
    expect(scale.body.error.fields).toEqual({ 'answers.queja': NOT_APPLICABLE });
    expect(await countResponses(slug)).toBe(0);
  });

  it('shows a question when any selected option of a multiple choice matches', async () => {
    const slug = await createOpenSurvey(definition(CHAIN));
    expect((await post(slug, { uso: 'no', canales: ['web', 'telefono'], por_telefono: 'Me atendieron bien' })).status).toBe(201);
    const hidden = await post(slug, { uso: 'no', canales: ['web'], por_telefono: 'x' });
    expect(hidden.body.error.fields).toEqual({ 'answers.por_telefono': NOT_APPLICABLE });
  });

  it('treats a blank answer to a hidden question as unanswered (a no-JS form posts empty fields)', async () => {
    const slug = await createOpenSurvey(definition(CHAIN));
    expect((await post(slug, { uso: 'no', calificacion: '', queja: '  ', por_telefono: '' })).status).toBe(201);
  });
});
