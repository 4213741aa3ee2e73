import * as z from 'zod';
import { blankToUndefined } from '../validation.ts';

// The same words as the SQL functions (…000600_personal_data_requests.sql), so JSON clients, the forms and
// the database agree.

/** What a person may ask (Ley 1581): to know their data (art. 14), or a reclamo to correct or suppress it (art. 15). */
export const REQUEST_KINDS = ['consulta', 'correccion', 'supresion'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const KIND_LABELS: Record<RequestKind, string> = {
  consulta: 'Conocer mis datos (consulta)',
  correccion: 'Corregir mis datos (reclamo)',
  supresion: 'Suprimir mis datos (reclamo)',
};

export const STATUS_LABELS = {
  received: 'Recibida',
  in_progress: 'En trámite',
  extended: 'Prorrogada',
  answered: 'Respondida',
} as const;

export const MESSAGES = {
  email: 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.',
  kind: 'Elija qué quiere hacer: conocer, corregir o suprimir sus datos.',
  message: 'Escriba el mensaje en 2.000 caracteres o menos.',
  correction: 'Diga qué dato hay que corregir y cómo debe quedar.',
  reason: 'Explique a la persona el motivo de la prórroga (entre 10 y 2.000 caracteres).',
  answer: 'Escriba la respuesta a la persona (entre 10 y 10.000 caracteres).',
} as const;

// PostgreSQL stores neither a NUL character nor half of a surrogate pair: a 422 naming the field, not a 500.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (value: string) => !UNSTORABLE.test(value);
const NOT_STORABLE = 'El texto tiene caracteres que no se pueden guardar; escríbalo de nuevo.';

const email = z.string({ error: MESSAGES.email }).trim().toLowerCase().max(254, MESSAGES.email).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, MESSAGES.email).refine(storable, MESSAGES.email);
const kind = z.enum(REQUEST_KINDS, { error: MESSAGES.kind });
const message = z.preprocess(blankToUndefined, z.string().trim().max(2000, MESSAGES.message).refine(storable, NOT_STORABLE).optional());
const token = z.string({ error: 'El enlace no es válido: ábralo de nuevo desde el correo.' }).regex(/^[0-9a-f]{64}$/, 'El enlace no es válido: ábralo de nuevo desde el correo.');

/** POST /api/personal-data/requests. `website` is the honeypot. */
export const requestInput = z.strictObject({ email, kind, message, website: z.string().optional() });

/** POST /api/personal-data/requests/confirm: the person may change what they ask once they have seen their data. */
export const confirmInput = z
  .strictObject({ token, kind, message })
  .refine((v) => v.kind !== 'correccion' || v.message, { path: ['message'], message: MESSAGES.correction });

export const linkInput = z.strictObject({ token });

/** POST /api/admin/personal-data/requests/:id/extend. */
export const extendInput = z.strictObject({ reason: z.string({ error: MESSAGES.reason }).trim().min(10, MESSAGES.reason).max(2000, MESSAGES.reason).refine(storable, NOT_STORABLE) });

/** POST /api/admin/personal-data/requests/:id/answer. */
export const answerInput = z.strictObject({ answer: z.string({ error: MESSAGES.answer }).trim().min(10, MESSAGES.answer).max(10000, MESSAGES.answer).refine(storable, NOT_STORABLE) });

export const requestId = z.uuid();

// READ MODELS (as the SQL functions return them)

const waiting = z.object({ dataset: z.string(), until: z.string(), reason: z.string() });
export const suppressionOutcome = z.object({ suppressed: z.record(z.string(), z.number().int()), waiting: z.array(waiting) });
export type SuppressionOutcome = z.output<typeof suppressionOutcome>;

/** A confirmed request as the officer sees it (the person's link shows it without email and answer). */
export const dataRequest = z.object({
  id: z.uuid(),
  number: z.number().int(),
  email: z.string(),
  kind: z.enum(REQUEST_KINDS),
  message: z.string().nullable(),
  status: z.enum(['received', 'in_progress', 'extended', 'answered']),
  confirmedAt: z.string(),
  dueOn: z.string().meta({ description: 'Fecha límite legal (AAAA-MM-DD), en días hábiles de Colombia.' }),
  overdue: z.boolean(),
  extendedAt: z.string().nullable(),
  extensionReason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  suppression: suppressionOutcome.nullable(),
  suppressionCompletedAt: z.string().nullable(),
});
export type DataRequest = z.output<typeof dataRequest>;
export const publicRequest = dataRequest.omit({ email: true, answer: true });
export type PublicRequest = z.output<typeof publicRequest>;
