import { createHash, randomUUID } from 'node:crypto';
import { addEvidence as addAccountabilityEvidence } from '../accountability/staff/add-evidence.ts';
import { addEvidence as addIncidenceEvidence } from '../communications/staff/incidence.ts';
import { rpc, type Caller } from '../db/store.ts';
import { FILE_TOO_LARGE } from '../error-messages.ts';
import { addImprovementEvidence } from '../improvement/actions.ts';
import { addActivityEvidence } from '../plan/staff/add-evidence.ts';
import { fail, ok, type Result } from '../result.ts';
import { validate } from '../validation.ts';
import { ACCEPTED_KINDS, detectKind, extensionOf, type FileKind } from './detect.ts';
import { fileFields, MAX_FILE_BYTES, type FileFields, type TargetKind, type UploadedFile } from './schemas.ts';
import { getFileStorage, type StoredObject } from './storage.ts';

export type IncomingFile = { name: string; bytes: Uint8Array };

const ACCEPTED = 'PDF, PNG, JPEG, WebP, GIF, CSV, XLSX o DOCX';
/** An evidence file over 20 MB, however it was sent (multipart, slot, or declared when opening one). */
export const fileTooLarge = () => fail<never>({ code: 'payload_too_large', message: FILE_TOO_LARGE });
/** The upload form's fields that are wrong, each with its message. */
export const invalid = (fields: Record<string, string>) => fail({ code: 'validation_failed', message: 'Revise los datos marcados.', fields });

/** What the bytes are, refusing a name that claims another type (a PDF renamed .png says it is a PDF). */
export function checkFile(file: IncomingFile | null): Result<FileKind> {
  if (!file || file.bytes.length === 0) return invalid({ file: 'Elija el archivo de la evidencia.' });
  if (file.bytes.length > MAX_FILE_BYTES) return fileTooLarge();
  const kind = detectKind(file.bytes);
  if (!kind) return invalid({ file: `El archivo «${file.name}» no es de un tipo admitido (${ACCEPTED}).` });
  const extension = extensionOf(file.name);
  if (extension && !kind.extensions.includes(extension)) {
    const claimed = ACCEPTED_KINDS.find((k) => k.extensions.includes(extension));
    return invalid({
      file: `El archivo «${file.name}» es en realidad ${kind.description}${claimed ? `, no ${claimed.description}` : ''}. Cámbiele la extensión a .${kind.extension} o elija el archivo correcto.`,
    });
  }
  return ok(kind);
}

