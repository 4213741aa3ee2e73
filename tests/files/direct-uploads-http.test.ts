import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepUploads } from '../../src/lib/files/direct-upload.ts';
import { sql } from '../support/db.ts';
import { postJson, request, type Reply } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { PDF, PNG } from './samples.ts';

// The direct upload on the local folder store: the same three calls the staff page's script makes (open a
// slot, PUT the bytes where it says, complete), so the browser's path is the one tested here.

type Fields = Record<string, unknown>;
const MAX = 20 * 1024 * 1024;

const open = (fields: Fields, headers: Record<string, string>) =>
  postJson('/api/admin/files/uploads', { targetKind: 'plan', targetRef: '2.2', title: 'Evidencia directa', ...fields }, { headers });

const put = (url: string, bytes: Uint8Array, headers: Record<string, string>) =>
  request(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });

const complete = (id: string, headers: Record<string, string>) => postJson(`/api/admin/files/uploads/${id}/complete`, {}, { headers });

/** Open, send and complete, as the page's script does. */
async function upload(bytes: Uint8Array, name: string, fields: Fields, headers: Record<string, string>): Promise<{ slot: Reply; done: Reply }> {
  const slot = await open({ name, size: bytes.length, ...fields }, headers);
  expect(slot.status, slot.text).toBe(201);
  const sent = await put(slot.body.uploadUrl, bytes, headers);
  expect(sent.status, sent.text).toBe(200);
  return { slot, done: await complete(slot.body.id, headers) };
}

const planEvidenceUrls = async (code: string) => {
  const plan = await request('/api/plan');
  const activity = plan.body.phases.flatMap((p: any) => p.activities).find((a: any) => a.code === code);
  return activity.evidence.map((e: any) => e.url) as string[];
};

const pendingFolder = (slotId: string) => join(process.env.DATA_DIR!, 'evidencias', slotId);

