import { describe, expect, it } from 'vitest';
import { sql, uniqueSlug } from '../support/db.ts';
import { postForm, postJson, request, type Reply } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { PDF, PNG } from './samples.ts';

// Improvement actions take evidence like plan and accountability activities: links through their own staff
// function, uploaded files through POST /api/admin/files (targetKind improvement), published with the action.

const REPORT = '/rendicion-de-cuentas/informe/2026';
const EVIDENCE_PAGE = '/staff/rendicion-de-cuentas/acciones-de-mejora';

async function newAction(title = `Publicar las actas en formato accesible ${uniqueSlug('a')}`): Promise<{ id: string; title: string }> {
  const reply = await postJson('/api/admin/improvement-actions', { source: 'accountability', sourceRef: '2026', title, ownerArea: 'Comunicaciones', dueOn: '2027-06-30' }, { headers: await bearer('communications') });
  expect(reply.status, reply.text).toBe(201);
  return { id: reply.body.id, title };
}

function upload(file: Uint8Array, name: string, fields: Record<string, string>, headers: Record<string, string>): Promise<Reply> {
  const body = new FormData();
  for (const [key, value] of Object.entries({ targetKind: 'improvement', ...fields })) body.set(key, value);
  body.set('file', new Blob([file as Uint8Array<ArrayBuffer>]), name);
  return request('/api/admin/files', { method: 'POST', headers, body });
}

const staffPage = async (role: 'communications' | 'admin' = 'communications') => ({ cookie: `participa_staff=${await staffToken(role)}`, origin: PARTICIPA_URL });
const publicReport = async () => (await request(REPORT)).text;