/** `Informe Final (v2).PDF` → `informe-final-v2.pdf`: letters and digits of any script survive. */
export function safeName(original: string, kind: FileKind): string {
  const base = original
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'evidencia'}.${kind.extension}`;
}

/** Attaches the file through the target's own evidence function, so it is linked like any link evidence. */
function attach(fields: FileFields, kind: FileKind, url: string, caller: Caller): Promise<Result<unknown>> {
  const label = fields.title;
  switch (fields.targetKind) {
    case 'plan':
      return addActivityEvidence(fields.targetRef, { label, url }, caller);
    case 'accountability':
      return addAccountabilityEvidence(fields.targetRef, { label, url }, caller);
    case 'incidence': {
      const [exercise = '', slug = ''] = fields.targetRef.split('/');
      const photo = kind.type.startsWith('image/');
      return addIncidenceEvidence({ kind: exercise, slug }, { kind: photo ? 'photo' : 'document', label, url, ...(photo ? { alt: fields.alt } : {}) }, caller);
    }
    case 'improvement':
      return addImprovementEvidence(fields.targetRef, { label, url }, caller);
  }
}

/** The target's field names are the evidence link's; here they are the upload form's. */
const RENAMED: Record<string, string> = { label: 'title', url: 'file', kind: 'targetRef', slug: 'targetRef' };

/**
 * The first stage of every upload: the fields, and what the file really is. A photo needs its alt text,
 * which only the bytes can tell.
 */
export function checkUpload(rawFields: Record<string, string>, file: IncomingFile | null): Result<{ fields: FileFields; kind: FileKind }> {
  const input = validate(fileFields, rawFields);
  const kind = checkFile(file);
  const fieldErrors = { ...(kind.ok || kind.error.code !== 'validation_failed' ? {} : kind.error.fields), ...(input.ok ? {} : input.error.fields) };
  if (!kind.ok && kind.error.code !== 'validation_failed') return kind;
  if (input.ok && kind.ok && kind.value.type.startsWith('image/') && !input.value.alt) fieldErrors.alt = ALT_REQUIRED;
  if (!input.ok || !kind.ok || Object.keys(fieldErrors).length > 0) return invalid(fieldErrors);
  return ok({ fields: input.value, kind: kind.value });
}

export const ALT_REQUIRED = 'Describa la imagen para quien no la ve (texto alternativo): es obligatorio en las imágenes.';

/**
 * The second stage: stores the checked file under a fresh id, attaches it as evidence of its target and
 * registers it. A refused attachment leaves nothing stored.
 */
export async function storeEvidenceFile(fields: FileFields, kind: FileKind, file: IncomingFile, caller: Caller): Promise<Result<UploadedFile>> {
  const { bytes } = file;
  const id = randomUUID();
  const name = safeName(file.name, kind);
  const key = `${id}/${name}`;
  const url = `/evidencias/${id}/${encodeURIComponent(name)}`;
  const storage = await getFileStorage();
  await storage.put(key, bytes, kind.type);
  const attached = await attach(fields, kind, url, caller);
  if (!attached.ok) {
    await storage.remove(key);
    const renamed = attached.error.fields && Object.fromEntries(Object.entries(attached.error.fields).map(([k, v]) => [RENAMED[k] ?? k, v]));
    return fail({ ...attached.error, ...(renamed ? { fields: renamed } : {}) });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const recorded = await rpc<Result<{ id: string }>>(
    'staff_record_evidence_file',
    {
      p_file: {
        id,
        sha256,
        size: bytes.length,
        contentType: kind.type,
        originalName: file.name.slice(0, 255),
        storageKey: key,
        url,
        title: fields.title,
        alt: fields.alt ?? null,
        targetKind: fields.targetKind,
        targetRef: fields.targetRef,
      },
    },
    caller,
  );
  if (!recorded.ok) return recorded;
  return ok({ id, url, contentType: kind.type, size: bytes.length, sha256 });
}

/** POST /api/admin/files: the whole file in the request (the form without JavaScript). */
export async function uploadEvidenceFile(rawFields: Record<string, string>, file: IncomingFile | null, caller: Caller): Promise<Result<UploadedFile>> {
  const checked = checkUpload(rawFields, file);
  return checked.ok ? storeEvidenceFile(checked.value.fields, checked.value.kind, file!, caller) : checked;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Deletes the register and the evidence links (audited in SQL), then the stored bytes. */
export async function deleteEvidenceFile(id: string, caller: Caller): Promise<Result<{ id: string }>> {
  if (!UUID.test(id)) return fail({ code: 'not_found', message: 'No existe ese archivo de evidencia.' });
  const deleted = await rpc<Result<{ id: string; storageKey: string }>>('staff_delete_evidence_file', { p_id: id }, caller);
  if (!deleted.ok) return deleted;
  await (await getFileStorage()).remove(deleted.value.storageKey);
  return ok({ id });
}

export type StoredFile = StoredObject & { kind: FileKind; name: string; etag: string };

/** GET /evidencias/:id/:name: the stored bytes, streamed, with the kind its (our own) name says; the id is the ETag. */
export async function readEvidenceFile(id: string, name: string): Promise<Result<StoredFile>> {
  const missing = fail<StoredFile>({ code: 'not_found', message: 'No existe ese archivo de evidencia.' });
  const kind = ACCEPTED_KINDS.find((k) => k.extension === extensionOf(name));
  if (!UUID.test(id) || !kind || !/^[\p{L}\p{N}_-]+\.[a-z]+$/u.test(name)) return missing;
  const stored = await (await getFileStorage()).open(`${id}/${name}`);
  return stored ? ok({ ...stored, kind, name, etag: `"${id}"` }) : missing;
}

export type EvidenceFileSummary = { id: string; url: string; title: string; targetRef: string; contentType: string; size: number; createdAt: string };

/** The uploaded files of one kind of target, for the staff page that deletes them. */
export const listEvidenceFiles = (targetKind: TargetKind, caller: Caller) =>
  rpc<Result<EvidenceFileSummary[]>>('staff_list_evidence_files', { p_target_kind: targetKind }, caller);
