import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { PARTICIPA_URL } from '../support/env.ts';

const statusPath = (code: string) => `/api/admin/plan/activities/${code}/status`;
const evidencePath = (code: string) => `/api/admin/plan/activities/${code}/evidence`;

describe('GET /api/plan', () => {
  it('returns the 14 activities of the plan grouped in its five phases', async () => {
    const reply = await request('/api/plan');
    expect(reply.status).toBe(200);
    expect(reply.body.phases.map((p: any) => p.code)).toEqual([1, 2, 3, 4, 5]);
    const codes = reply.body.phases.flatMap((p: any) => p.activities.map((a: any) => a.code));
    expect(codes).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '4.1', '4.2', '5.1', '5.2', '5.3']);
    for (const activity of reply.body.phases.flatMap((p: any) => p.activities)) {
      expect(['pending', 'in_progress', 'done']).toContain(activity.status);
      expect(activity.title.length).toBeGreaterThan(10);
      expect(Array.isArray(activity.evidence)).toBe(true);
    }
  });

  it('shows the seed texts with their typos corrected', async () => {
    const { text } = await request('/api/plan');
    for (const typo of ['ifdentificar', 'procedimietno', 'divulgación2', 'Iso ejercicios', 'plana de participación']) expect(text).not.toContain(typo);
    expect(text).toContain('telefónica');
  });
});

describe('staff plan endpoints', () => {
  it('require a staff token (401) and a role that may edit the plan (403)', async () => {
    const reply = await postJson(statusPath('4.2'), { status: 'done' });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
    const forbidden = await postJson(statusPath('4.2'), { status: 'done' }, { headers: await bearer('interviewer') });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const forged = await postJson(statusPath('4.2'), { status: 'done' }, { headers: { Authorization: 'Bearer abc.def.ghi' } });
    expect(forged.status).toBe(401);
  });

  it('let communications set a status and add evidence, each audited with before and after', async () => {
    const email = `com-${Date.now()}@agencia.gov.co`;
    const headers = await bearer('communications', email);
    const before = (await sql`select status from public.plan_activities where code = '4.1'`)[0].status;
    const next = before === 'done' ? 'in_progress' : 'done';
    const reply = await postJson(statusPath('4.1'), { status: next }, { headers });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe(next);
    const evidence = await postJson(evidencePath('4.1'), { label: 'Informe de monitoreo', url: 'https://agencia.gov.co/informe.pdf' }, { headers });
    expect(evidence.status).toBe(200);
    const audit = await sql`select action, table_name, before, after from private.audit_log where actor_email = ${email} order by id`;
    expect(audit.map((a) => `${a.action} ${a.table_name}`)).toEqual(['update plan_activities', 'insert plan_evidence']);
    expect(audit[0].before.status).toBe(before);
    expect(audit[0].after.status).toBe(next);
    const plan = await request('/api/plan');
    const activity = plan.body.phases[3].activities.find((a: any) => a.code === '4.1');
    expect(activity.status).toBe(next);
    expect(activity.evidence.map((e: any) => e.url)).toContain('https://agencia.gov.co/informe.pdf');
  });

  it('validate input in Spanish and answer 404 for an unknown activity', async () => {
    const headers = await bearer('admin');
    const bad = await postJson(statusPath('1.1'), { status: 'finished' }, { headers });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.status).toMatch(/estado/);
    const badUrl = await postJson(evidencePath('1.1'), { label: 'x', url: 'javascript:alert(1)' }, { headers });
    expect(badUrl.status).toBe(422);
    expect(badUrl.body.error.fields.url).toBeTruthy();
    const missing = await postJson(statusPath('9.9'), { status: 'done' }, { headers });
    expect(missing.status).toBe(404);
  });

  it('accept the staff page forms with the session cookie and refuse them from another site', async () => {
    const cookie = `participa_staff=${await staffToken('admin')}`;
    const ok = await postForm(statusPath('5.1'), [['status', 'in_progress']], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff?ok=estado');
    const bad = await postForm(evidencePath('5.1'), [['label', ''], ['url', '/']], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(bad.status).toBe(303);
    expect(decodeURIComponent(bad.headers.get('location')!)).toContain('/staff?error=Escriba el nombre de la evidencia.');
    const crossSite = await postForm(statusPath('5.1'), [['status', 'done']], { headers: { cookie, origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('staff sign-in', () => {
  it('exchanges a sign-in token for an HttpOnly, SameSite=Strict session cookie', async () => {
    const reply = await postForm('/api/staff/session', [['token', await staffToken('communications')]]);
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/staff');
    const cookie = reply.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^participa_staff=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const staffPage = await request('/staff', { headers: { cookie: cookie.split(';')[0] } });
    expect(staffPage.status).toBe(200);
    expect(staffPage.text).toContain('communications@agencia.gov.co');
  });

  it('refuses a forged or missing token', async () => {
    const api = await postJson('/api/staff/session', { token: 'nope' });
    expect(api.status).toBe(401);
    expect(api.body.error.code).toBe('unauthorized');
    const form = await postForm('/api/staff/session', [['token', 'nope']]);
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/entrar?error=link');
    expect(form.headers.get('set-cookie')).toBeNull();
    expect((await request('/staff')).status).toBe(401);
  });
});
