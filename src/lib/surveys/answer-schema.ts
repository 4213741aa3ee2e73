import * as z from 'zod';
import type { SurveyDefinition, SurveyQuestion } from './schemas.ts';

const REQUIRED = 'Esta pregunta es obligatoria.';
export const CONSENT_REQUIRED = 'Debe autorizar el tratamiento de sus datos para enviar sus respuestas.';

/** Forms send "" for an untouched text box and strings for numbers; JSON sends the real types. */
const blankToUndefined = (v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v);
const toNumber = (v: unknown) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);
const toList = (v: unknown) => (typeof v === 'string' ? [v] : v);

function integerBetween(min: number, max: number) {
  const message = `Elija un valor entre ${min} y ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

function valueSchema(q: SurveyQuestion): z.ZodType {
  const values = q.options.map((o) => o.value) as [string, ...string[]];
  switch (q.type) {
    case 'single_choice':
      return z.enum(values, { error: 'Elija una de las opciones.' });
    case 'multiple_choice':
      return z.preprocess(
        toList,
        z
          .array(z.enum(values, { error: 'Elija opciones de la lista.' }))
          .min(1, 'Elija al menos una opción.')
          .refine((list) => new Set(list).size === list.length, 'Cada opción se puede elegir una sola vez.'),
      );
    case 'scale_5':
      return z.preprocess(toNumber, integerBetween(1, 5));
    case 'nps':
      return z.preprocess(toNumber, integerBetween(0, 10));
    case 'short_text':
    case 'long_text':
      return z.string().trim().min(1, REQUIRED).max(q.maxLength ?? (q.type === 'short_text' ? 200 : 2000));
  }
}

function questionSchema(q: SurveyQuestion): z.ZodType {
  const value = valueSchema(q);
  return z.preprocess(blankToUndefined, q.required ? z.any().refine((v) => v !== undefined, REQUIRED).pipe(value) : value.optional());
}

const consentSchema = z.preprocess(
  (v) => (v === 'true' || v === 'on' ? true : v),
  z.literal(true, { error: CONSENT_REQUIRED }),
);

/**
 * The body of POST /api/surveys/:slug/responses for one survey, built from its definition.
 * The same schema validates the no-JS form, so both get the same Spanish messages.
 */
export function answerSchema(def: SurveyDefinition) {
  const answers = Object.fromEntries(def.questions.map((q) => [q.id, questionSchema(q)]));
  return z.strictObject({
    answers: z.preprocess((v) => v ?? {}, z.strictObject(answers)),
    consent: consentSchema,
    channel: z.enum(['web', 'social']).default('web'),
    source: z.string().trim().max(40).regex(/^[a-z0-9_-]*$/).optional(),
  });
}

export type SurveyAnswerInput = z.output<ReturnType<typeof answerSchema>>;
