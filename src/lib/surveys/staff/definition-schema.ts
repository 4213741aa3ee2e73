import * as z from 'zod';
import { CONDITION_SOURCE_TYPES, OTHER_VALUE, QUESTION_TYPES, type QuestionType } from '../schemas.ts';
import { calendarInstant } from '../../validation.ts';

// Same rules and words as private.survey_definition_errors (migration 0340), which checks again.
export const SLUG_MESSAGE = 'Use solo letras minúsculas sin tildes, números y guiones (máximo 80), por ejemplo encuesta-servicios-2026.';
const KEY_MESSAGE = 'Use una clave que empiece por letra, con minúsculas, números y guion bajo (máximo 60), sin «__».';
const OPTION_MESSAGE = 'Cada opción necesita un valor (minúsculas, números y guion bajo, máximo 60) y una etiqueta (máximo 200 caracteres).';
const ITEM_MESSAGE = 'Cada fila necesita una clave (minúsculas, números y guion bajo, máximo 60) y una etiqueta (máximo 200 caracteres).';
const INTEGER_MESSAGE = 'Escriba un número entero.';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KEY = /^[a-z][a-z0-9_]*$/;
const VALUE = /^[a-z0-9_]+$/;

/** Blank optional texts are null, as the database stores them. */
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, message).nullable().default(null));

const bound = z.number({ error: INTEGER_MESSAGE }).int(INTEGER_MESSAGE).min(-999_999_999_999, 'Use límites de máximo 12 cifras.').max(999_999_999_999, 'Use límites de máximo 12 cifras.').nullable().default(null);

const optionInput = z.strictObject({
  value: z.string({ error: OPTION_MESSAGE }).trim().regex(VALUE, OPTION_MESSAGE).max(60, OPTION_MESSAGE),
  label: z.string({ error: OPTION_MESSAGE }).trim().min(1, OPTION_MESSAGE).max(200, OPTION_MESSAGE),
});

const itemInput = z.strictObject({
  key: z.string({ error: ITEM_MESSAGE }).trim().regex(VALUE, ITEM_MESSAGE).max(60, ITEM_MESSAGE),
  label: z.string({ error: ITEM_MESSAGE }).trim().min(1, ITEM_MESSAGE).max(200, ITEM_MESSAGE),
});

const conditionInput = z.strictObject({
  question: z.string({ error: 'Elija la pregunta de la que depende esta.' }).trim().min(1, 'Elija la pregunta de la que depende esta.'),
  anyOf: z.array(z.string().trim()).min(1, 'Elija al menos una respuesta que muestre esta pregunta.'),
});

export const questionInput = z.strictObject({
  id: z.string({ error: KEY_MESSAGE }).trim().regex(KEY, KEY_MESSAGE).max(60, KEY_MESSAGE).refine((k) => !k.includes('__'), KEY_MESSAGE),
  type: z.enum(QUESTION_TYPES, { error: 'Elija un tipo de pregunta válido.' }),
  label: z.string({ error: 'Escriba el enunciado de la pregunta (máximo 500 caracteres).' }).trim().min(1, 'Escriba el enunciado de la pregunta (máximo 500 caracteres).').max(500, 'Escriba el enunciado de la pregunta (máximo 500 caracteres).'),
  help: optionalText(1000, 'La ayuda admite máximo 1000 caracteres.'),
  required: z.boolean({ error: 'Indique si la pregunta es obligatoria.' }).default(true),
  section: optionalText(120, 'El nombre de la sección admite máximo 120 caracteres.'),
  options: z.array(optionInput).max(60, 'Use máximo 60 opciones.').default([]),
  items: z.array(itemInput).max(60, 'Use máximo 60 filas.').default([]),
  min: bound,
  max: bound,
  allowOther: z.boolean({ error: 'Indique si la pregunta admite la opción «Otro».' }).default(false),
  condition: conditionInput.nullable().default(null),
});
export type QuestionInput = z.output<typeof questionInput>;

const CHOICE: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
const NUMERIC_ANSWERS: Partial<Record<QuestionType, string[]>> = {
  scale_5: ['1', '2', '3', '4', '5'],
  nps: Array.from({ length: 11 }, (_, n) => String(n)),
};

/** The answers a condition on this question may name. */
export function conditionValues(q: Pick<QuestionInput, 'type' | 'options' | 'allowOther'>): string[] {
  if (CHOICE.includes(q.type)) {
    const values = q.options.map((o) => o.value);
    return q.allowOther && !values.includes(OTHER_VALUE) ? [...values, OTHER_VALUE] : values;
  }
  return NUMERIC_ANSWERS[q.type] ?? [];
}

