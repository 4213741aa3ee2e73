import type * as z from 'zod';
import { fail, ok, type Result } from './result.ts';
import { fieldsOf } from './validation.ts';

/**
 * CSV for every capability: a writer safe against spreadsheet formulas, and a small RFC 4180 reader for
 * the lists staff paste or upload (call lists first): a UTF-8 BOM, CRLF, LF or CR line
 * ends, quoted fields with "" escapes and line breaks inside, and the separator a spreadsheet in
 * es-CO writes — comma, semicolon, or the tab of cells copied and pasted from a sheet.
 */
export type CsvSeparator = ',' | ';' | '\t';
export type CsvRecord = { line: number; cells: string[] };
export type CsvParse =
  | { ok: true; separator: CsvSeparator; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

/** The separator used most often outside quotes on the header line (comma on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as CsvSeparator] += 1;
  }
  const best = (Object.keys(counts) as CsvSeparator[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ',';
}

export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1; // physical line being read
  let recordLine = 1; // line where the current record started
  let quoted = false;
  let fieldStarted = false; // the current field was opened with a quote

  const endRecord = () => {
    cells.push(field);
    // A blank line is no record, but it still counts when people number the lines of their file.
    if (!(cells.length === 1 && cells[0].trim() === '' && !fieldStarted)) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') {
            return { ok: false, line, message: `Fila ${line}: hay texto después de unas comillas de cierre. Escriba las comillas internas dobles ("").` };
          }
        }
      } else if (char === '\r' || char === '\n') {
        if (char === '\r' && text[i + 1] === '\n') i += 1;
        field += '\n';
        line += 1;
      } else {
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === separator) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: `Fila ${recordLine}: unas comillas se abren y no se cierran.` };
  if (field !== '' || cells.length > 0 || fieldStarted) endRecord();
  return { ok: true, separator, records };
}

/** One cell for a CSV file: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * How one capability's import file maps onto its records: the header it expects, each column's field,
 * the schema of one row, what makes two rows the same, and how its messages name things.
 */
export type CsvImport<T> = {
  /** Known columns, in the order the header hint lists them. */
  columns: readonly string[];
  required: readonly string[];
  /** A header cell → its column code (case, accents and spaces as the capability forgives them). */
  code: (cell: string) => string;
  fieldOf: Readonly<Record<string, string>>;
  schema: z.ZodType<T>;
  /** Rows with the same key are one row twice: the later one is refused, naming the first. */
  duplicate: { key: (row: T) => string; field: string; message: (first: number) => string };
  maxRows: number;
  say: {
    unknown: (columns: string) => string;
    headerHint: string;
    headerOnly: string;
    tooMany: string;
    rowsRefused: string;
    /** `Fila 3, telefono` / `Fila 3, columna seguidores`: where an error is, and its `fields` key. */
    cell: (line: number, field: string) => { key: string; label: string };
  };
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const refuse = (fields: Record<string, string>, message?: string) => fail({ code: 'validation_failed', ...(message ? { message } : {}), fields });

/**
 * An import file → one validated record per line, all or nothing: every error is reported at once,
 * keyed by line (the header is line 1, as a spreadsheet numbers it), and one error imports nothing.
 */
export function importCsv<T>(text: string, spec: CsvImport<T>): Result<(T & { line: number })[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return refuse({ csv: parsed.message }, 'No pudimos leer el archivo.');
  const [header, ...records] = parsed.records;
  if (!header) return refuse({ csv: `El archivo está vacío. La primera fila debe ser el encabezado: ${spec.columns.join(',')}` });
  const columns = header.cells.map(spec.code);
  const unknown = columns.filter((c) => !spec.columns.includes(c));
  const missing = spec.required.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (unknown.length + missing.length + repeated.length > 0) {
    const problems = [
      missing.length > 0 && `faltan ${missing.join(', ')}`,
      unknown.length > 0 && spec.say.unknown(unknown.map((c) => c || '(vacía)').join(', ')),
      repeated.length > 0 && `se repite ${repeated.join(', ')}`,
    ].filter(Boolean);
    return refuse({ csv: `Fila ${header.line} (encabezado): ${problems.join('; ')}. ${spec.say.headerHint}` }, 'El encabezado del archivo no es el esperado.');
  }
  if (records.length === 0) return refuse({ csv: spec.say.headerOnly });
  if (records.length > spec.maxRows) return refuse({ csv: spec.say.tooMany });

  const fields: Record<string, string> = {};
  const rows: (T & { line: number })[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.length !== columns.length) {
      fields[`rows.${line}`] = `Fila ${line}: tiene ${cells.length} columnas y se esperaban ${columns.length}. Revise los separadores y las comillas.`;
      continue;
    }
    const row = spec.schema.safeParse(Object.fromEntries(columns.map((column, i) => [spec.fieldOf[column], cells[i]])));
    if (!row.success) {
      for (const [field, message] of Object.entries(fieldsOf(row.error))) {
        const { key, label } = spec.say.cell(line, field);
        fields[key] = `${label}: ${lowerFirst(message)}`;
      }
      continue;
    }
    const key = spec.duplicate.key(row.data);
    const first = seen.get(key);
    if (first !== undefined) {
      const { key: at, label } = spec.say.cell(line, spec.duplicate.field);
      fields[at] = `${label}: ${spec.duplicate.message(first)}`;
      continue;
    }
    seen.set(key, line);
    rows.push({ line, ...row.data });
  }
  if (Object.keys(fields).length > 0) return refuse(fields, spec.say.rowsRefused);
  return ok(rows);
}
