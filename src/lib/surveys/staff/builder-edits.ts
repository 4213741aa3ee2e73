import { OTHER_VALUE, QUESTION_TYPES, type QuestionType } from '../schemas.ts';
import type { QuestionInput, SurveyDefinitionInput } from './definition-schema.ts';

/**
 * The builder's forms edit one piece of a survey at a time; each edit becomes a whole new
 * definition (the stored one plus the change) saved with staff_save_survey, so the same rules
 * and the same lock apply as to an API client.
 */

export const BUILDER_ACTIONS = ['datos', 'pregunta', 'agregar', 'subir', 'bajar', 'eliminar'] as const;
export type BuilderAction = (typeof BUILDER_ACTIONS)[number];

type FormData = Record<string, unknown>;

/** A form's question as typed: kept to show it again beside its errors. */
export type QuestionForm = {
  clave: string;
  id: string;
  type: string;
  label: string;
  help: string;
  required: boolean;
  section: string;
  options: string;
  items: string;
  min: string;
  max: string;
  allowOther: boolean;
  conditionQuestion: string;
  conditionValues: string;
};

export type SurveyForm = { title: string; description: string; planActivity: string; opensAt: string; closesAt: string };

export type Edit =
  | { ok: true; definition: SurveyDefinitionInput; action: BuilderAction; index: number | null; focus: string | null }
  | { ok: false; message: string };

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const checked = (v: unknown) => ([] as unknown[]).concat(v).some((x) => x === 'true' || x === 'on');

/** «Atención al ciudadano» → atencion_al_ciudadano: what staff type becomes a valid value. */
export function valueFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

/** One per line, «valor | etiqueta» or just the label (the value is made from it). */
export function parseLines(text: string): { value: string; label: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.indexOf('|');
      if (bar < 0) return { value: valueFromLabel(line), label: line };
      return { value: line.slice(0, bar).trim(), label: line.slice(bar + 1).trim() };
    });
}

export const linesOf = (entries: { value: string; label: string }[]) => entries.map((e) => `${e.value} | ${e.label}`).join('\n');

/** Colombia has no daylight saving time: its local time is always UTC−5. */
const BOGOTA_OFFSET = '-05:00';

/** `<input type="datetime-local">` (Bogotá time) → ISO with offset; '' → null. */
export function fromLocalInput(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value.trim()) ? `${value.trim()}:00${BOGOTA_OFFSET}` : undefined;
}

/** ISO instant → `YYYY-MM-DDTHH:MM` in Bogotá, for a datetime-local input. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(Date.parse(iso) - 5 * 3600_000);
  return Number.isNaN(at.getTime()) ? '' : at.toISOString().slice(0, 16);
}

export function questionFormOf(q: QuestionInput): QuestionForm {
  const options = q.allowOther ? q.options.filter((o) => o.value !== OTHER_VALUE) : q.options;
  return {
    clave: q.id,
    id: q.id,
    type: q.type,
    label: q.label,
    help: q.help ?? '',
    required: q.required,
    section: q.section ?? '',
    options: linesOf(options),
    items: linesOf(q.items.map((i) => ({ value: i.key, label: i.label }))),
    min: q.min === null ? '' : String(q.min),
    max: q.max === null ? '' : String(q.max),
    allowOther: q.allowOther,
    conditionQuestion: q.condition?.question ?? '',
    conditionValues: q.condition?.anyOf.join(', ') ?? '',
  };
}

export function questionFormFrom(data: FormData): QuestionForm {
  return {
    clave: str(data.clave).trim(),
    id: str(data.id).trim(),
    type: str(data.type),
    label: str(data.label),
    help: str(data.help),
    required: checked(data.required),
    section: str(data.section),
    options: str(data.options),
    items: str(data.items),
    min: str(data.min).trim(),
    max: str(data.max).trim(),
    allowOther: checked(data.allowOther),
    conditionQuestion: str(data.conditionQuestion).trim(),
    conditionValues: str(data.conditionValues),
  };
}

export function surveyFormFrom(data: FormData): SurveyForm {
  return {
    title: str(data.title),
    description: str(data.description),
    planActivity: str(data.planActivity),
    opensAt: str(data.opensAt),
    closesAt: str(data.closesAt),
  };
}

const bound = (text: string): number | null | string => (text === '' ? null : /^-?\d+$/.test(text) ? Number(text) : text);

/**
 * The question a form describes. Fields that do not apply to its type are dropped (a question
 * turned from choice into text loses its options); the «Otro» option keeps its stored label.
 */