function checkQuestions(questions: QuestionInput[], ctx: z.core.$RefinementCtx) {
  const issue = (index: number, field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['questions', index, field], message });
  const seen = new Map<string, QuestionInput>();
  questions.forEach((q, index) => {
    if (seen.has(q.id)) issue(index, 'id', `La clave «${q.id}» ya se usa en otra pregunta.`);
    const choice = CHOICE.includes(q.type);

    if (choice || q.type === 'matrix') {
      const values = q.options.map((o) => o.value);
      const repeated = values.find((v, i) => values.indexOf(v) !== i);
      const total = conditionValues(q).length;
      if (repeated) issue(index, 'options', `El valor «${repeated}» se repite.`);
      else if (choice && !q.allowOther && values.includes(OTHER_VALUE)) {
        issue(index, 'options', 'El valor «otro» está reservado para la opción «Otro, ¿cuál?»: active «Permitir otro».');
      }
      if (q.type === 'matrix' && values.length < 2) issue(index, 'options', 'Escriba al menos dos columnas (opciones de respuesta).');
      if (choice && (total < 2 || values.filter((v) => v !== OTHER_VALUE).length < 1)) issue(index, 'options', 'Escriba al menos dos opciones.');
    } else if (q.options.length > 0) issue(index, 'options', 'Este tipo de pregunta no lleva opciones.');

    if (q.type === 'matrix') {
      const keys = q.items.map((i) => i.key);
      const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
      if (keys.length === 0) issue(index, 'items', 'Escriba al menos una fila.');
      else if (repeated) issue(index, 'items', `La clave de fila «${repeated}» se repite.`);
    } else if (q.items.length > 0) issue(index, 'items', 'Solo las preguntas de matriz llevan filas.');

    if (q.allowOther && !choice) issue(index, 'allowOther', 'Solo las preguntas de selección admiten la opción «Otro».');

    if (q.type === 'multiple_choice') {
      const total = conditionValues(q).length;
      if (q.min !== null && (q.min < 1 || q.min > total)) issue(index, 'min', 'El mínimo de opciones debe estar entre 1 y el número de opciones.');
      if (q.max !== null && (q.max < 1 || q.max > total)) issue(index, 'max', 'El máximo de opciones debe estar entre 1 y el número de opciones.');
    }
    if (q.type === 'number' || q.type === 'multiple_choice') {
      if (q.min !== null && q.max !== null && q.min > q.max) issue(index, 'max', 'El máximo no puede ser menor que el mínimo.');
    } else if (q.min !== null || q.max !== null) {
      issue(index, 'min', 'Solo las preguntas de número y de selección múltiple llevan mínimo y máximo.');
    }

    if (q.condition) {
      const source = seen.get(q.condition.question);
      if (!source || !(CONDITION_SOURCE_TYPES as readonly string[]).includes(source.type)) {
        issue(index, 'condition', 'La condición debe referirse a una pregunta de selección o de escala anterior a esta.');
      } else {
        const allowed = conditionValues(source);
        const bad = q.condition.anyOf.find((v) => !allowed.includes(v));
        if (bad !== undefined) issue(index, 'condition', `«${bad}» no es una respuesta posible de «${source.label}».`);
      }
    }
    if (!seen.has(q.id)) seen.set(q.id, q);
  });
}

const isoDateTime = (message: string) =>
  z.preprocess((v) => (v === '' ? null : v), calendarInstant(message).nullable().default(null));

/** A whole survey as the builder saves it (POST /api/admin/surveys, staff_save_survey). */
export const surveyDefinitionInput = z
  .strictObject({
    slug: z.string({ error: SLUG_MESSAGE }).trim().regex(SLUG, SLUG_MESSAGE).max(80, SLUG_MESSAGE),
    title: z.string({ error: 'Escriba el título de la encuesta (máximo 200 caracteres).' }).trim().min(1, 'Escriba el título de la encuesta (máximo 200 caracteres).').max(200, 'Escriba el título de la encuesta (máximo 200 caracteres).'),
    description: z.string().trim().max(2000, 'La descripción admite máximo 2000 caracteres.').default(''),
    planActivity: z.preprocess((v) => (v === '' ? null : v), z.string().trim().regex(/^\d+\.\d+$/, 'Elija una actividad del plan que exista (por ejemplo 1.1).').nullable().default(null)),
    opensAt: isoDateTime('Escriba una fecha y hora de apertura válidas.'),
    closesAt: isoDateTime('Escriba una fecha y hora de cierre válidas.'),
    questions: z.array(questionInput).max(100, 'Una encuesta admite máximo 100 preguntas.').default([]),
  })
  .superRefine((def, ctx) => {
    if (def.opensAt && def.closesAt && Date.parse(def.closesAt) <= Date.parse(def.opensAt)) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'La fecha de cierre debe ser posterior a la de apertura.' });
    }
    checkQuestions(def.questions, ctx);
  });

export type SurveyDefinitionInput = z.output<typeof surveyDefinitionInput>;

export const duplicateInput = z.strictObject({
  newSlug: z.string({ error: SLUG_MESSAGE }).trim().regex(SLUG, SLUG_MESSAGE).max(80, SLUG_MESSAGE),
});

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyAdminStatus = (typeof SURVEY_STATUSES)[number];

export const statusInput = z.strictObject({
  status: z.enum(SURVEY_STATUSES, { error: 'Elija un estado válido: borrador, abierta o cerrada.' }),
});
