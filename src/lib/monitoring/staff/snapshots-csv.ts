import { importCsv, type CsvImport } from '../../csv.ts';
import type { Result } from '../../result.ts';
import { snapshotInput, type SnapshotInput } from '../schemas.ts';

/** The columns of the import file, as a spreadsheet header; the first three are required. */
export const SNAPSHOT_COLUMNS = ['red', 'fecha', 'seguidores', 'publicaciones', 'alcance', 'interacciones'] as const;
const FIELD_OF: Record<string, keyof SnapshotInput> = {
  red: 'network',
  fecha: 'measuredOn',
  seguidores: 'followers',
  publicaciones: 'posts',
  alcance: 'reach',
  interacciones: 'engagement',
};
const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column]));
export const MAX_SNAPSHOT_ROWS = 2000;

export type SnapshotRow = SnapshotInput & { line: number };

const SNAPSHOTS: CsvImport<SnapshotInput> = {
  columns: SNAPSHOT_COLUMNS,
  required: SNAPSHOT_COLUMNS.slice(0, 3),
  code: (v) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase(),
  fieldOf: FIELD_OF,
  schema: snapshotInput,
  duplicate: { key: (row) => `${row.network} ${row.measuredOn}`, field: 'measuredOn', message: (first) => `la red y la fecha ya están en la fila ${first}.` },
  maxRows: MAX_SNAPSHOT_ROWS,
  say: {
    unknown: (columns) => `no conocemos ${columns}`,
    headerHint: `Use estas columnas: ${SNAPSHOT_COLUMNS.join(',')} (las tres últimas son opcionales).`,
    headerOnly: 'El archivo solo tiene el encabezado: agregue al menos una fila.',
    tooMany: `Importe como máximo ${MAX_SNAPSHOT_ROWS.toLocaleString('es-CO')} filas por vez.`,
    rowsRefused: 'Revise las filas marcadas: no se importó ninguna cifra.',
    cell: (line, field) => {
      const column = COLUMN_OF[field] ?? field;
      return { key: `rows.${line}.${column}`, label: `Fila ${line}, columna ${column}` };
    },
  },
};

/** The networks' figures file → one validated snapshot per line, all or nothing (src/lib/csv.ts importCsv). */
export function parseSnapshotsCsv(text: string): Result<SnapshotRow[]> {
  return importCsv(text, SNAPSHOTS);
}