describe('direct evidence uploads (slot → PUT → complete)', () => {
  it('uploads a PDF and a photo with its alt text, links them from the public plan and registers them', async () => {
    const email = `directa-${Date.now()}@agencia.gov.co`;
    const headers = await bearer('communications', email);
    const pdf = await upload(PDF, 'Informe directo.pdf', { title: 'Informe directo' }, headers);
    expect(pdf.slot.body).toMatchObject({ method: 'PUT', uploadUrl: `/api/admin/files/uploads/${pdf.slot.body.id}`, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(Date.parse(pdf.slot.body.expiresAt) - Date.now()).toBeGreaterThan(5 * 60 * 1000);
    expect(pdf.done.status, pdf.done.text).toBe(201);
    expect(Object.keys(pdf.done.body).sort()).toEqual(['id', 'url']);
    expect(pdf.done.body.url).toMatch(/^\/evidencias\/[0-9a-f-]{36}\/informe-directo\.pdf$/);

    const photo = await upload(PNG, 'taller.png', { title: 'Foto directa', alt: 'Personas en el taller' }, headers);
    expect(photo.done.status, photo.done.text).toBe(201);
    const links = await planEvidenceUrls('2.2');
    expect(links).toContain(pdf.done.body.url);
    expect(links).toContain(photo.done.body.url);

    const served = await request(photo.done.body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-length')).toBe(String(PNG.length));
    expect(Buffer.from(served.text, 'latin1').length).toBeGreaterThan(0);
    const rows = await sql`select content_type, size_bytes, alt, original_name from public.evidence_files where uploaded_by = ${email} order by created_at`;
    expect(rows.map((r) => [r.content_type, r.size_bytes, r.alt, r.original_name])).toEqual([
      ['application/pdf', PDF.length, null, 'Informe directo.pdf'],
      ['image/png', PNG.length, 'Personas en el taller', 'taller.png'],
    ]);
    expect(existsSync(pendingFolder(pdf.slot.body.id))).toBe(false);
    const [slot] = await sql`select created_by from public.evidence_uploads where id = ${pdf.slot.body.id}`;
    expect(slot.created_by).toBe(email);
  });

  it('refuses a PDF renamed .png at completion, with the multipart route’s message, and keeps nothing', async () => {
    const headers = await bearer('communications');
    const before = await planEvidenceUrls('2.2');
    const [{ count: files }] = await sql`select count(*)::int as count from public.evidence_files`;
    const { slot, done } = await upload(PDF, 'foto.png', { title: 'Foto del taller', alt: 'Taller' }, headers);
    expect(done.status).toBe(422);
    expect(done.body.error.fields.file).toMatch(/«foto\.png» es en realidad un documento PDF, no una imagen PNG/);
    expect(await planEvidenceUrls('2.2')).toEqual(before);
    expect((await sql`select count(*)::int as count from public.evidence_files`)[0].count).toBe(files);
    expect(existsSync(pendingFolder(slot.body.id))).toBe(false);
  });

  it('gives the same answer when completed twice, and stores the file once', async () => {
    const email = `dos-veces-${Date.now()}@agencia.gov.co`;
    const headers = await bearer('communications', email);
    const { slot, done } = await upload(PDF, 'acta.pdf', { title: 'Acta completada dos veces' }, headers);
    expect(done.status).toBe(201);
    const again = await complete(slot.body.id, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(done.body);
    const refused = await upload(PDF, 'foto.png', { title: 'Foto', alt: 'Taller' }, headers);
    expect((await complete(refused.slot.body.id, headers)).body).toEqual(refused.done.body);
    expect(await sql`select id from public.evidence_files where uploaded_by = ${email}`).toHaveLength(1);
    // The slot is spent: its route takes no more bytes.
    const late = await put(slot.body.uploadUrl, PDF, headers);
    expect(late.status).toBe(409);
  });

  it('checks the fields before any slot: the multipart route’s messages, 413 above 20 MB', async () => {
    const headers = await bearer('communications');
    const invalid = await open({ name: 'informe.pdf', size: 10, title: 'x', targetKind: 'otro' }, headers);
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields.title).toBe('Escriba el título de la evidencia (al menos 2 caracteres).');
    expect(invalid.body.error.fields.targetKind).toMatch(/^Elija de qué es evidencia/);
    const noAlt = await open({ name: 'foto.jpeg', size: 10 }, headers);
    expect(noAlt.status).toBe(422);
    expect(noAlt.body.error.fields.alt).toMatch(/texto alternativo/);
    const big = await open({ name: 'grande.pdf', size: MAX + 1, title: 'x' }, headers);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const extra = await open({ name: 'informe.pdf', size: 10, color: 'rojo' }, headers);
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields.color).toBeTruthy();
  });

  it('refuses 20 MB and one byte actually sent, keeping nothing', async () => {
    const headers = await bearer('communications');
    const slot = await open({ name: 'grande.pdf', size: MAX }, headers);
    expect(slot.status).toBe(201);
    const big = new Uint8Array(MAX + 1);
    big.set(PDF);
    const sent = await put(slot.body.uploadUrl, big, headers);
    expect(sent.status).toBe(413);
    expect(sent.body.error.code).toBe('payload_too_large');
    expect(existsSync(join(pendingFolder(slot.body.id), 'pendiente'))).toBe(false);
    const done = await complete(slot.body.id, headers);
    expect(done.status).toBe(422);
    expect(done.body.error.fields.file).toMatch(/no llegó/);
  });

  it('refuses anonymous callers and other staff roles at every step', async () => {
    const headers = await bearer('communications');
    const slot = await open({ name: 'informe.pdf', size: PDF.length }, headers);
    for (const [who, status] of [[{}, 401], [await bearer('box_office'), 403], [await bearer('interviewer'), 403]] as const) {
      expect((await open({ name: 'informe.pdf', size: PDF.length }, who)).status).toBe(status);
      expect((await put(slot.body.uploadUrl, PDF, who)).status).toBe(status);
      expect((await complete(slot.body.id, who)).status).toBe(status);
    }
    expect(existsSync(join(pendingFolder(slot.body.id), 'pendiente'))).toBe(false);
    expect((await put(slot.body.uploadUrl, PDF, await bearer('admin'))).status).toBe(200);
  });

  it('answers 404 for an unknown slot and 409 closed for an expired one, which takes no bytes', async () => {
    const headers = await bearer('communications');
    expect((await complete('00000000-0000-4000-8000-000000000000', headers)).status).toBe(404);
    expect((await complete('no-es-un-id', headers)).status).toBe(404);
    expect((await put('/api/admin/files/uploads/00000000-0000-4000-8000-000000000000', PDF, headers)).status).toBe(404);

    const slot = await open({ name: 'tarde.pdf', size: PDF.length }, headers);
    expect((await put(slot.body.uploadUrl, PDF, headers)).status).toBe(200);
    await sql`update public.evidence_uploads set expires_at = now() - interval '1 second' where id = ${slot.body.id}`;
    const late = await complete(slot.body.id, headers);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'closed', message: 'El espacio de subida venció: vuelva a subir el archivo.' });
    expect((await put(slot.body.uploadUrl, PDF, headers)).status).toBe(409);
    expect(await sql`select id from public.evidence_files where original_name = 'tarde.pdf'`).toHaveLength(0);
  });

  it('sweeps slots two hours past expiry with the bytes they were sent, and leaves younger ones', async () => {
    const headers = await bearer('communications');
    const old = await open({ name: 'olvidado.pdf', size: PDF.length }, headers);
    const young = await open({ name: 'reciente.pdf', size: PDF.length }, headers);
    for (const slot of [old, young]) expect((await put(slot.body.uploadUrl, PDF, headers)).status).toBe(200);
    await sql`update public.evidence_uploads set expires_at = now() - interval '3 hours' where id = ${old.body.id}`;
    await sql`update public.evidence_uploads set expires_at = now() - interval '1 hour' where id = ${young.body.id}`;
    expect((await sweepUploads()).swept).toBeGreaterThanOrEqual(1);
    expect(existsSync(pendingFolder(old.body.id))).toBe(false);
    expect(await sql`select id from public.evidence_uploads where id = ${old.body.id}`).toHaveLength(0);
    expect(existsSync(join(pendingFolder(young.body.id), 'pendiente'))).toBe(true);
    expect((await complete(old.body.id, headers)).status).toBe(404);
  });
});
