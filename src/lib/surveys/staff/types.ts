import type { SurveyStatus } from '../schemas.ts';
import type { SurveyAdminStatus, SurveyDefinitionInput } from './definition-schema.ts';

/** What the public sees of a survey, plus `draft` (nothing). */
export type PublicStatus = SurveyStatus | 'draft';

/** One survey as the builder sees it (staff_get_survey and the write functions). */
export type StaffSurvey = {
  definition: SurveyDefinitionInput;
  status: SurveyAdminStatus;
  publicStatus: PublicStatus;
  responses: number;
  /** Has answers: only changes that keep them valid are accepted. */
  locked: boolean;
  updatedAt: string;
};

export type SavedSurvey = StaffSurvey & { created: boolean };

export type StaffSurveySummary = {
  slug: string;
  title: string;
  planActivity: string | null;
  status: SurveyAdminStatus;
  publicStatus: PublicStatus;
  opensAt: string | null;
  closesAt: string | null;
  questions: number;
  responses: number;
  locked: boolean;
  updatedAt: string;
};

export const ADMIN_STATUS_LABELS: Record<SurveyAdminStatus, string> = { draft: 'Borrador', open: 'Abierta', closed: 'Cerrada' };
export const PUBLIC_STATUS_LABELS: Record<PublicStatus, string> = {
  draft: 'No publicada',
  open: 'Recibe respuestas',
  scheduled: 'Programada',
  closed: 'Cerrada',
};
