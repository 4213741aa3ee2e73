import * as z from 'zod';
import { calendarDay } from '../validation.ts';
import type { StaffRole } from '../auth/claims.ts';
import type { Evidence } from '../accountability/schemas.ts';

/** Who records and moves improvement actions: communications, who run the evaluations (admin always may). */
export const IMPROVEMENT_EDITORS: StaffRole[] = ['communications'];

export const IMPROVEMENT_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** How people read each status. */
export const STATUS_LABELS: Record<ImprovementStatus, string> = {
  planned: 'Planeada',
  in_progress: 'En curso',
  done: 'Cumplida',
  cancelled: 'Cancelada',
};

export const IMPROVEMENT_SOURCES = ['accountability', 'diagnosis'] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

/** The exercise an action comes from, as people name it. */
export const SOURCE_LABELS: Record<ImprovementSource, string> = { accountability: 'Rendición de cuentas', diagnosis: 'Autodiagnóstico' };

/** A new action; forms send the due date as `YYYY-MM-DD` from a date input. */
export const createImprovementInput = z.strictObject({
  source: z.enum(IMPROVEMENT_SOURCES, 'Indique de qué ejercicio sale la acción.'),
  sourceRef: z.string().trim().min(1, 'Indique de qué ejercicio sale la acción.').max(80),
  title: z.string().trim().min(3, 'Escriba la acción (de 3 a 500 caracteres).').max(500, 'Escriba la acción (de 3 a 500 caracteres).'),
  ownerArea: z.string().trim().min(2, 'Escriba el área responsable.').max(120, 'Escriba el área responsable (hasta 120 caracteres).'),
  dueOn: calendarDay('Escriba la fecha límite, por ejemplo 2027-03-31.'),
});
export type CreateImprovementInput = z.infer<typeof createImprovementInput>;

export const updateImprovementInput = z.strictObject({
  status: z.enum(IMPROVEMENT_STATUSES, 'Elija un estado: planeada, en curso, cumplida o cancelada.'),
  note: z.string().trim().min(1, 'Cuente el avance en una nota (hasta 2.000 caracteres).').max(2000, 'Cuente el avance en una nota (hasta 2.000 caracteres).'),
});
export type UpdateImprovementInput = z.infer<typeof updateImprovementInput>;

export type ImprovementUpdate = { status: ImprovementStatus; note: string; at: string };

export type ImprovementAction = {
  id: string;
  source: ImprovementSource;
  sourceRef: string;
  title: string;
  ownerArea: string;
  dueOn: string;
  status: ImprovementStatus;
  doneOn: string | null;
  overdue: boolean;
  updates: ImprovementUpdate[];
  /** What shows it was done: links and uploaded files, oldest first. */
  evidence: Evidence[];
};
