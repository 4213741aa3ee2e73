import { rpc } from '../db/store.ts';
import type { SurveyStatus } from '../surveys/schemas.ts';

export type DictionaryEntry = {
  column: string;
  question: string;
  type: string;
  values: { value: string; label: string }[];
  description: string;
};

export type Cell = string | number | null;

/** As SQL sends a row: sequence, day, channel, network and the answers keyed by column position (1-based). */
type RawRow = [number, string, string, string | null, Record<string, Cell>];

/** One page of anonymised responses: no response id, day instead of time, no interviewer, only published texts. */
export type OpenDataPage = {
  slug: string;
  title: string;
  description: string;
  planActivity: string | null;
  status: SurveyStatus;
  publishedAt: string;
  generatedAt: string;
  license: string;
  licenseUrl: string;
  total: number;
  offset: number;
  columns: string[];
  dictionary: DictionaryEntry[];
  rows: RawRow[];
};

/** Rows per database call: each call stays well inside the statement timeout, even on a busy host, and the download streams. */
export const OPEN_DATA_PAGE = 1000;

/** A page of open data of a survey with published results; null when missing or unpublished. */
export function getOpenDataPage(slug: string, offset = 0, limit = OPEN_DATA_PAGE): Promise<OpenDataPage | null> {
  return rpc<OpenDataPage | null>('get_open_data', { p_slug: slug, p_offset: offset, p_limit: limit });
}

export function layOut(columns: string[], [seq, day, channel, network, cells]: RawRow): Cell[] {
  return columns.map((_, i) => (i === 0 ? seq : i === 1 ? day : i === 2 ? channel : i === 3 ? network : (cells[String(i + 1)] ?? null)));
}

/** Every row of the survey in column order, page after page, starting with the page already read. */
export async function* openDataRows(first: OpenDataPage, pageSize = OPEN_DATA_PAGE): AsyncGenerator<Cell[]> {
  let page: OpenDataPage | null = first;
  let offset = first.offset;
  while (page) {
    for (const row of page.rows) yield layOut(first.columns, row);
    if (page.rows.length < pageSize) return;
    offset += page.rows.length;
    // Unpublished while streaming: stop where we are rather than mix states.
    page = await getOpenDataPage(first.slug, offset, pageSize);
  }
}

// Excel (es-CO) needs the BOM to read UTF-8; RFC 4180 wants CRLF and quotes around , " CR LF.
const BOM = '\uFEFF';
const TEXT_TYPES = new Set(['short_text', 'long_text']);

/**
 * A free text that starts like a formula would run in a spreadsheet (CSV injection): prefix it with an
 * apostrophe, as OWASP advises. Only text columns: a negative number stays a number.
 */
function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: Cell[]): string => `${cells.map(field).join(',')}\r\n`;

/** The CSV download: BOM, header, then the rows as they are read; free-text cells neutralised. */
export async function* openDataCsv(first: OpenDataPage, pageSize = OPEN_DATA_PAGE): AsyncGenerator<string> {
  const types = new Map(first.dictionary.map((d) => [d.column, d.type]));
  const text = first.columns.map((name) => TEXT_TYPES.has(types.get(name) ?? ''));
  yield BOM + csvLine(first.columns);
  for await (const row of openDataRows(first, pageSize)) {
    yield csvLine(row.map((cell, i) => (text[i] && typeof cell === 'string' ? neutralize(cell) : cell)));
  }
}

/** The JSON download: the survey, licence and dictionary, then one object per response keyed by column. */
export async function* openDataJson(first: OpenDataPage, pageSize = OPEN_DATA_PAGE): AsyncGenerator<string> {
  const { rows: _rows, offset: _offset, total: _total, ...meta } = first;
  const head = JSON.stringify(meta);
  yield `${head.slice(0, -1)},"rows":[`;
  let separator = '';
  for await (const row of openDataRows(first, pageSize)) {
    yield separator + JSON.stringify(Object.fromEntries(first.columns.map((name, i) => [name, row[i]])));
    separator = ',';
  }
  yield ']}\n';
}

export function dictionaryCsv(data: Pick<OpenDataPage, 'dictionary'>): string {
  const rows = data.dictionary.map((d) =>
    csvLine([
      d.column,
      d.question,
      d.type,
      d.values.map((v) => (v.label === v.value ? v.value : `${v.value}=${v.label}`)).join('; '),
      d.description,
    ]),
  );
  return BOM + csvLine(['columna', 'pregunta', 'tipo', 'valores_permitidos', 'descripcion']) + rows.join('');
}

/** The chunks as a UTF-8 byte stream, sent in blocks of about 64 KB as they are produced. */
export function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      let block = '';
      while (block.length < 65_536) {
        const next = await chunks.next();
        if (next.done) break;
        block += next.value;
      }
      if (block) controller.enqueue(encoder.encode(block));
      else controller.close();
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
