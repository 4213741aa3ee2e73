import { describe, expect, it } from 'vitest';
import { validate } from '../../src/lib/http/validation.ts';
import { answerSchema, CONSENT_REQUIRED } from '../../src/lib/surveys/answer-schema.ts';
import type { SurveyDefinition, SurveyQuestion } from '../../src/lib/surveys/schemas.ts';

const q = (id: string, type: SurveyQuestion['type'], required = true, options: string[] = []): SurveyQuestion => ({
  id,
  type,
  label: id,
  help: null,
  required,
  section: null,
  options: options.map((value) => ({ value, label: value.toUpperCase() })),
  maxLength: null,
});

const survey: SurveyDefinition = {
  slug: 's',
  title: 'S',
  description: '',
  planActivity: '1.1',
  status: 'open',
  opensAt: null,
  closesAt: null,
  consent: { version: 'v1', purpose: 'p', text: 't' },
  questions: [
    q('one', 'single_choice', true, ['a', 'b']),
    q('many', 'multiple_choice', false, ['x', 'y', 'z']),
    q('rate', 'scale_5'),
    q('nps', 'nps', false),
    q('short', 'short_text', false),
    q('long', 'long_text', false),
  ],
};
const schema = answerSchema(survey);

describe('answerSchema', () => {
  it('accepts a complete JSON answer and defaults the channel to web', () => {
    const result = validate(schema, { answers: { one: 'a', many: ['x', 'z'], rate: 5, nps: 0, short: ' hola ', long: 'texto' }, consent: true });
    expect(result).toEqual({
      ok: true,
      value: { answers: { one: 'a', many: ['x', 'z'], rate: 5, nps: 0, short: 'hola', long: 'texto' }, consent: true, channel: 'web' },
    });
  });

  it('reads form strings: numbers, a single checkbox, consent "true" and blank optional fields', () => {
    const result = validate(schema, { answers: { one: 'b', many: 'y', rate: '3', nps: '', short: '' }, consent: 'true' });
    expect(result).toEqual({ ok: true, value: { answers: { one: 'b', many: ['y'], rate: 3 }, consent: true, channel: 'web' } });
  });

  it('names each wrong answer in Spanish', () => {
    const result = validate(schema, { answers: { one: 'c', many: ['x', 'x'], rate: 6, nps: 11, short: 'x'.repeat(201) }, consent: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({
      'answers.one': 'Elija una de las opciones.',
      'answers.many': 'Cada opción se puede elegir una sola vez.',
      'answers.rate': 'Elija un valor entre 1 y 5.',
      'answers.nps': 'Elija un valor entre 0 y 10.',
      'answers.short': 'Escriba como máximo 200 caracteres.',
      consent: CONSENT_REQUIRED,
    });
  });

  it('requires required questions and consent, and rejects unknown questions and fields', () => {
    const result = validate(schema, { answers: { ghost: 'x' }, extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toMatchObject({
      'answers.one': 'Esta pregunta es obligatoria.',
      'answers.rate': 'Esta pregunta es obligatoria.',
      'answers.ghost': 'Este campo no está permitido.',
      extra: 'Este campo no está permitido.',
      consent: CONSENT_REQUIRED,
    });
  });

  it('refuses the phone channel from the public', () => {
    const result = validate(schema, { answers: { one: 'a', rate: 1 }, consent: true, channel: 'phone' });
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual(['channel']);
  });
});
