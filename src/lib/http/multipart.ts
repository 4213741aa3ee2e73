import { MAX_FILE_BYTES } from '../files/schemas.ts';
import { checkFile, fileTooLarge } from '../files/upload.ts';
import { fail, ok, type Result } from '../result.ts';
import { readUpTo } from '../streams.ts';
import { readBody, type Body } from './body.ts';

/** Room for the text fields and the multipart framing around a file of the largest size. */
const MAX_MULTIPART_BYTES = MAX_FILE_BYTES + 64 * 1024;

export type Multipart = { fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null };

/** The body, counted as it streams so a chunked upload stops at the limit instead of filling memory. */
async function readLimited(request: Request): Promise<Result<Uint8Array<ArrayBuffer>>> {
  if (Number(request.headers.get('content-length')) > MAX_MULTIPART_BYTES) return fileTooLarge();
  if (!request.body) return ok(new Uint8Array());
  const bytes = await readUpTo(request.body, MAX_MULTIPART_BYTES);
  return bytes ? ok(bytes) : fileTooLarge();
}

/**
 * A `multipart/form-data` body with at most one file, in `file`; the other parts are text fields (a
 * repeated or unexpected file part is refused by the use case's strict schema as an unknown field).
 */
export async function readMultipart(request: Request): Promise<Result<Multipart>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    // Unreadable as the form this route takes: the same answer as any malformed body.
    return fail({ code: 'bad_request', message: 'Envíe el archivo como multipart/form-data.' });
  }
  const body = await readLimited(request);
  if (!body.ok) return body;
  let form: FormData;
  try {
    form = await new Response(body.value, { headers: { 'content-type': type } }).formData();
  } catch {
    return fail({ code: 'bad_request', message: 'No se pudo leer el formulario con el archivo.' });
  }
  const fields: Record<string, string> = {};
  let file: Multipart['file'] = null;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'file' && !file) file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
    else fields[name] = value.name;
  }
  if (file?.bytes.length === 0 && !file.name) file = null;
  return ok({ fields, file });
}

/**
 * A staff import form: JSON or urlencoded as before, or multipart with the CSV as an uploaded `file`,
 * whose text becomes the `csv` field (so the page shows it beside its errors). The file must really be
 * CSV text, whatever its name says.
 */
export async function readImportForm(request: Request): Promise<Result<Body>> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get('content-type') ?? '')) return readBody(request);
  const form = await readMultipart(request);
  if (!form.ok) return form;
  const { fields, file } = form.value;
  if (!file) return ok({ kind: 'form', data: fields });
  const kind = checkFile(file);
  if (!kind.ok) return fail({ ...kind.error, message: Object.values(kind.error.fields ?? {}).join(' ') || kind.error.message });
  if (kind.value.type !== 'text/csv') {
    return fail({ code: 'validation_failed', message: `El archivo «${file.name}» es ${kind.value.description}: suba un archivo CSV (texto separado por comas).` });
  }
  return ok({ kind: 'form', data: { ...fields, csv: new TextDecoder().decode(file.bytes) } });
}
