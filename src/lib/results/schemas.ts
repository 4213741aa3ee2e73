import * as z from 'zod';
import { calendarDay } from '../validation.ts';
import type { SurveyStatus } from '../surveys/schemas.ts';
import { SOCIAL_NETWORKS } from '../social/networks.ts';

/** One bar of a distribution: an option, a scale point, a number (or range) or a month. */
export type ResultBar = { value: string; label: string; count: number; percent: number };

/** A channel or network group of a cross-tab; its options repeat the overall values without labels. */
export type CrossTabGroup = {
  group: string;
  answered: number;
  options: Omit<ResultBar, 'label'>[];
  mean?: number | null;
  score?: number | null;
};

export type NpsFigures = {
  promoters: number;
  passives: number;
  detractors: number;
  promotersPercent: number;
  passivesPercent: number;
  detractorsPercent: number;
  score: number;
};

export type MatrixItem = { key: string; label: string; answered: number; options: ResultBar[] };

export type QuestionResult = {
  id: string;
  type: 'single_choice' | 'multiple_choice' | 'scale_5' | 'nps' | 'matrix' | 'number' | 'date' | 'short_text' | 'long_text';
  label: string;
  section: string | null;
  /** Responses that answered the question (respondents, not rows, for multiple choice and matrix). */
  answered: number;
  options?: ResultBar[];
  distribution?: ResultBar[];
  mean?: number | null;
  median?: number | null;
  min?: number | null;
  max?: number | null;
  nps?: NpsFigures;
  columns?: { value: string; label: string }[];
  items?: MatrixItem[];
  /** Free texts (and "otro" words): only those staff marked publishable, redacted where needed. */
  texts?: { published: string[]; unpublished: number };
  byChannel?: CrossTabGroup[];
  byNetwork?: CrossTabGroup[];
};

export type ReachRow = {
  network: string;
  responses: number;
  followers: number | null;
  measuredOn: string | null;
  per1000: number | null;
};

export type SurveyResults = {
  slug: string;
  title: string;
  description: string;
  planActivity: string | null;
  /** draft only in staff previews. */
  status: SurveyStatus | 'draft';
  publishedAt: string | null;
  generatedAt: string;
  totals: {
    responses: number;
    firstAt: string | null;
    lastAt: string | null;
    byChannel: { channel: string; count: number; percent: number }[];
    byNetwork: { network: string; count: number; percent: number }[];
  };
  questions: QuestionResult[];
  reach: ReachRow[];
};

export type PublishedResult = {
  slug: string;
  title: string;
  description: string;
  planActivity: string | null;
  activityTitle: string | null;
  publishedAt: string;
  responses: number;
};

export type StaffResultsSummary = {
  slug: string;
  title: string;
  planActivity: string | null;
  status: SurveyStatus | 'draft';
  publishedAt: string | null;
  responses: number;
  pendingTexts: number;
};

export type TextAnswer = {
  id: number;
  question: string;
  questionLabel: string;
  kind: 'text' | 'other';
  text: string;
  submittedOn: string;
  reviewed: boolean;
  publishable: boolean;
  redactedText: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
};

export type TextReview = { answerId: number; publishable: boolean; redactedText: string | null; reviewedBy: string | null; reviewedAt: string };

export type FollowerCount = { network: string; measuredOn: string; followers: number };

export const CHANNEL_LABELS: Record<string, string> = {
  web: 'Sitio web',
  social: 'Redes sociales',
  phone: 'Teléfono',
};

export const NETWORK_LABELS: Record<string, string> = {
  ...Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n.value, n.label])),
  otra: 'Otra fuente',
  sin_red: 'Sin red social',
};

export const QUESTION_TYPE_LABELS: Record<QuestionResult['type'], string> = {
  single_choice: 'Una opción',
  multiple_choice: 'Varias opciones',
  scale_5: 'Escala de 1 a 5',
  nps: 'Recomendación de 0 a 10',
  matrix: 'Matriz',
  number: 'Número',
  date: 'Fecha',
  short_text: 'Texto corto',
  long_text: 'Texto largo',
};

// Forms post strings ("true"/"false", "on" for a checked box); JSON posts booleans.
const booleanInput = (message: string) =>
  z.preprocess((v) => (v === 'true' || v === 'on' ? true : v === 'false' ? false : v), z.boolean({ error: message }));

export const publishInput = z.strictObject({
  published: booleanInput('Indique si publica (true) o retira (false) los resultados.'),
});

export const reviewTextInput = z.strictObject({
  publishable: booleanInput('Indique si el texto se puede publicar.'),
  redactedText: z
    .string()
    .trim()
    .max(2000, 'Escriba como máximo 2.000 caracteres.')
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});

export const followersInput = z.strictObject({
  network: z.enum(SOCIAL_NETWORKS.map((n) => n.value) as [string, ...string[]], {
    error: 'Elija una red: Facebook, Instagram, X, TikTok, WhatsApp o YouTube.',
  }),
  measuredOn: calendarDay('Escriba la fecha de la medición (AAAA-MM-DD).'),
  followers: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: 'Escriba un número de seguidores.' })
      .int('Escriba un número entero de seguidores.')
      .min(0, 'Escriba un número de seguidores igual o mayor que 0.')
      .max(2_000_000_000, 'El número de seguidores es demasiado grande.'),
  ),
});
