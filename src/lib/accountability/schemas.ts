import * as z from 'zod';
import { blankToUndefined, bogotaDateTime, calendarDay } from '../validation.ts';

// The same words as the SQL functions (…000510_accountability_public.sql, …000520_accountability_staff.sql),
// so JSON clients, the forms and the database agree. Forms send strings: blanks mean "not given".
export const MESSAGES = {
  question: 'Escriba su pregunta, entre 10 y 2.000 caracteres.',
  fullName: 'Escriba su nombre (entre 3 y 120 caracteres) o deje el campo vacío.',
  email: 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.',
  consent: 'Debe aceptar el tratamiento de datos personales para recibir la respuesta.',
} as const;

const checkbox = (v: unknown) => (v === 'on' || v === 'true' ? true : v === 'false' ? false : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** POST /api/hearings/:slug/questions. */
export const questionSchema = z.strictObject({
  question: z.string({ error: MESSAGES.question }).trim().min(10, MESSAGES.question).max(2000, MESSAGES.question),
  fullName: z.preprocess(blankToUndefined, z.string({ error: MESSAGES.fullName }).trim().min(3, MESSAGES.fullName).max(120, MESSAGES.fullName).optional()),
  email: z.string({ error: MESSAGES.email }).trim().toLowerCase().max(254, MESSAGES.email).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, MESSAGES.email),
  consent: z.preprocess(checkbox, z.literal(true, { error: MESSAGES.consent })),
  /** The version of the notice the form showed; JSON clients may leave it out (the current one applies). */
  consentVersion: z.string().max(60).optional(),
  /** Honeypot: people never see it; anything in it is refused without a hint. */
  website: z.string().optional(),
});
export type QuestionInput = z.output<typeof questionSchema>;

// STAFF INPUTS

// The schedule's years (its tables check them).
const day = calendarDay('Escriba una fecha válida, por ejemplo 2026-12-05.', { from: 2020, to: 2100 });
const dateTime = bogotaDateTime;
const optionalDateTime = z.preprocess(blankToUndefined, dateTime.optional());
const count = (max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: 'Escriba un número entero desde 0.' }).int('Escriba un número entero desde 0.').min(0).max(max).optional());
const link = (message: string) => z.preprocess(blankToUndefined, z.string().trim().max(2000).regex(/^(https:\/\/|\/(?!\/))\S+$/, message).optional());

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ACTIVITY_KINDS = ['preparation', 'management_report', 'call_for_questions', 'hearing', 'evaluation', 'report', 'other'] as const;
export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const STREAM_PLATFORMS = ['youtube', 'facebook', 'teams', 'other'] as const;

/** POST /api/admin/accountability/activities (and /:id to edit). */
export const activityInput = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS).default('other'),
    title: z.string().trim().min(3).max(160),
    description: optionalText(2000),
    startsOn: day,
    endsOn: day,
    responsibleArea: z.string().trim().min(2).max(120),
    channel: z.string().trim().min(2).max(120),
    status: z.enum(ACTIVITY_STATUSES).default('planned'),
    position: count(1000),
  })
  .refine((a) => a.endsOn >= a.startsOn, { path: ['endsOn'], message: 'La fecha de fin no puede ser anterior a la de inicio.' });
export type ActivityInput = z.output<typeof activityInput>;

/** POST /api/admin/accountability/activities/:id/evidence. */
export const evidenceInput = z.strictObject({
  label: z.string().trim().min(2).max(200),
  url: z.string().trim().max(2000).regex(/^(https?:\/\/|\/(?!\/))\S+$/, 'El enlace debe empezar por https:// o ser una ruta de este sitio que empiece por /.'),
});

/** POST /api/admin/accountability/evaluations/:year: the evaluation meeting. */
export const evaluationInput = z.strictObject({
  heldOn: day,
  participants: optionalText(1000),
  results: z.string().trim().min(10).max(8000),
});

const hearingFields = {
  title: z.string().trim().min(3).max(160),
  agenda: optionalText(4000),
  startsAt: dateTime,
  endsAt: dateTime,
  streamUrl: link('La transmisión debe ser una dirección https://.'),
  streamPlatform: z.preprocess(blankToUndefined, z.enum(STREAM_PLATFORMS).default('youtube')),
  reportUrl: link('El informe debe ser una dirección https:// o una ruta de este sitio.'),
  signLanguage: z.preprocess(checkbox, z.boolean().default(false)),
  captions: z.preprocess(checkbox, z.boolean().default(false)),
  venue: optionalText(200),
  eventSlug: z.preprocess(blankToUndefined, z.string().trim().regex(SLUG_PATTERN, 'Escriba la dirección del evento de boletería, por ejemplo audiencia-presencial.').optional()),
  questionsOpenAt: optionalDateTime,
  questionsCloseAt: optionalDateTime,
  activityId: count(Number.MAX_SAFE_INTEGER),
};
type HearingFields = z.output<z.ZodObject<typeof hearingFields>>;

