import { toCsv } from '../csv.ts';
import { LEVEL_LABELS, VERDICT_LABELS, type DiagnosisReport, type Tally } from './schemas.ts';

const HEADER = [
  'codigo', 'dimension', 'requisito', 'fuente_legal', 'evidencia_pedida', 'area_responsable', 'valoracion', 'enlaces_evidencia', 'accion_propuesta',
];

const score = (tally: Tally) => (tally.score === null ? 'sin puntaje' : `${tally.score} (${LEVEL_LABELS[tally.level!]})`);

/**
 * The diagnosis as open data: one row per requirement, then the scores (per dimension and overall) as
 * rows whose code cell says what they are. UTF-8 with BOM so spreadsheets show the accents.
 */
export function diagnosisCsv(report: DiagnosisReport): string {
  const names = new Map(report.dimensions.map((d) => [d.code, d.name]));
  const rows = report.items.map((item) => [
    item.code, names.get(item.dimension) ?? item.dimension, item.title, item.legalSource, item.evidenceAsked, item.responsibleArea,
    item.verdict ? VERDICT_LABELS[item.verdict] : 'sin evaluar', item.evidenceLinks.join(' '), item.proposedAction ?? '',
  ]);
  const scores = [
    ...report.dimensions.map((d) => ['puntaje', d.name, score(d)]),
    ['puntaje', 'General', score(report.overall)],
  ];
  return `\uFEFF${toCsv([HEADER, ...rows, ...scores])}`;
}

export const diagnosisCsvFilename = (year: number) => `autodiagnostico-participacion-${year}.csv`;
