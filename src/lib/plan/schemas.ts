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