function hearingChecks(h: HearingFields, ctx: z.RefinementCtx) {
  if (h.endsAt <= h.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'La audiencia debe terminar después de empezar.' });
  if (h.questionsOpenAt && h.questionsCloseAt && h.questionsCloseAt <= h.questionsOpenAt) {
    ctx.addIssue({ code: 'custom', path: ['questionsCloseAt'], message: 'Las preguntas deben cerrar después de abrir.' });
  }
}

/** POST /api/admin/hearings. */
export const createHearingInput = z
  .strictObject({ slug: z.string().trim().min(1).max(60).regex(SLUG_PATTERN, 'Use minúsculas sin tildes, números y guiones (máximo 60), por ejemplo audiencia-1.'), ...hearingFields })
  .superRefine(hearingChecks);
/** POST /api/admin/hearings/:slug (the address is fixed once created). */
export const updateHearingInput = z.strictObject(hearingFields).superRefine(hearingChecks);

/** POST /api/admin/hearings/:slug/attendance. */
export const attendanceInput = z.strictObject({ onlineViewers: count(10_000_000), inPersonAttendees: count(100_000) });

/** POST /api/admin/hearing-questions/:id/moderation. */
export const moderationInput = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('publish') }),
    z.strictObject({ action: z.literal('merge'), into: z.coerce.number({ error: 'Escriba el número de la pregunta.' }).int().min(1).max(1_000_000, 'Escriba el número de una pregunta de esta audiencia.') }),
    z.strictObject({ action: z.literal('out_of_scope'), reason: z.string().trim().min(5).max(1000) }),
  ],
  { error: 'Elija publicar, unir o marcar fuera del tema.' },
);
export type ModerationInput = z.output<typeof moderationInput>;

/** POST /api/admin/hearing-questions/:id/answer. */
export const answerInput = z
  .strictObject({
    mode: z.enum(['live', 'written'], { error: 'Elija si respondió en vivo o por escrito.' }),
    answer: z.string().trim().min(5).max(8000),
    recordingAt: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(/^(\d{1,2}:)?[0-5]?\d:[0-5]\d$/, 'Indique el minuto de la grabación en que se respondió, como 00:42:10.').optional(),
    ),
  })
  .refine((a) => a.mode === 'written' || a.recordingAt !== undefined, {
    path: ['recordingAt'],
    message: 'Indique el minuto de la grabación en que se respondió, como 00:42:10.',
  });
export type AnswerInput = z.output<typeof answerInput>;

/** POST /api/admin/accountability/personal-data/{export,forget}: the citizen's address (in the body, never in a URL). */
export const askerInput = z.strictObject({
  email: z.string({ error: MESSAGES.email }).trim().toLowerCase().max(254, MESSAGES.email).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, MESSAGES.email),
});

// READ MODELS (what the SQL functions return)

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type Evidence = { id: number; label: string; url: string; addedAt: string };
export type Activity = {
  id: number;
  year: number;
  position: number;
  kind: ActivityKind;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  responsibleArea: string;
  channel: string;
  status: ActivityStatus;
  doneOn: string | null;
  overdue: boolean;
  evidence: Evidence[];
};

export type Hearing = {
  slug: string;
  year: number;
  title: string;
  agenda: string;
  startsAt: string;
  endsAt: string;
  streamUrl: string | null;
  streamPlatform: (typeof STREAM_PLATFORMS)[number];
  reportUrl: string | null;
  signLanguage: boolean;
  captions: boolean;
  venue: string | null;
  eventSlug: string | null;
  questionsOpenAt: string;
  questionsCloseAt: string;
  questionsState: 'not_open' | 'open' | 'closed';
  evaluationSurvey: string | null;
  onlineViewers: number | null;
  inPersonAttendees: number | null;
  questionCount: number;
};

export type QuestionStatus = 'received' | 'published' | 'merged' | 'out_of_scope';
export type PublicQuestion = {
  id: string;
  number: number;
  status: QuestionStatus;
  question: string | null;
  mergedInto: number | null;
  reason: string | null;
  answer: string | null;
  answerMode: 'live' | 'written' | null;
  recordingAt: string | null;
  receivedAt: string;
  dueOn: string;
  answeredAt: string | null;
  onTime: boolean | null;
  overdue: boolean;
};
export type StaffQuestion = PublicQuestion & { question: string; fullName: string | null; email: string | null; answeredBy: string | null };

export type ConsentNotice = { version: string; purpose: string; body: string };
export type HearingPage = Hearing & { consent: ConsentNotice; questions: PublicQuestion[] };
export type StaffHearing = Hearing & { activityId: number | null; questions: StaffQuestion[] };
export type Schedule = { year: number; activities: Activity[]; hearings: Hearing[]; years: number[] };
export type SubmittedQuestion = { id: string; number: number; dueOn: string };

export type AskerData = {
  questions: {
    hearing: string;
    number: number;
    question: string;
    fullName: string | null;
    email: string;
    receivedAt: string;
    status: QuestionStatus;
    answer: string | null;
    consent: { version: string; purpose: string; givenAt: string };
  }[];
};
