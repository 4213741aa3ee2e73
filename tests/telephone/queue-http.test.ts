import { describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { createSurvey } from '../support/surveys.ts';
import type { StaffClaims } from '../../src/lib/auth/claims.ts';
import { csvOf, importCsv, interviewer, next, outcome, paths, phoneSurvey, queueOf } from './helpers.ts';

async function surveyWith(n: number): Promise<string> {
  const slug = await phoneSurvey();
  const reply = await importCsv(slug, csvOf(Array.from({ length: n }, (_, i) => ({ name: `Persona ${i + 1}` }))));
  expect(reply.status, reply.text).toBe(200);
  return slug;
}

describe('POST /api/admin/telephone/:slug/next', () => {
  it('never gives the same contact to two interviewers asking at the same moment (HTTP)', async () => {
    const slug = await surveyWith(10);
    const team = await Promise.all(Array.from({ length: 16 }, () => interviewer()));
    const claimed = await Promise.all(team.map((who) => next(slug, who)));
    const ids = claimed.filter(Boolean).map((c) => c.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(claimed.filter((c) => c === null)).toHaveLength(6);
    const leases = await sql`
      select count(distinct locked_by)::int as holders, count(*)::int as leased
      from public.phone_contacts c join public.surveys s on s.id = c.survey_id
      where s.slug = ${slug} and c.locked_until > now()`;
    expect(leases[0]).toEqual({ holders: 10, leased: 10 });
  });

  it('never double-assigns under heavier parallel pressure on real Postgres (rounds of 40 claims on 25 contacts)', async () => {
    for (let round = 0; round < 3; round++) {
      const slug = await surveyWith(25);
      const claims: StaffClaims[] = Array.from({ length: 40 }, (_, i) => ({
        sub: `carga-${round}-${i}-${Math.random()}`,
        email: `carga${i}@agencia.gov.co`,
        role: 'authenticated',
        aud: 'authenticated',
        app_metadata: { roles: ['interviewer'] },
      }));
      const results = await Promise.all(
        claims.map((c) => store.rpc<any>('staff_next_phone_contact', { p_survey_slug: slug }, { kind: 'staff', claims: c, token: '' })),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const ids = results.map((r) => r.value.contact?.id).filter(Boolean);
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(25);
    }
  });

  it('gives an interviewer holding a lease the same contact back, even on a double click', async () => {
    const slug = await surveyWith(3);
    const ana = await interviewer();
    const replies = await Promise.all(Array.from({ length: 5 }, () => next(slug, ana)));
    expect(new Set(replies.map((c) => c.id)).size).toBe(1);
    expect((await next(slug, ana)).id).toBe(replies[0].id);
    const queue = await queueOf(slug);
    expect(queue.counts).toMatchObject({ total: 3, due: 2, inCall: 1 });
  });

  it('shows the claimed contact to its holder only, and takes it back when the 20-minute lease runs out', async () => {
    const slug = await surveyWith(1);
    const ana = await interviewer();
    const luis = await interviewer();
    const contact = await next(slug, ana);
    expect(contact).toMatchObject({ fullName: 'Persona 1', status: 'in_call', attempts: 0, survey: { slug } });
    expect(new Date(contact.lease.until).getTime() - new Date(contact.lease.since).getTime()).toBe(20 * 60_000);
    expect((await request(paths.contact(contact.id), { headers: ana.headers })).status).toBe(200);
    const other = await request(paths.contact(contact.id), { headers: luis.headers });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('Este contacto está asignado a otra persona del equipo.');
    expect(await next(slug, luis)).toBeNull();

    await sql`update public.phone_contacts set locked_until = now() - interval '1 second' where id = ${contact.id}`;
    expect((await next(slug, luis)).id).toBe(contact.id);
    const late = await outcome(contact.id, { outcome: 'no_answer' }, ana);
    expect(late.status).toBe(403);
    expect((await outcome(contact.id, { outcome: 'no_answer' }, luis)).status).toBe(200);
  });

  it('lets the holder record an outcome after the lease ran out if nobody else took the contact', async () => {
    const slug = await surveyWith(1);
    const ana = await interviewer();
    const contact = await next(slug, ana);
    await sql`update public.phone_contacts set locked_until = now() - interval '1 second' where id = ${contact.id}`;
    const reply = await outcome(contact.id, { outcome: 'refused' }, ana);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ contactId: contact.id, status: 'refused', attempts: 1, nextCallAt: null });
  });

  it('answers "no more contacts" with the time the next one comes back', async () => {
    const slug = await surveyWith(1);
    const ana = await interviewer();
    const contact = await next(slug, ana);
    await outcome(contact.id, { outcome: 'busy' }, ana);
    const reply = await postJson(paths.next(slug), {}, { headers: ana.headers });
    expect(reply.status).toBe(200);
    expect(reply.body.contact).toBeNull();
    expect(reply.body.message).toBe('No hay más contactos por llamar en este momento.');
    const back = new Date(reply.body.nextCallAt).getTime() - Date.now();
    expect(back).toBeGreaterThan(119 * 60_000);
    expect(back).toBeLessThanOrEqual(120 * 60_000);
  });

  it('from the staff page goes to the call page, or back to the list when nobody is due', async () => {
    const slug = await surveyWith(1);
    const ana = await interviewer();
    const headers = { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: PARTICIPA_URL };
    const first = await request(paths.next(slug), { method: 'POST', headers, body: '' });
    expect(first.status).toBe(303);
    const location = first.headers.get('location')!;
    expect(location).toMatch(/^\/staff\/telefonico\/llamada\/\d+$/);
    const page = await request(location, { headers: { cookie: ana.cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Persona 1');
    expect(page.text).toMatch(/href="tel:\+573\d{9}"/);
    await outcome(Number(location.split('/').pop()), { outcome: 'wrong_number' }, ana);
    const none = await request(paths.next(slug), { method: 'POST', headers, body: '' });
    expect(none.headers.get('location')).toBe(`/staff/telefonico/${slug}?ok=sin-contactos`);
  });

  it('answers 401, 403 (communications is not an interviewer), 404, 405, 409 closed and 422 per the contract', async () => {
    const slug = await surveyWith(1);
    expect((await postJson(paths.next(slug), {})).status).toBe(401);
    const forbidden = await postJson(paths.next(slug), {}, { headers: await bearer('communications') });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const missing = await postJson(paths.next('no-existe'), {}, { headers: await bearer('interviewer') });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const wrongMethod = await request(paths.next(slug), { headers: await bearer('interviewer') });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const extra = await postJson(paths.next(slug), { survey: 'x' }, { headers: await bearer('interviewer') });
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields).toEqual({ survey: 'Este campo no está permitido.' });
    const closed = await createSurvey({ status: 'closed' });
    await importCsv(closed, csvOf([{ name: 'Ana Rojas' }]));
    const reply = await postJson(paths.next(closed), {}, { headers: await bearer('interviewer') });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('closed');
    expect((await request('/api/admin/telephone/x/y/z', { headers: await bearer('admin') })).status).toBe(404);
  });
});

describe('GET /api/admin/telephone/:slug (queue)', () => {
  it('counts the list for interviewers and communications, never for other roles or anon', async () => {
    const slug = await surveyWith(2);
    for (const role of ['interviewer', 'communications', 'admin'] as const) {
      const reply = await request(paths.queue(slug), { headers: await bearer(role) });
      expect(reply.status).toBe(200);
      expect(reply.body.counts).toMatchObject({ total: 2, due: 2, inCall: 0 });
      expect(JSON.stringify(reply.body)).not.toMatch(/Persona|\+57/);
    }
    expect((await request(paths.queue(slug), { headers: await bearer('box_office') })).status).toBe(403);
    expect((await request(paths.queue(slug))).status).toBe(401);
    expect((await request(paths.queue('no-existe'), { headers: await bearer('admin') })).status).toBe(404);
  });
});
