import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

const PATH = '/api/admin/plan/versions';
const newVersion = () => `t-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 20);

describe('POST /api/admin/plan/versions (plan 5.1: the plan with its version history)', () => {
  it('publishes a version dated today in Bogotá, shown on the published plan and recorded in the audit log', async () => {
    const version = newVersion();
    const reply = await postJson(PATH, { version, changes: 'Se ajustaron las fechas de la segunda audiencia.' }, { headers: await bearer('communications') });
    expect(reply.status, reply.text).toBe(201);
    const [{ today }] = await sql`select ((now() at time zone 'America/Bogota')::date)::text as today`;
    expect(reply.body).toEqual({ version, publishedOn: today, changes: 'Se ajustaron las fechas de la segunda audiencia.' });

    const page = await request('/participa/plan');
    expect(page.text).toContain('Se ajustaron las fechas de la segunda audiencia.');
    const [audit] = await sql`select actor_email from private.audit_log where table_name = 'plan_versions' and after ->> 'version' = ${version}`;
    expect(audit.actor_email).toBe('communications@agencia.gov.co');
  });

  it('refuses a number already published (409) and bad input (422), writing nothing', async () => {
    const version = newVersion();
    const headers = await bearer('communications');
    expect((await postJson(PATH, { version, changes: 'Primera publicación.' }, { headers })).status).toBe(201);
    const again = await postJson(PATH, { version, changes: 'Otra vez.' }, { headers });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'duplicate', fields: { version: expect.any(String) } });
    const invalid = await postJson(PATH, { version: '', changes: 'x' }, { headers });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['changes', 'version']);
    const [{ n }] = await sql`select count(*)::int as n from public.plan_versions where version = ${version}`;
    expect(n).toBe(1);
  });

  it('takes the staff form without JavaScript: 303 back to /staff with the outcome', async () => {
    const headers = await bearer('communications');
    const ok = await postForm(PATH, [['version', newVersion()], ['changes', 'Nueva actividad de capacitación.']], { headers });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff?ok=version');
    const failed = await postForm(PATH, [['version', ''], ['changes', 'Sin número.']], { headers });
    expect(failed.headers.get('location')).toMatch(/^\/staff\?error=/);
  });
});
