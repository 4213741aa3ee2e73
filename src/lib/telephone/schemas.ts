import * as z from 'zod';
import { parseBogotaDateTime } from '../bogota-time.ts';
import { normalizeColombianPhone } from './phone.ts';

// OUTCOMES, STATES AND LEGAL BASES

export const CALL_OUTCOMES = ['completed', 'no_answer', 'busy', 'wrong_number', 'refused', 'callback'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What an interviewer records without a survey; `completed` goes with the survey form. */
export const OUTCOMES_WITHOUT_SURVEY = ['no_answer', 'busy', 'callback', 'refused', 'wrong_number'] as const;

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  completed: 'Encuesta completada',
  no_answer: 'No contestó',
  busy: 'Ocupado',
  wrong_number: 'Número equivocado',
  refused: 'No quiso responder',
  callback: 'Pidió que lo llamen en otro momento',
};

export type ContactStatus = 'pending' | 'in_call' | 'callback' | 'completed' | 'refused' | 'wrong_number' | 'unreachable' | 'withdrawn';

export const STATUS_LABELS: Record<ContactStatus, string> = {
  pending: 'Por llamar',
  in_call: 'En llamada',
  callback: 'Volver a llamar',
  completed: 'Encuesta completada',
  refused: 'No quiso responder',
  wrong_number: 'Número equivocado',
  unreachable: 'Sin respuesta tras 3 intentos',
  withdrawn: 'Retirado a petición del titular',
};

