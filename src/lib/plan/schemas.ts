import * as z from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { blankToUndefined } from '../validation.ts';

export const ACTIVITY_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const STATUS_LABELS: Record<ActivityStatus, string> = {
  pending: 'Pendiente',
  in_progress: 'En curso',
  done: 'Realizada',
};

export type PlanEvidence = { id: number; label: string; url: string; addedAt: string };

export type PlanActivity = {
  code: string;
  title: string;
  objective: string;
  product: string;
  status: ActivityStatus;
  responsibleArea: string | null;
  startsOn: string | null;
  endsOn: string | null;
  action: { label: string; href: string } | null;
  evidence: PlanEvidence[];
};

export type PlanPhase = { code: number; name: string; activities: PlanActivity[] };
export type Plan = { phases: PlanPhase[] };

export const activityStatusInput = z.strictObject({
  status: z.enum(ACTIVITY_STATUSES, { error: 'Elija un estado: pendiente, en curso o realizada.' }),
});

export const evidenceInput = z.strictObject({
  label: z.string().trim().min(1, 'Escriba el nombre de la evidencia.').max(200),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^(https?:\/\/\S+|\/\S*)$/, 'Escriba un enlace que empiece por https:// o por /.'),
});

/** A published version of the plan: its number, the Bogotá day it was published and what changed. */
export type PlanVersion = { version: string; publishedOn: string; changes: string };

export const planVersionInput = z.strictObject({
  version: z.string().trim().min(1, 'Escriba el número de la versión, por ejemplo 3 o 2026-3 (hasta 20 caracteres).').max(20, 'Escriba el número de la versión, por ejemplo 3 o 2026-3 (hasta 20 caracteres).'),
  changes: z.string().trim().min(3, 'Cuente qué cambió en esta versión (de 3 a 2.000 caracteres).').max(2000, 'Cuente qué cambió en esta versión (de 3 a 2.000 caracteres).'),
});

/** A year's plan as listed: draft or published, its version, and since when it is (or will be) in force. */
export type PlanYearSummary = {
  year: number;
  status: 'draft' | 'published';
  version: string | null;
  effectiveFrom: string | null;
  publishedAt: string | null;
  inForce: boolean;
};

/** A published year's plan for /participa/plan/:year: its phases with statuses and evidence, and its versions. */
export type PlanYear = PlanYearSummary & Plan & { versions: PlanVersion[] };

/** What staff edit: each activity also carries its phase, order and Menú Participa sections. */
export type StaffPlanActivity = PlanActivity & { phase: number; position: number; sections: number[] };
export type StaffPlan = PlanYearSummary & {
  phases: (Omit<PlanPhase, 'activities'> & { activities: StaffPlanActivity[] })[];
  versions: PlanVersion[];
  sections: { code: number; title: string }[];
};

const YEAR_MESSAGE = 'Escriba el año de la vigencia, entre 2000 y 2100.';
const year = z.coerce.number({ error: YEAR_MESSAGE }).int(YEAR_MESSAGE).min(2000, YEAR_MESSAGE).max(2100, YEAR_MESSAGE);

/** A year in the path (/api/admin/plan/years/:year, /participa/plan/:year): four digits, or not found. */
export function parseYear(value: string | undefined): number | null {
  return value && /^[0-9]{4}$/.test(value) ? Number(value) : null;
}

/** The year of a staff path as a use case's first step: an unknown shape is a plan that does not exist. */
export function pathYear(value: string | undefined): Result<number> {
  const year = parseYear(value);
  return year === null ? fail({ code: 'not_found', message: 'No hay un plan para ese año.' }) : ok(year);
}

export const planYearInput = z.strictObject({
  year,
  copyFrom: z.preprocess(blankToUndefined, z.coerce.number({ error: 'Elija un plan que exista para copiarlo.' }).int('Elija un plan que exista para copiarlo.').min(2000, 'Elija un plan que exista para copiarlo.').max(2100, 'Elija un plan que exista para copiarlo.').optional()),
});

export const planPhaseInput = z.strictObject({
  code: z.coerce.number({ error: 'Escriba el número de la fase, de 1 a 99.' }).int('Escriba el número de la fase, de 1 a 99.').min(1, 'Escriba el número de la fase, de 1 a 99.').max(99, 'Escriba el número de la fase, de 1 a 99.'),
  name: z.string().trim().min(1, 'Escriba el nombre de la fase (hasta 200 caracteres).').max(200, 'Escriba el nombre de la fase (hasta 200 caracteres).'),
});

const isoDate = (message: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message)
      .optional(),
  );

const text = (min: number, max: number, message: string) => z.string({ error: message }).trim().min(min, message).max(max, message);

/** An activity's fields as staff write them; the code is given once, when the activity is created. */
const activityFields = {
  phase: z.coerce.number({ error: 'Elija una fase del plan.' }).int('Elija una fase del plan.').min(1, 'Elija una fase del plan.').max(99, 'Elija una fase del plan.'),
  title: text(3, 300, 'Escriba el nombre de la actividad (de 3 a 300 caracteres).'),
  objective: text(3, 2000, 'Escriba el objetivo (de 3 a 2.000 caracteres).'),
  product: text(3, 2000, 'Escriba la meta o el producto (de 3 a 2.000 caracteres).'),
  responsibleArea: z.preprocess(blankToUndefined, z.string().trim().max(200, 'El área responsable admite hasta 200 caracteres.').optional()),
  startsOn: isoDate('Escriba la fecha de inicio como AAAA-MM-DD.'),
  endsOn: isoDate('Escriba la fecha de fin como AAAA-MM-DD.'),
  // Checkboxes: none sends nothing, one a string, several an array.
  sections: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int('Elija secciones del Menú Participa que existan.').min(1, 'Elija secciones del Menú Participa que existan.').max(99, 'Elija secciones del Menú Participa que existan.')),
  ),
};

const datesInOrder = <T extends { startsOn?: string; endsOn?: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'La fecha de fin no puede ser anterior a la de inicio.' });
  }
};

export const planActivityUpdateInput = z.strictObject(activityFields).superRefine(datesInOrder);
export const planActivityInput = z
  .strictObject({
    code: z.string({ error: 'Escriba el código como 1.1: número de fase, punto y número de la actividad.' }).trim().regex(/^[0-9]{1,2}\.[0-9]{1,2}$/, 'Escriba el código como 1.1: número de fase, punto y número de la actividad.'),
    ...activityFields,
  })
  .superRefine(datesInOrder);

export const planPublishInput = z.strictObject({
  ...planVersionInput.shape,
  effectiveFrom: isoDate('Escriba la fecha de entrada en vigor como AAAA-MM-DD, o déjela vacía (1 de enero del año del plan).'),
});