describe('evidence of an improvement action', () => {
  it('a link is added through the action, published on the report, and refused when it is not a web link', async () => {
    const action = await newAction();
    const headers = await bearer('communications');
    const added = await postJson(`/api/admin/improvement-actions/${action.id}/evidence`, { label: 'Actas publicadas', url: 'https://www.agencia.gov.co/actas' }, { headers });
    expect(added.status, added.text).toBe(201);
    expect(added.body.evidence).toMatchObject([{ label: 'Actas publicadas', url: 'https://www.agencia.gov.co/actas' }]);
    expect(await publicReport()).toContain('href="https://www.agencia.gov.co/actas"');

    const script = await postJson(`/api/admin/improvement-actions/${action.id}/evidence`, { label: 'Truco', url: 'javascript:alert(1)' }, { headers });
    expect(script.status).toBe(422);
    expect(script.body.error.fields.url).toMatch(/https:\/\//);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'no-es-un-uuid']) {
      const missing = await postJson(`/api/admin/improvement-actions/${id}/evidence`, { label: 'Actas', url: '/actas' }, { headers });
      expect(missing.status, id).toBe(404);
    }
  });

  it('an uploaded PDF is published with the action; deleting it takes it off the report and leaves its audit rows', async () => {
    const action = await newAction();
    const email = `mejora-${Date.now()}@agencia.gov.co`;
    const headers = await bearer('communications', email);
    const uploaded = await upload(PDF, 'Acta de seguimiento.pdf', { title: 'Acta de seguimiento', targetRef: action.id }, headers);
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body.url).toMatch(/^\/evidencias\/[0-9a-f-]{36}\/acta-de-seguimiento\.pdf$/);
    expect(await publicReport()).toContain(`href="${uploaded.body.url}"`);
    const served = await request(uploaded.body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    const [row] = await sql`select target_kind, target_ref from public.evidence_files where id = ${uploaded.body.id}`;
    expect(row).toEqual({ target_kind: 'improvement', target_ref: action.id });

    const refused = await request(`/api/admin/files/${uploaded.body.id}/delete`, { method: 'POST', headers: { ...(await bearer('advisor')), 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(403);
    const deleted = await request(`/api/admin/files/${uploaded.body.id}/delete`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await request(uploaded.body.url)).status).toBe(404);
    expect(await publicReport()).not.toContain(`href="${uploaded.body.url}"`);
    const audit = await sql`select action, table_name from private.audit_log where actor_email = ${email} order by id`;
    expect(audit.map((a) => `${a.action} ${a.table_name}`)).toEqual([
      'insert improvement_action_evidence',
      'insert evidence_files',
      'delete evidence_files',
      'delete improvement_action_evidence',
    ]);
  });

  it('is refused to anonymous callers and to roles that may not manage improvement actions, and for an unknown action', async () => {
    const action = await newAction();
    const fields = { title: 'Acta', targetRef: action.id };
    expect((await upload(PDF, 'acta.pdf', fields, {})).status).toBe(401);
    for (const role of ['interviewer', 'box_office', 'advisor'] as const) {
      const reply = await upload(PDF, 'acta.pdf', fields, await bearer(role));
      expect(reply.status, role).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    const admin = await upload(PDF, 'acta.pdf', fields, await bearer('admin'));
    expect(admin.status, admin.text).toBe(201);
    for (const targetRef of ['00000000-0000-4000-8000-000000000000', 'no-es-un-uuid']) {
      const unknown = await upload(PDF, 'acta.pdf', { title: 'Acta', targetRef }, await bearer('communications'));
      expect(unknown.status, targetRef).toBe(404);
    }
    const [stored] = await sql`select count(*)::int as n from public.evidence_files where target_kind = 'improvement' and target_ref = ${action.id}`;
    expect(stored.n).toBe(1);
  });

  it('the staff page carries the upload form; the no-JS form comes back to it, with what was typed when refused', async () => {
    const action = await newAction();
    const page = await request(EVIDENCE_PAGE, { headers: await staffPage() });
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="targetKind" value="improvement"');
    expect(page.text).toContain(`<option value="${action.id}"`);
    expect((await request(EVIDENCE_PAGE, { headers: { cookie: `participa_staff=${await staffToken('box_office')}` } })).status).toBe(403);

    const form = { ...(await staffPage()), accept: 'text/html' };
    const refused = await upload(PNG, 'foto.png', { title: 'Foto de la jornada', targetRef: action.id }, form);
    expect(refused.status).toBe(303);
    const back = new URL(refused.headers.get('location')!, PARTICIPA_URL);
    expect(back.pathname).toBe(EVIDENCE_PAGE);
    expect(back.hash).toBe('#subir-evidencia');
    expect(back.searchParams.get('title')).toBe('Foto de la jornada');
    expect(back.searchParams.get('targetRef')).toBe(action.id);
    expect(back.searchParams.get('error')).toMatch(/texto alternativo/);

    const uploaded = await upload(PNG, 'foto.png', { title: 'Foto de la jornada', alt: 'Equipo revisando las actas', targetRef: action.id }, form);
    expect(uploaded.status).toBe(303);
    expect(uploaded.headers.get('location')).toBe(`${EVIDENCE_PAGE}?ok=archivo#subir-evidencia`);
    const [file] = await sql`select id from public.evidence_files where target_ref = ${action.id}`;
    const deleted = await postForm(`/api/admin/files/${file.id}/delete?targetKind=improvement`, [], { headers: await staffPage() });
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe(`${EVIDENCE_PAGE}?ok=archivo-borrado`);
  });
});

describe('evidence files on the incidence staff page', () => {
  it('the page carries the upload form with its exercises, and an upload from it attaches to the exercise and comes back', async () => {
    const slug = uniqueSlug('audiencia');
    const saved = await postJson(
      '/api/admin/incidence',
      { kind: 'hearing', slug, title: `Audiencia ${slug}`, url: '/rendicion-de-cuentas', youSaid: 'Pidieron las actas.', weDid: 'Publicamos las actas.' },
      { headers: await bearer('communications') },
    );
    expect(saved.status, saved.text).toBe(200);
    const page = await request('/staff/comunicaciones/incidencia', { headers: await staffPage() });
    expect(page.text).toContain('name="targetKind" value="incidence"');
    expect(page.text).toContain(`<option value="hearing/${slug}"`);

    const form = { ...(await staffPage()), accept: 'text/html' };
    const uploaded = await upload(PDF, 'actas.pdf', { targetKind: 'incidence', title: 'Actas publicadas', targetRef: `hearing/${slug}` }, form);
    expect(uploaded.status).toBe(303);
    expect(uploaded.headers.get('location')).toBe('/staff/comunicaciones/incidencia?ok=archivo#subir-evidencia');
    const [evidence] = await sql`select e.kind, e.label from public.incidence_evidence e join public.incidence_exercises x on x.id = e.exercise_id where x.slug = ${slug}`;
    expect(evidence).toEqual({ kind: 'document', label: 'Actas publicadas' });
  });
});
