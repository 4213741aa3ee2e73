import * as z from 'zod';
import { blankToUndefined, calendarDay } from '../validation.ts';
import { parseBogotaDateTime } from '../bogota-time.ts';

// INPUTS (shared by the API and the staff forms, whose values arrive as strings)

/** A checkbox: present ("on", "true") or absent; JSON sends a boolean. */
const checkbox = z.preprocess((value) => (typeof value === 'string' ? ['on', 'true', '1'].includes(value) : value ?? false), z.boolean());

export const joinTeamInput = z.strictObject({
  area: z.string().trim().min(1, 'Elija su área.'),
  showName: checkbox,
  displayName: z.preprocess(blankToUndefined, z.string().trim().min(2).max(60).optional()),
});
export type JoinTeamInput = z.output<typeof joinTeamInput>;

export const claimInput = z.strictObject({
  note: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
});

/** `{answers: {<question id>: <option index>}}`; the form's radio groups send `answers.<id>=<index>`. */
export const quizInput = z.strictObject({
  answers: z.record(z.string().regex(/^\d+$/), z.coerce.number().int().min(0).max(9), { error: 'Responda todas las preguntas.' }),
});

export const proposeInput = z.strictObject({
  title: z.string().trim().min(5).max(160),
  description: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
});

/** A numeric id in a path; anything else is a 404 that never reaches SQL. */
export function parseId(value: string | undefined): number | null {
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** Options one per line in the form; an array in JSON. */
const optionLines = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : value),
  z.array(z.string().trim().min(1).max(200)).min(2, 'Escriba de 2 a 5 opciones, una por línea.').max(5, 'Escriba de 2 a 5 opciones, una por línea.'),
);

const quizQuestion = z.strictObject({
  prompt: z.string().trim().min(3).max(300),
  options: optionLines,
  correctOption: z.coerce.number().int().min(0).max(4),
  explanation: z.string().trim().min(3).max(600),
});

/**
 * The form numbers its questions (`questions.0.prompt`, …) and may leave the last ones blank; JSON sends an
 * array. Both become the array of the questions actually written.
 */
const questionList = z.preprocess((value) => {
  const list = value && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : value;
  return Array.isArray(list)
    ? list.filter((q) => !(q && typeof q === 'object' && Object.values(q).every((field) => typeof field !== 'string' || field.trim() === '' || /^\d$/.test(field))))
    : list;
}, z.array(quizQuestion).max(5).default([]));

export const addChallengeInput = z
  .strictObject({
    weekOf: calendarDay('Escriba un día de la semana del reto como AAAA-MM-DD.'),
    title: z.string().trim().min(3).max(120),
    description: z.string().trim().min(3).max(1000),
    actionLabel: z.string().trim().min(3).max(200),
    points: z.coerce.number().int().min(1).max(100),
    questions: questionList,
  })
  .superRefine((challenge, ctx) => {
    challenge.questions.forEach((question, index) => {
      if (question.correctOption >= question.options.length) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'correctOption'], message: 'La respuesta correcta debe ser una de las opciones.' });
      }
    });
  });
export type AddChallengeInput = z.output<typeof addChallengeInput>;

export const openVoteInput = z.strictObject({
  title: z.string().trim().min(3).max(160),
  /** ISO 8601 with its offset, or a `datetime-local` value read in Colombian time. */
  closesAt: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const at = parseBogotaDateTime(value);
      if (at) return at.toISOString();
      ctx.addIssue({ code: 'custom', message: 'Escriba la fecha y hora de cierre, por ejemplo 2026-12-15T17:00.' });
      return z.NEVER;
    }),
});
export type OpenVoteInput = z.output<typeof openVoteInput>;

// OUTPUTS (as the SQL functions build them)

export type Badge = { code: string; name: string; description: string };

export type QuizResult = {
  correct: number;
  total: number;
  points: number;
  answers: { questionId: number; chosen: number; correctOption: number; right: boolean; explanation: string }[];
};

export type Challenge = {
  id: number;
  title: string;
  description: string;
  actionLabel: string;
  points: number;
  claimed: boolean;
  questions: { id: number; prompt: string; options: string[] }[];
  quizResult: QuizResult | null;
};

export type Player = { area: string; areaName: string; showName: boolean; displayName: string | null; points: number; badges: Badge[] };

export type PaperWeek = { weekStart: string; player: Player | null; areas: { code: string; name: string }[]; challenges: Challenge[] };

export type Leaderboard = {
  areas: { code: string; name: string; points: number; people: number }[];
  people: { name: string; area: string; points: number }[];
};

export type Measure = { id: number; title: string; description: string | null; votes: number; adopted: boolean; myVote: boolean };

export type PolicyRound = {
  id: number;
  title: string;
  openedAt: string;
  closesAt: string;
  status: 'open' | 'closed';
  voters: number;
  measures: Measure[];
};

export type Participation = {
  players: number;
  areas: number;
  claims: number;
  quizzes: number;
  points: number;
  challenges: number;
  proposals: number;
  votes: number;
};

export type PublishedPolicy = PolicyRound & { participation: Participation };