export function questionFromForm(form: QuestionForm, stored?: QuestionInput): Record<string, unknown> {
  const type = (QUESTION_TYPES as readonly string[]).includes(form.type) ? (form.type as QuestionType) : form.type;
  const choice = type === 'single_choice' || type === 'multiple_choice';
  const withOptions = choice || type === 'matrix';
  let options = withOptions ? parseLines(form.options) : [];
  const allowOther = choice && form.allowOther;
  if (allowOther) {
    const storedOther = stored?.options.find((o) => o.value === OTHER_VALUE);
    options = options.filter((o) => o.value !== OTHER_VALUE);
    options.push(storedOther ?? { value: OTHER_VALUE, label: 'Otro, ¿cuál?' });
  }
  const anyOf = form.conditionValues.split(/[,;\n]/).map((v) => v.trim()).filter(Boolean);
  return {
    id: form.id,
    type,
    label: form.label,
    help: form.help.trim() === '' ? null : form.help,
    required: form.required,
    section: form.section.trim() === '' ? null : form.section,
    options,
    items: type === 'matrix' ? parseLines(form.items).map((i) => ({ key: i.value, label: i.label })) : [],
    min: type === 'number' || type === 'multiple_choice' ? bound(form.min) : null,
    max: type === 'number' || type === 'multiple_choice' ? bound(form.max) : null,
    allowOther,
    condition: form.conditionQuestion ? { question: form.conditionQuestion, anyOf } : null,
  };
}

/** The stored definition with one builder form applied. */
export function applyEdit(definition: SurveyDefinitionInput, data: FormData): Edit {
  const action = BUILDER_ACTIONS.find((a) => a === data.accion);
  if (!action) return { ok: false, message: 'Acción desconocida.' };
  const questions = [...definition.questions];
  const key = str(data.clave).trim();
  const index = questions.findIndex((q) => q.id === key);

  if (action === 'datos') {
    const form = surveyFormFrom(data);
    const opensAt = fromLocalInput(form.opensAt);
    const closesAt = fromLocalInput(form.closesAt);
    const next = {
      ...definition,
      title: form.title,
      description: form.description,
      planActivity: form.planActivity === '' ? null : form.planActivity,
      opensAt: opensAt === undefined ? form.opensAt : opensAt,
      closesAt: closesAt === undefined ? form.closesAt : closesAt,
    } as SurveyDefinitionInput;
    return { ok: true, definition: next, action, index: null, focus: null };
  }

  if (action === 'agregar') {
    const form = questionFormFrom(data);
    questions.push(questionFromForm(form) as QuestionInput);
    return { ok: true, definition: { ...definition, questions }, action, index: questions.length - 1, focus: form.id };
  }

  if (index < 0) return { ok: false, message: 'Esa pregunta ya no existe. Recargue la página.' };

  if (action === 'pregunta') {
    const form = questionFormFrom(data);
    questions[index] = questionFromForm(form, questions[index]) as QuestionInput;
    return { ok: true, definition: { ...definition, questions }, action, index, focus: form.id };
  }
  if (action === 'eliminar') {
    questions.splice(index, 1);
    return { ok: true, definition: { ...definition, questions }, action, index: null, focus: null };
  }
  const target = action === 'subir' ? index - 1 : index + 1;
  if (target < 0 || target >= questions.length) return { ok: true, definition, action, index, focus: key };
  [questions[index], questions[target]] = [questions[target], questions[index]];
  return { ok: true, definition: { ...definition, questions }, action, index: target, focus: key };
}
