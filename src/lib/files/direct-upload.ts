import { randomUUID } from 'node:crypto';
import { rpc, SERVICE, type Caller } from '../db/store.ts';
import { fail, ok, type Result } from '../result.ts';
import { readUpTo } from '../streams.ts';
import { validate } from '../validation.ts';
import { ACCEPTED_KINDS, extensionOf } from './detect.ts';
import { MAX_FILE_BYTES, uploadSlotFields, type FileFields, type UploadedFile, type UploadSlot } from './schemas.ts';
import { getFileStorage } from './storage.ts';
import { ALT_REQUIRED, checkUpload, fileTooLarge, invalid, storeEvidenceFile, UUID } from './upload.ts';

// A file goes from the browser straight to storage (Netlify caps a function's request body at about 6 MB):
// open a slot, the browser sends the bytes to it, then complete — the same checks and register as a
// multipart upload, on the bytes that arrived.

const noSlot = () => fail<never>({ code: 'not_found', message: 'No existe ese espacio de subida.' });

/** The key the bytes wait under: the folder store removes a key's whole folder, so it is the slot's own. */
const pendingKey = (id: string) => `${id}/pendiente`;

/** POST /api/admin/files/uploads: the fields checked as for a multipart upload, then a 10-minute slot. */
export async function openUpload(data: Record<string, unknown>, caller: Caller): Promise<Result<UploadSlot>> {
  // Before any other field, as the multipart route answers a file too large whatever else it carries.
  if (typeof data.size === 'number' && data.size > MAX_FILE_BYTES) return fileTooLarge();
  const input = validate(uploadSlotFields, data);
  if (!input.ok) return input;
  const { name, size, type: _hint, ...fields } = input.value;
  // A name that says image needs its alt now, before 20 MB travel; the bytes decide again at completion.
  const kind = ACCEPTED_KINDS.find((k) => k.extensions.includes(extensionOf(name) ?? ''));
  if (kind?.type.startsWith('image/') && !fields.alt) return invalid({ alt: ALT_REQUIRED });

  const id = randomUUID();
  const key = pendingKey(id);
  const opened = await rpc<Result<{ id: string; expiresAt: string }>>('staff_open_evidence_upload', { p_upload: { id, storageKey: key, fields, name, size } }, caller);
  if (!opened.ok) return opened;
  const target = await (await getFileStorage()).uploadTarget({ id, key });
  return ok({ id, uploadUrl: target.url, method: 'PUT', headers: target.headers, expiresAt: opened.value.expiresAt });
}

/** PUT /api/admin/files/uploads/:id: the local folder's slot, where a bucket would take the bytes itself. */
export async function receiveUpload(id: string, body: ReadableStream<Uint8Array> | null, caller: Caller): Promise<Result<{ id: string }>> {
  const storage = await getFileStorage();
  if (!storage.receive || !UUID.test(id)) return noSlot();
  const slot = await rpc<Result<{ storageKey: string }>>('staff_pending_evidence_upload', { p_id: id }, caller);
  if (!slot.ok) return slot;
  const whole = await storage.receive(slot.value.storageKey, body, MAX_FILE_BYTES);
  return whole ? ok({ id }) : fileTooLarge();
}

type Claim = { result: Result<UploadedFile> } | { result?: undefined; storageKey: string; fields: FileFields; name: string };

/**
 * POST /api/admin/files/uploads/:id/complete: reads what arrived and uploads it exactly as the multipart
 * route does (type by content, attach, register); the waiting bytes go either way. The answer is kept, so
 * completing again gives the same one.
 */
export async function completeUpload(id: string, caller: Caller): Promise<Result<UploadedFile>> {
  if (!UUID.test(id)) return noSlot();
  const claim = await rpc<Result<Claim>>('staff_claim_evidence_upload', { p_id: id }, caller);
  if (!claim.ok) return claim;
  if (claim.value.result) return claim.value.result;
  const { storageKey, fields, name } = claim.value;
  const storage = await getFileStorage();
  const stored = await storage.open(storageKey);
  if (!stored) {
    // The bytes have not arrived (yet): not an answer to keep, the browser may send them and complete again.
    await rpc('staff_finish_evidence_upload', { p_id: id, p_result: null }, caller);
    return invalid({ file: 'El archivo no llegó: vuelva a subirlo.' });
  }
  const bytes = await readUpTo(stored.body, MAX_FILE_BYTES);
  const checked = bytes ? checkUpload({ ...fields, alt: fields.alt ?? '' }, { name, bytes }) : fileTooLarge();
  const result = checked.ok ? await storeEvidenceFile(checked.value.fields, checked.value.kind, { name, bytes: bytes! }, caller) : checked;
  await storage.remove(storageKey);
  await rpc('staff_finish_evidence_upload', { p_id: id, p_result: result }, caller);
  return result;
}

/** The scheduled sweep: slots long expired are forgotten, and bytes sent to them but never completed go. */
export async function sweepUploads(): Promise<{ swept: number }> {
  const { storageKeys } = await rpc<{ storageKeys: string[] }>('sweep_evidence_uploads', {}, SERVICE);
  const storage = storageKeys.length > 0 ? await getFileStorage() : null;
  for (const key of storageKeys) await storage!.remove(key);
  return { swept: storageKeys.length };
}