/** Legal bases to call someone (Ley 1581 de 2012); SQL accepts these and nothing else. */
export const CONSENT_BASES = ['autorizacion_previa', 'solicitud_del_titular', 'funcion_legal'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export const CONSENT_BASIS_LABELS: Record<ConsentBasis, string> = {
  autorizacion_previa: 'Autorización previa del titular al usar el servicio (Ley 1581, art. 9)',
  solicitud_del_titular: 'El titular pidió que lo llamaran',
  funcion_legal: 'Datos requeridos por la entidad en ejercicio de sus funciones legales (Ley 1581, art. 10 a)',
};

/** The columns of the call list file, in this order (the header names them; the order may change). */
export const CSV_COLUMNS = ['nombre', 'telefono', 'servicio', 'base_consentimiento', 'fecha_consentimiento'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const COLUMN_FIELDS: Record<CsvColumn, keyof ContactRowInput> = {
  nombre: 'fullName',
  telefono: 'phone',
  servicio: 'serviceUsed',
  base_consentimiento: 'consentBasis',
  fecha_consentimiento: 'consentedOn',
};

// READ MODELS (what the SQL functions answer)

export type CallRecord = {
  at: string;
  outcome: CallOutcome;
  callbackAt: string | null;
  notes: string | null;
  interviewerEmail: string | null;
};

export type PhoneContact = {
  id: number;
  survey: { slug: string; title: string };
  fullName: string | null;
  phone: string | null;
  serviceUsed: string;
  consentBasis: ConsentBasis;
  consentedOn: string;
  status: ContactStatus;
  attempts: number;
  nextCallAt: string | null;
  lease: { interviewerEmail: string | null; since: string; until: string } | null;
  history: CallRecord[];
};

export type NextContact = { contact: PhoneContact | null; message?: string; nextCallAt?: string | null };

export type ImportSummary = { imported: number; skippedLines: number[]; total: number };

export type OutcomeSummary = {
  contactId: number;
  survey: string;
  outcome: CallOutcome;
  status: ContactStatus;
  attempts: number;
  nextCallAt: string | null;
};

export type CompletedCall = { contactId: number; survey: string; responseId: string; status: 'completed' };

export type QueueStatus = {
  survey: { slug: string; title: string };
  counts: {
    total: number;
    due: number;
    inCall: number;
    waiting: number;
    pending: number;
    callback: number;
    completed: number;
    refused: number;
    wrongNumber: number;
    unreachable: number;
    withdrawn: number;
    purgeable: number;
    purged: number;
  };
  nextCallAt: string | null;
  myCall: number | null;
};

export type ReportFigures = {
  contacts: number;
  attempts: number;
  attempted: number;
  contacted: number;
  contactRate: number | null;
  completed: number;
  completionRate: number | null;
  refusals: number;
  wrongNumbers: number;
  unreachable: number;
  inQueue: number;
  withdrawn: number;
  csat: { n: number; satisfied: number; percent: number | null };
  nps: { n: number; promoters: number; passives: number; detractors: number; score: number | null; marginOfError: number | null };
};

export type TelephoneReport = {
  survey: { slug: string; title: string; planActivity: string | null };
  generatedAt: string;
  csatQuestion: { key: string; label: string } | null;
  npsQuestion: { key: string; label: string } | null;
  totals: ReportFigures;
  outcomes: { completed: number; noAnswer: number; busy: number; wrongNumber: number; refused: number; callback: number };
  byService: (ReportFigures & { service: string })[];
};

// INPUT SCHEMAS

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const collapse = (v: string) => v.replace(/\s+/g, ' ').trim();
/** "Autorización previa" → "autorizacion_previa": the code, whatever the accents, case or spaces. */
export const toCode = (v: string) =>
  v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

export const importInput = z.strictObject({
  csv: z
    .string({ error: 'Pegue el contenido del archivo CSV.' })
    .max(60_000, 'El archivo es demasiado grande: importe como máximo 60.000 caracteres por vez.')
    .refine((v) => v.trim() !== '', 'Pegue el contenido del archivo CSV.'),
});

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());

/** 2026-03-15 or 15/03/2026 (how a spreadsheet in es-CO writes dates) → 2026-03-15, only real dates. */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** One line of the call list, keyed by API field; messages name what to fix in the person's words. */
export const contactRowSchema = z.strictObject({
  fullName: z
    .string()
    .transform(collapse)
    .pipe(z.string().min(1, 'Escriba el nombre de la persona.').min(2, 'Use entre 2 y 120 caracteres.').max(120, 'Use entre 2 y 120 caracteres.')),
  phone: z.string().transform((value, ctx) => {
    if (value.trim() === '') {
      ctx.issues.push({ code: 'custom', message: 'Escriba el teléfono.', input: value });
      return z.NEVER;
    }
    const phone = normalizeColombianPhone(value);
    if (phone.ok) return phone.value;
    ctx.issues.push({ code: 'custom', message: phone.message, input: value });
    return z.NEVER;
  }),
  serviceUsed: z
    .string()
    .transform(collapse)
    .pipe(z.string().min(1, 'Escriba el servicio que usó la persona.').max(120, 'Use como máximo 120 caracteres.')),
  consentBasis: z
    .string()
    .transform(toCode)
    .pipe(z.enum(CONSENT_BASES, { error: `Use una de estas bases: ${CONSENT_BASES.join(', ')}.` })),
  consentedOn: z.string().transform((value, ctx) => {
    const date = toIsoDate(value);
    if (!date) ctx.issues.push({ code: 'custom', message: 'Escriba una fecha real como 2026-03-15 o 15/03/2026.', input: value });
    else if (date > today()) ctx.issues.push({ code: 'custom', message: 'No puede ser una fecha futura.', input: value });
    else if (date < '2000-01-01') ctx.issues.push({ code: 'custom', message: 'Revise el año.', input: value });
    else return date;
    return z.NEVER;
  }),
});
export type ContactRowInput = z.input<typeof contactRowSchema>;
export type ContactRow = z.output<typeof contactRowSchema> & { line: number };

/** A contact id from a URL: digits only, else the contact simply does not exist. */
export const contactIdOf = (raw: string | undefined): number | null => (raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null);

/** Survey slugs as SQL accepts them; anything else is an unknown survey. */
export const isSlug = (raw: string | undefined): raw is string => !!raw && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(raw) && raw.length <= 80;

const notesField = z.preprocess(
  blankToUndefined,
  z.string({ error: 'Escriba las notas como texto.' }).trim().max(500, 'Las notas admiten máximo 500 caracteres.').optional(),
);

export const outcomeInput = z
  .strictObject({
    outcome: z.enum(CALL_OUTCOMES, { error: 'Elija el resultado de la llamada.' }),
    callbackAt: z.preprocess(
      blankToUndefined,
      z
        .string({ error: 'Indique la fecha y la hora como 2026-11-25T15:30.' })
        .transform((value, ctx) => {
          const at = parseBogotaDateTime(value);
          if (at) return at;
          ctx.issues.push({ code: 'custom', message: 'Indique una fecha y una hora reales, como 2026-11-25T15:30 (hora de Colombia).', input: value });
          return z.NEVER;
        })
        .optional(),
    ),
    notes: notesField,
    responseId: z.preprocess(blankToUndefined, z.uuid({ error: 'El identificador de la respuesta no es válido.' }).optional()),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'callback') {
      if (!input.callbackAt) ctx.addIssue({ code: 'custom', path: ['callbackAt'], message: 'Indique la fecha y la hora acordadas para volver a llamar.' });
      else if (input.callbackAt.getTime() <= Date.now()) ctx.addIssue({ code: 'custom', path: ['callbackAt'], message: 'La hora para volver a llamar debe ser futura.' });
      else if (input.callbackAt.getTime() > Date.now() + 90 * 86_400_000)
        ctx.addIssue({ code: 'custom', path: ['callbackAt'], message: 'Acuerde una nueva llamada dentro de los próximos 90 días.' });
    }
    if (input.outcome === 'completed' && !input.responseId) {
      ctx.addIssue({ code: 'custom', path: ['responseId'], message: 'Una llamada completada necesita la respuesta de la encuesta registrada en ella.' });
    }
  });
export type OutcomeInput = z.output<typeof outcomeInput>;

/** What travels with the survey answers of a call: the interviewer's notes. */
export const callNotesInput = z.strictObject({ notes: notesField });

export const CONSENT_CONFIRMATION = 'Confirme que leyó el aviso de datos personales a la persona y que ella lo aceptó.';

export const forgetInput = z.strictObject({
  phone: z.string({ error: 'Escriba el número.' }).transform((value, ctx) => {
    const phone = normalizeColombianPhone(value);
    if (phone.ok) return phone.value;
    ctx.issues.push({ code: 'custom', message: phone.message, input: value });
    return z.NEVER;
  }),
});

/** Bodies that carry nothing (the "Llamar al siguiente" button, the purge button). */
export const emptyInput = z.strictObject({});
