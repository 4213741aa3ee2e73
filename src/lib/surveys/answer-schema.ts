import * as z from 'zod';
import { conditionMet, isBlank } from './conditions.ts';
import { OTHER_MAX_LENGTH, OTHER_SUFFIX, OTHER_VALUE, type SurveyDefinition, type SurveyQuestion } from './schemas.ts';

// The same words as submit_survey_response, so a JSON client, the form and the SQL rule agree.
export const REQUIRED = 'Esta pregunta es obligatoria.';
export const CONSENT_REQUIRED = 'Debe autorizar el tratamiento de sus datos para enviar sus respuestas.';
export const NOT_APPLICABLE = 'Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.';
export const OTHER_MISSING = 'Escriba cuál es la otra opción.';
export const OTHER_WITHOUT_CHOICE = 'Marque «Otro» para escribir otra opción, o borre este texto.';
export const NUMBER_INVALID = 'Escriba un número entero, sin puntos ni comas.';
export const DATE_INVALID = 'Escriba una fecha válida (año-mes-día) entre 1900 y 2100.';
export const MATRIX_INVALID = 'Elija una de las opciones en cada fila.';

/** Forms send "" for an untouched field and strings for numbers; JSON sends the real types. */
const blankToUndefined = (v: unknown) => (isBlank(v) ? undefined : v);
const toInteger = (v: unknown) => (typeof v === 'string' && /^\s*-?\d{1,12}\s*$/.test(v) ? Number(v) : v);
const toList = (v: unknown) => (typeof v === 'string' ? [v] : v);
/** A matrix row left blank is unanswered, not wrong. */
const dropBlankRows = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => !isBlank(x))) : v;

