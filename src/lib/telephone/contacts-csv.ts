import { importCsv, type CsvImport } from '../csv.ts';
import type { Result } from '../result.ts';
import { COLUMN_FIELDS, CSV_COLUMNS, contactRowSchema, toCode, type ContactRow, type CsvColumn } from './schemas.ts';

export const MAX_ROWS = 2000;
const FIELD_COLUMNS = Object.fromEntries(Object.entries(COLUMN_FIELDS).map(([column, field]) => [field, column])) as Record<string, CsvColumn>;

const CONTACTS: CsvImport<Omit<ContactRow, 'line'>> = {
  columns: CSV_COLUMNS,
  required: CSV_COLUMNS,
  code: toCode,
  fieldOf: COLUMN_FIELDS,
  schema: contactRowSchema,
  duplicate: { key: (row) => row.phone, field: 'phone', message: (first) => `este número ya está en la fila ${first} del archivo.` },
  maxRows: MAX_ROWS,
  say: {
    unknown: (columns) => `sobran ${columns} (no importamos más datos de los necesarios)`,
    headerHint: `Use exactamente estas columnas: ${CSV_COLUMNS.join(',')}`,
    headerOnly: 'El archivo solo tiene el encabezado: agregue al menos un contacto.',
    tooMany: `Importe como máximo ${MAX_ROWS.toLocaleString('es-CO')} contactos por vez.`,
    rowsRefused: 'Revise las filas marcadas: no se importó ningún contacto.',
    cell: (line, field) => ({ key: `rows.${line}.${field}`, label: `Fila ${line}, ${FIELD_COLUMNS[field] ?? field}` }),
  },
};

/** The call list's file → one validated contact per line, all or nothing (src/lib/csv.ts importCsv). */
export function parseContactsCsv(text: string): Result<ContactRow[]> {
  return importCsv(text, CONTACTS);
}
