import { rpc } from '../db/store.ts';
import { listImprovementActions } from '../improvement/actions.ts';
import type { ImprovementAction } from '../improvement/schemas.ts';
import type { Activity } from './schemas.ts';

export type QuestionFigures = {
  received: number;
  answered: number;
  answeredOnTime: number;
  pending: number;
  overdue: number;
  live: number;
  written: number;
  merged: number;
  outOfScope: number;
};

export type EvaluationFigures = {
  survey: string | null;
  responses: number;
  clarity: number | null;
  usefulness: number | null;
  questionAnswered: { si: number; parcial: number; no: number; no_pregunte: number };
};

export type HearingFigures = {
  slug: string;
  title: string;
  startsAt: string;
  streamUrl: string | null;
  onlineViewers: number | null;
  inPersonAttendees: number | null;
  questions: QuestionFigures;
  evaluation: EvaluationFigures;
};

/** What public.get_accountability_report returns (…000530_accountability_report.sql), with the year's improvement actions. */
export type AccountabilityReport = {
  year: number;
  schedule: { total: number; done: number; doneOnTime: number; inProgress: number; planned: number; cancelled: number; late: number };
  activities: Activity[];
  hearings: HearingFigures[];
  totals: {
    hearings: number;
    onlineViewers: number;
    inPersonAttendees: number;
    questionsReceived: number;
    questionsAnswered: number;
    answeredOnTime: number;
    questionsOverdue: number;
    evaluationResponses: number;
  };
  evaluation: { heldOn: string; participants: string; results: string } | null;
  improvementActions: ImprovementAction[];
};

/** The consolidated report of a year's exercise, with its improvement actions; null for a year without one. */
export async function getReport(year: number): Promise<AccountabilityReport | null> {
  const [report, improvementActions] = await Promise.all([
    rpc<Omit<AccountabilityReport, 'improvementActions'> | null>('get_accountability_report', { p_year: year }),
    listImprovementActions('accountability', String(year)),
  ]);
  return report && { ...report, improvementActions };
}

/** A share as a whole percentage, or null when there is nothing to divide. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);
