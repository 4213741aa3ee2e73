import type { ActivityKind, ActivityStatus, Hearing, QuestionStatus } from './schemas.ts';

// What people read for each code, one place: pages, the report, its CSV and the e-mails agree.
export const KIND_LABELS: Record<ActivityKind, string> = {
  preparation: 'Alistamiento',
  management_report: 'Publicación del informe de gestión',
  call_for_questions: 'Convocatoria y recepción de preguntas',
  hearing: 'Audiencia pública',
  evaluation: 'Evaluación',
  report: 'Informe de rendición de cuentas',
  other: 'Otra actividad',
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: 'Programada',
  in_progress: 'En curso',
  done: 'Cumplida',
  cancelled: 'Cancelada',
};

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  received: 'En revisión',
  published: 'Publicada',
  merged: 'Unida a otra pregunta',
  out_of_scope: 'Fuera del tema',
};

export const PLATFORM_LABELS: Record<Hearing['streamPlatform'], string> = {
  youtube: 'YouTube',
  facebook: 'Facebook Live',
  teams: 'Microsoft Teams',
  other: 'transmisión en línea',
};

/** "00:42:10" → "minuto 42:10 de la grabación". */
export function recordingLabel(at: string): string {
  const [h, m, s] = at.split(':');
  return h === '00' ? `minuto ${m}:${s} de la grabación` : `${Number(h)} h ${m} min ${s} s de la grabación`;
}
