import { describe, expect, it } from 'vitest';
import { validate } from '../../src/lib/validation.ts';
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
  items: [],
  min: null,
  max: null,
  allowOther: false,
  condition: null,
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

  it('lets staff callers send the phone channel when asked to', () => {
    const staff = answerSchema(survey, { allowPhone: true });
    expect(validate(staff, { answers: { one: 'a', rate: 1 }, consent: true, channel: 'phone' })).toMatchObject({ ok: true, value: { channel: 'phone' } });
  });

  it('judges a conditional question by the answers it depends on', () => {
    const conditional: SurveyDefinition = {
      ...survey,
      questions: [
        { ...q('used', 'single_choice', true, ['yes', 'no']), allowOther: true, options: [{ value: 'yes', label: 'Y' }, { value: 'no', label: 'N' }, { value: 'otro', label: 'O' }] },
        { ...q('why', 'long_text', true), condition: { question: 'used', anyOf: ['yes'] } },
      ],
    };
    const schema = answerSchema(conditional);
    expect(validate(schema, { answers: { used: 'no' }, consent: true }).ok).toBe(true);
    expect(validate(schema, { answers: { used: 'no', why: '' }, consent: true }).ok).toBe(true);
    const fields = (answers: Record<string, unknown>) => {
      const result = validate(schema, { answers, consent: true });
      return result.ok ? {} : result.error.fields;
    };
    expect(fields({ used: 'yes' })).toEqual({ 'answers.why': 'Esta pregunta es obligatoria.' });
    expect(fields({ used: 'no', why: 'x' })).toEqual({ 'answers.why': 'Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.' });
    expect(fields({ used: 'otro' })).toEqual({ 'answers.used__otro': 'Escriba cuál es la otra opción.' });
    expect(fields({ used: 'no', used__otro: 'x' })).toEqual({ 'answers.used__otro': 'Marque «Otro» para escribir otra opción, o borre este texto.' });
  });
});
