import * as z from 'zod';
import { parseBogotaDateTime } from './bogota-time.ts';
import { fail, ok, type Result } from './result.ts';

type Issue = z.core.$ZodIssue;

function lengthMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const big = issue.code === 'too_big';
  switch (issue.origin) {
    case 'string':
      if (!big && bound === 1) return 'Este campo es obligatorio.';
      return big ? `Escriba como máximo ${bound} caracteres.` : `Escriba al menos ${bound} caracteres.`;
    case 'array':
    case 'set':
      if (!big && bound === 1) return 'Elija al menos una opción.';
      return big ? `Elija como máximo ${bound} opciones.` : `Elija al menos ${bound} opciones.`;
    default:
      return big ? `El valor máximo es ${bound}.` : `El valor mínimo es ${bound}.`;
  }
}

/** Messages for people, in Spanish, for issues a schema did not word itself. */
function messageFor(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined || input === null ? 'Este campo es obligatorio.' : 'El valor enviado no es válido para este campo.';
    case 'too_big':
    case 'too_small':
      return lengthMessage(issue);
    case 'invalid_value':
      return 'Elija una de las opciones disponibles.';
    case 'invalid_format':
      return issue.format === 'email' ? 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.' : 'El formato no es válido.';
    case 'not_multiple_of':
      return 'Escriba un número entero.';
    case 'unrecognized_keys':
      return 'Este campo no está permitido.';
    default:
      return 'El valor enviado no es válido.';
  }
}

z.config({ customError: (issue) => messageFor(issue as Issue, issue.input) });

const pathOf = (path: PropertyKey[]): string => {
  const parts = path.map(String);
  // An error on one element of a list belongs to the question, not to "answers.q.2".
  while (parts.length > 0 && /^\d+$/.test(parts[parts.length - 1])) parts.pop();
  return parts.join('.');
};

/**
 * Text PostgreSQL cannot store: a NUL character (text and jsonb refuse it) or half of a surrogate pair
 * (it has no UTF-8 form; the driver would silently store U+FFFD instead).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

export const UNSTORABLE_TEXT_MESSAGE = 'Contiene caracteres no permitidos.';

type Node = { value: unknown; key?: string; parent?: Node };

const pathTo = (node: Node): string[] => {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
  return keys;
};

/**
 * Every string of a parsed body, names included, that PostgreSQL could not store, as the contract's
 * `fields` map: one rule for every operation, whatever its schema. Walked with a list rather than
 * recursion, and each path built only when reported, so a body nested thousands of levels deep costs
 * neither the stack nor quadratic time.
 */
export function unstorableTextFields(data: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const report = (node: Node) => (fields[pathOf(pathTo(node)) || 'body'] ??= UNSTORABLE_TEXT_MESSAGE);
  const pending: Node[] = [{ value: data }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value } = node;
    if (typeof value === 'string') {
      if (!isStorableText(value)) report(node);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (isStorableText(key)) pending.push({ value: child, key, parent: node });
        else report({ value: child, key: key.replace(UNSTORABLE_ALL, '\ufffd'), parent: node });
      }
    }
  }
  return fields;
}

/** The contract's `fields` map: one Spanish message per path, first issue wins. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => pathOf([...issue.path, k])) : [pathOf(issue.path)];
    for (const key of keys) fields[key || 'body'] ??= issue.message;
  }
  return fields;
}

export function validate<S extends z.ZodType>(schema: S, data: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(data);
  return parsed.success ? ok(parsed.data) : fail({ code: 'validation_failed', fields: fieldsOf(parsed.error) });
}

/** An id in a path that is not a UUID names nothing; checked before it reaches a uuid cast in SQL. */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Forms send every field as a string: an empty box means "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export type Years = { from: number; to: number };

/** The years the portal plans, schedules and reports in. PostgreSQL has no year 0, and tables check their years. */
export const PORTAL_YEARS: Years = { from: 2000, to: 2100 };

const yearsMessage = ({ from, to }: Years) => `Escriba una fecha entre los años ${from} y ${to}.`;
const inYears = (year: number, { from, to }: Years) => year >= from && year <= to;

/** A calendar day, AAAA-MM-DD, within `years`. */
export const calendarDay = (message: string, years: Years = PORTAL_YEARS) =>
  z.iso.date({ error: message }).refine((day) => inYears(Number(day.slice(0, 4)), years), { message: yearsMessage(years) });

/** An ISO time with its offset (`2026-12-05T18:30:00-05:00`) within `years`. */
export const calendarInstant = (message: string, years: Years = PORTAL_YEARS) =>
  z.iso.datetime({ offset: true, error: message }).refine((at) => inYears(Number(at.slice(0, 4)), years), { message: yearsMessage(years) });

/** A staff form's date and time: an ISO time with its offset, or a `datetime-local` value read in Colombian time. */
export const bogotaDateTime = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const at = parseBogotaDateTime(value);
    if (at && !inYears(at.getUTCFullYear(), PORTAL_YEARS)) {
      ctx.addIssue({ code: 'custom', message: yearsMessage(PORTAL_YEARS) });
      return z.NEVER;
    }
    if (at) return at.toISOString();
    ctx.addIssue({ code: 'custom', message: 'Escriba una fecha y hora válidas, por ejemplo 2026-12-05T18:30.' });
    return z.NEVER;
  });