function integerBetween(min: number, max: number) {
  const message = `Elija un valor entre ${min} y ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

export function numberMessage(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `Escriba un número entre ${min} y ${max}.`;
  if (min !== null) return `Escriba un número mayor o igual a ${min}.`;
  if (max !== null) return `Escriba un número menor o igual a ${max}.`;
  return NUMBER_INVALID;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900-01-01' && value <= '2100-12-31';
}

function numberSchema(q: SurveyQuestion): z.ZodType {
  const bounds = numberMessage(q.min, q.max);
  let schema = z.number({ error: NUMBER_INVALID }).int(NUMBER_INVALID).min(-999_999_999_999, NUMBER_INVALID).max(999_999_999_999, NUMBER_INVALID);
  if (q.min !== null) schema = schema.min(q.min, bounds);
  if (q.max !== null) schema = schema.max(q.max, bounds);
  return z.preprocess(toInteger, schema);
}

function multipleSchema(q: SurveyQuestion, values: [string, ...string[]]): z.ZodType {
  let list = z
    .array(z.enum(values, { error: 'Elija opciones de la lista.' }))
    .refine((l) => new Set(l).size === l.length, 'Cada opción se puede elegir una sola vez.');
  if (q.min !== null) list = list.refine((l) => l.length >= q.min!, q.min === 1 ? 'Elija al menos una opción.' : `Elija al menos ${q.min} opciones.`);
  if (q.max !== null) list = list.refine((l) => l.length <= q.max!, q.max === 1 ? 'Elija solo una opción.' : `Elija como máximo ${q.max} opciones.`);
  return z.preprocess(toList, list);
}

function matrixSchema(q: SurveyQuestion): z.ZodType {
  const items = new Set(q.items.map((i) => i.key));
  const options = new Set(q.options.map((o) => o.value));
  return z.preprocess(
    dropBlankRows,
    z.record(z.string(), z.unknown(), { error: MATRIX_INVALID }).refine(
      (rows) => Object.entries(rows).every(([item, option]) => items.has(item) && typeof option === 'string' && options.has(option)),
      MATRIX_INVALID,
    ),
  );
}

/** The rules of one non-blank answer; blank answers are judged together below (conditions, required). */
function valueSchema(q: SurveyQuestion): z.ZodType {
  const values = (q.options.length > 0 ? q.options.map((o) => o.value) : ['']) as [string, ...string[]];
  switch (q.type) {
    case 'single_choice':
      return z.enum(values, { error: 'Elija una de las opciones.' });
    case 'multiple_choice':
      return multipleSchema(q, values);
    case 'scale_5':
      return z.preprocess(toInteger, integerBetween(1, 5));
    case 'nps':
      return z.preprocess(toInteger, integerBetween(0, 10));
    case 'number':
      return numberSchema(q);
    case 'date':
      return z.string({ error: DATE_INVALID }).trim().refine(isIsoDate, DATE_INVALID);
    case 'matrix':
      return matrixSchema(q);
    case 'short_text':
    case 'long_text':
      return z.string().trim().max(q.maxLength ?? (q.type === 'short_text' ? 200 : 2000));
  }
}

const optional = (schema: z.ZodType) => z.preprocess(blankToUndefined, schema.optional());

const otherText = optional(z.string().trim().max(OTHER_MAX_LENGTH, `Escriba como máximo ${OTHER_MAX_LENGTH} caracteres.`));

/**
 * Rules that look at several answers: a question hidden by its condition must stay unanswered,
 * required applies only to shown questions, every row of a required matrix, and «Otro» with its words.
 */
function checkAcrossQuestions(questions: SurveyQuestion[]) {
  return (answers: unknown, ctx: z.core.$RefinementCtx) => {
    if (!answers || typeof answers !== 'object') return;
    const given = answers as Record<string, unknown>;
    const shownAnswers: Record<string, unknown> = {};
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    for (const q of questions) {
      const value = given[q.id];
      const otherKey = `${q.id}${OTHER_SUFFIX}`;
      const other = q.allowOther ? given[otherKey] : undefined;
      if (!conditionMet(q.condition, shownAnswers)) {
        if (!isBlank(value) || !isBlank(other)) issue(q.id, NOT_APPLICABLE);
        continue;
      }
      if (isBlank(value)) {
        if (!isBlank(other)) issue(otherKey, OTHER_WITHOUT_CHOICE);
        if (q.required) issue(q.id, REQUIRED);
        continue;
      }
      shownAnswers[q.id] = value;
      if (q.type === 'matrix' && q.required && typeof value === 'object') {
        const rows = value as Record<string, unknown>;
        const missing = q.items.filter((i) => isBlank(rows[i.key])).map((i) => `«${i.label}»`);
        if (missing.length > 0) issue(q.id, `Elija una opción en cada fila. Falta: ${missing.join(', ')}.`);
      }
      if (q.allowOther) {
        const chosen = ([] as unknown[]).concat(value).includes(OTHER_VALUE);
        if (chosen && isBlank(other)) issue(otherKey, OTHER_MISSING);
        if (!chosen && !isBlank(other)) issue(otherKey, OTHER_WITHOUT_CHOICE);
      }
    }
  };
}

export function answersSchema(def: Pick<SurveyDefinition, 'questions'>) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of def.questions) {
    shape[q.id] = optional(valueSchema(q));
    if (q.allowOther) shape[`${q.id}${OTHER_SUFFIX}`] = otherText;
  }
  return z
    .preprocess((v) => v ?? {}, z.strictObject(shape))
    // `when`: run even if a single answer failed, so every problem is reported at once.
    .superRefine(checkAcrossQuestions(def.questions), { when: () => true });
}

const consentSchema = z.preprocess(
  (v) => (v === 'true' || v === 'on' ? true : v),
  z.literal(true, { error: CONSENT_REQUIRED }),
);

export type AnswerSchemaOptions = {
  /** Staff callers (interviewers) may record telephone answers; the SQL function checks the role again. */
  allowPhone?: boolean;
};

/**
 * The body of POST /api/surveys/:slug/responses for one survey, built from its definition.
 * The same schema validates the no-JS form, so both get the same Spanish messages.
 */
export function answerSchema(def: SurveyDefinition, options: AnswerSchemaOptions = {}) {
  return submissionSchema(answersSchema(def), options);
}

/** What every response carries around its answers; the API description shows it with answers of any survey. */
export function submissionSchema<A extends z.ZodType>(answers: A, options: AnswerSchemaOptions = {}) {
  const channels = options.allowPhone ? (['web', 'social', 'phone'] as const) : (['web', 'social'] as const);
  return z.strictObject({
    answers,
    consent: consentSchema,
    channel: z.enum(channels).default('web'),
    source: z.string().trim().max(40).regex(/^[a-z0-9_-]*$/).optional(),
  });
}

export type SurveyAnswerInput = z.output<ReturnType<typeof answerSchema>>;
