import * as z from 'zod';

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
