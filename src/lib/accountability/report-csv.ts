import { toCsv } from '../csv.ts';
import { STATUS_LABELS } from '../improvement/schemas.ts';
import { ACTIVITY_STATUS_LABELS } from './labels.ts';
import type { AccountabilityReport } from './report.ts';

type Row = (string | number | null)[];

export const TOTAL_LABELS: Record<keyof AccountabilityReport['totals'], string> = {
  hearings: 'audiencias',
  onlineViewers: 'asistentes en línea',
  inPersonAttendees: 'asistentes presenciales',
  questionsReceived: 'preguntas recibidas',
  questionsAnswered: 'preguntas respondidas',
  answeredOnTime: 'respondidas a tiempo',
  questionsOverdue: 'preguntas vencidas',
  evaluationResponses: 'respuestas a la evaluación',
};

/**
 * The report as one long CSV table (section, item, indicator, value): the same numbers the page and the JSON
 * show, in a shape a spreadsheet filters without reshaping.
 */
export function reportCsv(report: AccountabilityReport): string {
  const { schedule, totals } = report;
  const rows: Row[] = [['seccion', 'elemento', 'indicador', 'valor']];
  const add = (section: string, item: string, indicator: string, value: string | number | null) => rows.push([section, item, indicator, value]);
  add('cronograma', 'total', 'actividades', schedule.total);
  add('cronograma', 'total', 'cumplidas', schedule.done);
  add('cronograma', 'total', 'cumplidas a tiempo', schedule.doneOnTime);
  add('cronograma', 'total', 'en curso', schedule.inProgress);
  add('cronograma', 'total', 'programadas', schedule.planned);
  add('cronograma', 'total', 'canceladas', schedule.cancelled);
  add('cronograma', 'total', 'atrasadas', schedule.late);
  for (const a of report.activities) {
    add('actividad', a.title, 'estado', ACTIVITY_STATUS_LABELS[a.status]);
    add('actividad', a.title, 'fin previsto', a.endsOn);
    add('actividad', a.title, 'cumplida el', a.doneOn);
    add('actividad', a.title, 'evidencias', a.evidence.length);
  }
  for (const h of report.hearings) {
    add('audiencia', h.title, 'asistentes en línea', h.onlineViewers);
    add('audiencia', h.title, 'asistentes presenciales', h.inPersonAttendees);
    add('audiencia', h.title, 'preguntas recibidas', h.questions.received);
    add('audiencia', h.title, 'preguntas respondidas', h.questions.answered);
    add('audiencia', h.title, 'respondidas a tiempo', h.questions.answeredOnTime);
    add('audiencia', h.title, 'respondidas en vivo', h.questions.live);
    add('audiencia', h.title, 'respondidas por escrito', h.questions.written);
    add('audiencia', h.title, 'unidas a otra pregunta', h.questions.merged);
    add('audiencia', h.title, 'fuera del tema', h.questions.outOfScope);
    add('audiencia', h.title, 'pendientes', h.questions.pending);
    add('audiencia', h.title, 'vencidas', h.questions.overdue);
    add('evaluacion', h.title, 'respuestas a la encuesta', h.evaluation.responses);
    add('evaluacion', h.title, 'claridad promedio (1 a 5)', h.evaluation.clarity);
    add('evaluacion', h.title, 'utilidad promedio (1 a 5)', h.evaluation.usefulness);
    add('evaluacion', h.title, 'recibió respuesta clara', h.evaluation.questionAnswered.si);
    add('evaluacion', h.title, 'respuesta insuficiente', h.evaluation.questionAnswered.parcial);
    add('evaluacion', h.title, 'no recibió respuesta', h.evaluation.questionAnswered.no);
  }
  for (const action of report.improvementActions) {
    add('accion de mejora', action.title, 'responsable', action.ownerArea);
    add('accion de mejora', action.title, 'fecha limite', action.dueOn);
    add('accion de mejora', action.title, 'estado', STATUS_LABELS[action.status]);
    add('accion de mejora', action.title, 'cumplida el', action.doneOn);
  }
  for (const [key, label] of Object.entries(TOTAL_LABELS)) add('total', String(report.year), label, totals[key as keyof typeof totals]);
  return toCsv(rows);
}
