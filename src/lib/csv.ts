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
