import * as z from 'zod';
import { calendarDay } from '../validation.ts';

// INPUTS (shared by the API and the staff forms, whose values arrive as strings)

export const VERDICTS = ['complies', 'partial', 'does_not', 'not_applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const LEVELS = ['initial', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  complies: 'Cumple',
  partial: 'Cumple parcialmente',
  does_not: 'No cumple',
  not_applicable: 'No aplica',
};

export const LEVEL_LABELS: Record<Level, string> = { initial: 'Inicial', intermediate: 'Intermedio', advanced: 'Avanzado' };

/** A year in a path: digits only, so `/api/admin/diagnosis/abc` is a 404 and never reaches SQL. */
export function parseYear(value: string | undefined): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const startDiagnosisInput = z.strictObject({
  year: z.coerce.number({ error: 'Escriba el año, por ejemplo 2026.' }).int('Escriba el año, por ejemplo 2026.').min(2000, 'Escriba un año entre 2000 y 2200.').max(2200, 'Escriba un año entre 2000 y 2200.'),
});

export const REQUIREMENT_CODE = /^[A-Z]{2,6}-\d{2,3}$/;

export const addRequirementInput = z.strictObject({
  code: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(REQUIREMENT_CODE, 'Use letras mayúsculas, un guion y dos o tres cifras, por ejemplo RC-05.')),
  dimension: z.string().trim().min(1, 'Elija una dimensión.'),
  title: z.string().trim().min(5).max(300),
  legalSource: z.string().trim().min(3).max(300),
  evidenceAsked: z.string().trim().min(3).max(500),
  responsibleArea: z.string().trim().min(2).max(120),
});
export type AddRequirementInput = z.output<typeof addRequirementInput>;

const EVIDENCE_LINK = /^(https?:\/\/[^\s/]+|\/(?!\/))\S*$/;

/** One link per line in the form; an array in JSON. */
const evidenceLinks = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : value),
  z
    .array(z.string().trim().max(2000).regex(EVIDENCE_LINK, 'Cada enlace debe empezar por https:// o por / (una página de este sitio), sin espacios.'))
    .max(10, 'Escriba como máximo 10 enlaces.')
    .default([]),
);

const answerInput = z.strictObject({
  verdict: z.enum(VERDICTS, { error: 'Elija cumple, cumple parcialmente, no cumple o no aplica.' }),
  evidenceLinks,
  proposedAction: z.preprocess(blankToUndefined, z.string().trim().min(3).max(1000).optional()),
});

/**
 * `{answers: {<requirement code>: {verdict, evidenceLinks, proposedAction}}}`. In the form a requirement
 * left without a verdict is simply not assessed yet, so it is dropped before validation.
 */
export const saveAnswersInput = z.strictObject({
  answers: z.preprocess(
    (value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).filter(([, answer]) => !(answer && typeof answer === 'object' && blankToUndefined((answer as Record<string, unknown>).verdict) === undefined)))
        : value,
    z.record(z.string().regex(REQUIREMENT_CODE, 'Código de requisito no válido.'), answerInput),
  ),
});
export type SaveAnswersInput = z.output<typeof saveAnswersInput>;

export const improvementActionInput = z.strictObject({
  code: z.string().trim().regex(REQUIREMENT_CODE, 'Código de requisito no válido.'),
  ownerArea: z.string().trim().min(2).max(120),
  dueOn: calendarDay('Escriba la fecha límite como AAAA-MM-DD.'),
});
export type ImprovementActionInput = z.output<typeof improvementActionInput>;

// OUTPUTS (as the SQL functions build them)

export type Tally = {
  score: number | null;
  level: Level | null;
  requirements: number;
  assessed: number;
  pending: number;
  complies: number;
  partial: number;
  doesNot: number;
  notApplicable: number;
};

export type DimensionScore = Tally & { code: string; name: string };

export type Scores = { year: number; overall: Tally; dimensions: DimensionScore[] };

export type DiagnosisItem = {
  code: string;
  dimension: string;
  title: string;
  legalSource: string;
  evidenceAsked: string;
  responsibleArea: string;
  verdict: Verdict | null;
  evidenceLinks: string[];
  proposedAction: string | null;
};

export type DiagnosisReport = Scores & {
  status: 'draft' | 'published';
  startedAt: string;
  publishedAt: string | null;
  items: DiagnosisItem[];
  previous: Scores | null;
};

export type PublishedDiagnosis = { year: number; publishedAt: string; overall: Tally };

export type Requirement = Omit<DiagnosisItem, 'verdict' | 'evidenceLinks' | 'proposedAction'> & { retiredAt: string | null };

export type DiagnosisOverview = {
  assessments: { year: number; status: 'draft' | 'published'; publishedAt: string | null; overall: Tally }[];
  dimensions: { code: string; name: string }[];
  requirements: Requirement[];
};
