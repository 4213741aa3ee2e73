import { fieldsOf } from '../validation.ts';
import { fail, ok, type Result } from '../result.ts';
import { parseCsv } from '../csv.ts';
import { COLUMN_FIELDS, CSV_COLUMNS, contactRowSchema, toCode, type ContactRow, type CsvColumn } from './schemas.ts';

export const MAX_ROWS = 2000;
const HEADER = CSV_COLUMNS.join(',');
const FIELD_COLUMNS = Object.fromEntries(Object.entries(COLUMN_FIELDS).map(([column, field]) => [field, column])) as Record<string, CsvColumn>;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The pasted file → one validated row per contact, numbered by its line in the file (the header is
 * line 1, as a spreadsheet numbers it). Every line is checked and every error reported at once, keyed
 * `rows.<line>.<field>`; a single error means nothing is imported.
 */
export function parseContactsCsv(text: string): Result<ContactRow[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail({ code: 'validation_failed', message: 'No pudimos leer el archivo.', fields: { csv: parsed.message } });
  const [header, ...records] = parsed.records;
  if (!header) return fail({ code: 'validation_failed', fields: { csv: `El archivo está vacío. La primera fila debe ser el encabezado: ${HEADER}` } });

  const columns = header.cells.map((cell) => toCode(cell));
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = CSV_COLUMNS.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 && `faltan ${missing.join(', ')}`,
      unknown.length > 0 && `sobran ${unknown.map((c) => c || '(vacía)').join(', ')} (no importamos más datos de los necesarios)`,
      repeated.length > 0 && `se repite ${repeated.join(', ')}`,
    ].filter(Boolean);
    return fail({
      code: 'validation_failed',
      message: 'El encabezado del archivo no es el esperado.',
      fields: { csv: `Fila ${header.line} (encabezado): ${problems.join('; ')}. Use exactamente estas columnas: ${HEADER}` },
    });
  }
  if (records.length === 0) return fail({ code: 'validation_failed', fields: { csv: 'El archivo solo tiene el encabezado: agregue al menos un contacto.' } });
  if (records.length > MAX_ROWS) return fail({ code: 'validation_failed', fields: { csv: `Importe como máximo ${MAX_ROWS.toLocaleString('es-CO')} contactos por vez.` } });

  const fields: Record<string, string> = {};
  const rows: ContactRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.length !== columns.length) {
      fields[`rows.${line}`] = `Fila ${line}: tiene ${cells.length} columnas y se esperaban ${columns.length}. Revise los separadores y las comillas.`;
      continue;
    }
    const raw = Object.fromEntries(columns.map((column, i) => [COLUMN_FIELDS[column as CsvColumn], cells[i]]));
    const row = contactRowSchema.safeParse(raw);
    if (!row.success) {
      for (const [field, message] of Object.entries(fieldsOf(row.error))) {
        fields[`rows.${line}.${field}`] = `Fila ${line}, ${FIELD_COLUMNS[field] ?? field}: ${lowerFirst(message)}`;
      }
      continue;
    }
    const first = seen.get(row.data.phone);
    if (first !== undefined) {
      fields[`rows.${line}.phone`] = `Fila ${line}, telefono: este número ya está en la fila ${first} del archivo.`;
      continue;
    }
    seen.set(row.data.phone, line);
    rows.push({ line, ...row.data });
  }
  if (Object.keys(fields).length > 0) return fail({ code: 'validation_failed', message: 'Revise las filas marcadas: no se importó ningún contacto.', fields });
  return ok(rows);
}
