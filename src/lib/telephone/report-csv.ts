import { toCsv } from '../csv.ts';
import type { ReportFigures, TelephoneReport } from './schemas.ts';

const HEADER = [
  'encuesta', 'ambito', 'servicio', 'contactos', 'intentos', 'contactos_con_intento', 'contactados',
  'tasa_contacto_pct', 'completadas', 'tasa_completitud_pct', 'rechazos', 'numero_equivocado', 'sin_respuesta',
  'en_cola', 'retirados', 'csat_respuestas', 'csat_satisfechos', 'csat_pct', 'nps_respuestas', 'promotores',
  'pasivos', 'detractores', 'nps', 'nps_margen_error_95',
];

function row(slug: string, scope: 'total' | 'servicio', service: string, f: ReportFigures) {
  return [
    slug, scope, service, f.contacts, f.attempts, f.attempted, f.contacted, f.contactRate, f.completed,
    f.completionRate, f.refusals, f.wrongNumbers, f.unreachable, f.inQueue, f.withdrawn, f.csat.n, f.csat.satisfied,
    f.csat.percent, f.nps.n, f.nps.promoters, f.nps.passives, f.nps.detractors, f.nps.score, f.nps.marginOfError,
  ];
}

/**
 * The telephone report as open data: one row for the whole list and one per service, the same figures as
 * the page. Comma-separated, decimal point, UTF-8 with BOM so spreadsheets show the accents; empty cells
 * where a rate has no denominator yet.
 */
export function reportCsv(report: TelephoneReport): string {
  const slug = report.survey.slug;
  const rows = [HEADER, row(slug, 'total', '', report.totals), ...report.byService.map((s) => row(slug, 'servicio', s.service, s))];
  return `\uFEFF${toCsv(rows)}`;
}

export const reportCsvFilename = (slug: string) => `informe-telefonico-${slug}.csv`;
