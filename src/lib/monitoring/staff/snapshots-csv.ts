import { parseCsv } from '../../csv.ts';
import { fail, ok, type Result } from '../../result.ts';
import { fieldsOf } from '../../validation.ts';
import { snapshotInput, type SnapshotInput } from '../schemas.ts';

/** The columns of the import file, as a spreadsheet header; the first three are required. */
export const SNAPSHOT_COLUMNS = ['red', 'fecha', 'seguidores', 'publicaciones', 'alcance', 'interacciones'] as const;
const REQUIRED = SNAPSHOT_COLUMNS.slice(0, 3);
const FIELD_OF: Record<string, keyof SnapshotInput> = {
  red: 'network',
  fecha: 'measuredOn',
  seguidores: 'followers',
  publicaciones: 'posts',
  alcance: 'reach',
  interacciones: 'engagement',
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column]));
export const MAX_SNAPSHOT_ROWS = 2000;

export type SnapshotRow = SnapshotInput & { line: number };

const columnCode = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The pasted file → one validated snapshot per line, every error at once and keyed `rows.<line>.<column>`
 * with «Fila N, columna X» in its message (the header is line 1, as a spreadsheet numbers it).
 */
export function parseSnapshotsCsv(text: string): Result<SnapshotRow[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail({ code: 'validation_failed', message: 'No pudimos leer el archivo.', fields: { csv: parsed.message } });
  const [header, ...records] = parsed.records;
  const expected = SNAPSHOT_COLUMNS.join(',');
  if (!header) return fail({ code: 'validation_failed', fields: { csv: `El archivo está vacío. La primera fila debe ser el encabezado: ${expected}` } });
  const columns = header.cells.map(columnCode);
  const unknown = columns.filter((c) => !(SNAPSHOT_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length + missing.length + repeated.length > 0) {
    const problems = [
      missing.length > 0 && `faltan ${missing.join(', ')}`,
      unknown.length > 0 && `no conocemos ${unknown.map((c) => c || '(vacía)').join(', ')}`,
      repeated.length > 0 && `se repite ${repeated.join(', ')}`,
    ].filter(Boolean);
    return fail({
      code: 'validation_failed',
      message: 'El encabezado del archivo no es el esperado.',
      fields: { csv: `Fila ${header.line} (encabezado): ${problems.join('; ')}. Use estas columnas: ${expected} (las tres últimas son opcionales).` },
    });
  }
  if (records.length === 0) return fail({ code: 'validation_failed', fields: { csv: 'El archivo solo tiene el encabezado: agregue al menos una fila.' } });
  if (records.length > MAX_SNAPSHOT_ROWS) return fail({ code: 'validation_failed', fields: { csv: `Importe como máximo ${MAX_SNAPSHOT_ROWS.toLocaleString('es-CO')} filas por vez.` } });

  const fields: Record<string, string> = {};
  const rows: SnapshotRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.length !== columns.length) {
      fields[`rows.${line}`] = `Fila ${line}: tiene ${cells.length} columnas y se esperaban ${columns.length}. Revise los separadores y las comillas.`;
      continue;
    }
    const raw = Object.fromEntries(columns.map((column, i) => [FIELD_OF[column], cells[i]]));
    const row = snapshotInput.safeParse(raw);
    if (!row.success) {
      for (const [field, message] of Object.entries(fieldsOf(row.error))) {
        const column = COLUMN_OF[field] ?? field;
        fields[`rows.${line}.${column}`] = `Fila ${line}, columna ${column}: ${lowerFirst(message)}`;
      }
      continue;
    }
    const key = `${row.data.network} ${row.data.measuredOn}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fields[`rows.${line}.fecha`] = `Fila ${line}, columna fecha: la red y la fecha ya están en la fila ${first}.`;
      continue;
    }
    seen.set(key, line);
    rows.push({ line, ...row.data });
  }
  if (Object.keys(fields).length > 0) return fail({ code: 'validation_failed', message: 'Revise las filas marcadas: no se importó ninguna cifra.', fields });
  return ok(rows);
}
