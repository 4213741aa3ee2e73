// Spanish labels of the communications values, for every page and form that shows them.
export const COMMITMENT_LABELS = { planned: 'Planeado', in_progress: 'En ejecución', done: 'Cumplido', discarded: 'Descartado' } as const;
export const EXERCISE_LABELS = {
  survey: 'Encuesta',
  hearing: 'Audiencia de rendición de cuentas',
  ticket_service: 'Servicio de boletería',
  advisory_service: 'Servicio de asesorías',
} as const;
export const TARGET_LABELS = {
  survey: 'Encuesta',
  hearing: 'Audiencia pública',
  event: 'Evento',
  service: 'Servicio en línea',
  training: 'Capacitación',
  other: 'Otro ejercicio',
} as const;
export const EVIDENCE_LABELS = { link: 'Enlace', document: 'Documento', photo: 'Foto' } as const;
/** Commitment statuses drawn with the plan's badge colours. */
export const COMMITMENT_BADGE = { planned: 'pending', in_progress: 'in_progress', done: 'done', discarded: 'closed' } as const;
