import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { request, type Reply } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { CSV, DOCX, PDF, PNG, XLSX } from './samples.ts';

type Fields = Record<string, string>;

function form(file: Uint8Array | null, name: string, fields: Fields): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  if (file) body.set('file', new Blob([file as Uint8Array<ArrayBuffer>]), name);
  return body;
}

async function upload(file: Uint8Array | null, name: string, fields: Fields, headers: Record<string, string>): Promise<Reply> {
  return request('/api/admin/files', { method: 'POST', headers, body: form(file, name, { targetKind: 'plan', targetRef: '2.2', ...fields }) });
}

const planEvidenceUrls = async (code: string) => {
  const plan = await request('/api/plan');
  const activity = plan.body.phases.flatMap((p: any) => p.activities).find((a: any) => a.code === code);
  return activity.evidence.map((e: any) => e.url) as string[];
};

describe('POST /api/admin/files', () => {
  it('stores each accepted type, links it from the public plan and registers it with its fingerprint', async () => {
    const email = `archivos-${Date.now()}@agencia.gov.co`;
    const headers = await bearer('communications', email);
    const cases = [
      { bytes: PDF, name: 'Informe Final.pdf', type: 'application/pdf', disposition: /^inline; filename="informe-final.pdf"/ },
      { bytes: PNG, name: 'foto taller.PNG', type: 'image/png', alt: 'Personas reunidas en el taller', disposition: /^inline/ },
      { bytes: CSV, name: 'seguidores.csv', type: 'text/csv; charset=utf-8', disposition: /^attachment/ },
      { bytes: XLSX, name: 'cifras.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: /^attachment/ },
      { bytes: DOCX, name: 'acta reunión.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: /^attachment; filename="acta-reunion.docx"; filename\*=UTF-8''acta-reuni%C3%B3n.docx$/ },
    ];
    for (const c of cases) {
      const reply = await upload(c.bytes, c.name, { title: `Evidencia ${c.name}`, ...(c.alt ? { alt: c.alt } : {}) }, headers);
      expect(reply.status, reply.text).toBe(201);
      expect(reply.body.url).toMatch(/^\/evidencias\/[0-9a-f-]{36}\/[^/]+$/);
      expect(await planEvidenceUrls('2.2')).toContain(reply.body.url);

      const served = await request(reply.body.url);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(c.type);
      expect(served.headers.get('content-disposition')).toMatch(c.disposition);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      expect(served.headers.get('cache-control')).toContain('immutable');
      const etag = served.headers.get('etag')!;
      expect(etag).toBeTruthy();
      const again = await request(reply.body.url, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    }
    const rows = await sql`select content_type, size_bytes, sha256, title, alt, uploaded_by from public.evidence_files where uploaded_by = ${email} order by created_at`;
    expect(rows.map((r) => r.content_type)).toEqual(cases.map((c) => c.type.split(';')[0]));
    expect(rows[0].size_bytes).toBe(PDF.length);
    expect(rows[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1].alt).toBe('Personas reunidas en el taller');
    const audit = await sql`select action from private.audit_log where actor_email = ${email} and table_name = 'evidence_files'`;
    expect(audit).toHaveLength(cases.length);
  });

  it('refuses a PDF renamed .png, saying what it really is, and stores nothing', async () => {
    const headers = await bearer('admin');
    const before = await planEvidenceUrls('2.2');
    const reply = await upload(PDF, 'foto.png', { title: 'Foto del taller', alt: 'Taller' }, headers);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.fields.file).toMatch(/«foto\.png» es en realidad un documento PDF, no una imagen PNG/);
    expect(await planEvidenceUrls('2.2')).toEqual(before);
  });

  it('refuses an image without alt text, an unknown type, a missing file and an unknown target', async () => {
    const headers = await bearer('communications');
    const noAlt = await upload(PNG, 'foto.png', { title: 'Foto' }, headers);
    expect(noAlt.status).toBe(422);
    expect(noAlt.body.error.fields.alt).toMatch(/texto alternativo/);
    const binary = await upload(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'programa.pdf', { title: 'Programa' }, headers);
    expect(binary.status).toBe(422);
    expect(binary.body.error.fields.file).toMatch(/no es de un tipo admitido/);
    const missing = await upload(null, '', { title: 'Sin archivo' }, headers);
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields.file).toBeTruthy();
    const unknown = await upload(PDF, 'informe.pdf', { title: 'Informe', targetRef: '9.9' }, headers);
    expect(unknown.status).toBe(404);
    const extra = await upload(PDF, 'informe.pdf', { title: 'Informe', color: 'rojo' }, headers);
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields.color).toBeTruthy();
  });

  it('answers 413 above 20 MB', async () => {
    const headers = await bearer('communications');
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    const reply = await upload(big, 'grande.pdf', { title: 'Demasiado grande' }, headers);
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('payload_too_large');
  });

  it('refuses anonymous callers and roles that may not publish evidence', async () => {
    const anon = await upload(PDF, 'informe.pdf', { title: 'Informe' }, {});
    expect(anon.status).toBe(401);
    const interviewer = await upload(PDF, 'informe.pdf', { title: 'Informe' }, await bearer('interviewer'));
    expect(interviewer.status).toBe(403);
    expect(interviewer.body.error.code).toBe('forbidden');
  });

  it('attaches to an accountability activity through its own evidence function', async () => {
    const [activity] = await sql`select id from public.accountability_activities order by id limit 1`;
    const reply = await upload(PDF, 'acta.pdf', { title: 'Acta de la audiencia', targetKind: 'accountability', targetRef: String(activity.id) }, await bearer('communications'));
    expect(reply.status, reply.text).toBe(201);
    const [row] = await sql`select label from public.accountability_evidence where url = ${reply.body.url}`;
    expect(row.label).toBe('Acta de la audiencia');
  });

  it('sends the staff page form back with what was typed when it is refused', async () => {
    const cookie = `participa_staff=${await staffToken('communications')}`;
    const reply = await upload(PDF, 'foto.png', { title: 'Foto del taller', alt: 'Personas en el taller', targetRef: '3.1' }, { cookie, origin: PARTICIPA_URL, accept: 'text/html' });
    expect(reply.status).toBe(303);
    const location = new URL(reply.headers.get('location')!, PARTICIPA_URL);
    expect(location.pathname).toBe('/staff');
    expect(location.searchParams.get('title')).toBe('Foto del taller');
    expect(location.searchParams.get('alt')).toBe('Personas en el taller');
    expect(location.searchParams.get('targetRef')).toBe('3.1');
    expect(location.searchParams.get('error')).toMatch(/es en realidad un documento PDF/);
  });
});

describe('deleting an evidence file', () => {
  it('removes the file and its links and keeps the audit row', async () => {
    const email = `borra-${Date.now()}@agencia.gov.co`;
    const headers = await bearer('communications', email);
    const uploaded = await upload(PDF, 'borrador.pdf', { title: 'Borrador' }, headers);
    expect(uploaded.status).toBe(201);
    const forbidden = await request(`/api/admin/files/${uploaded.body.id}/delete`, { method: 'POST', headers: { ...(await bearer('box_office')), 'content-type': 'application/json' }, body: '{}' });
    expect(forbidden.status).toBe(403);
    const reply = await request(`/api/admin/files/${uploaded.body.id}/delete`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(200);
    expect((await request(uploaded.body.url)).status).toBe(404);
    expect(await planEvidenceUrls('2.2')).not.toContain(uploaded.body.url);
    const audit = await sql`select action, table_name, before from private.audit_log where actor_email = ${email} order by id`;
    expect(audit.map((a) => `${a.action} ${a.table_name}`)).toEqual(['insert plan_evidence', 'insert evidence_files', 'delete evidence_files', 'delete plan_evidence']);
    expect(audit[2].before.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await request(`/api/admin/files/${uploaded.body.id}/delete`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(404);
  });
});
