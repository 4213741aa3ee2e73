import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

// The plan per vigencia. Every test drafts its own far year (2061…), published only from 1 January of
// that year, so the plan in force (2026, on `/` for every other test sharing this database) never moves;
// what happens once a plan takes over is tried inside transactions that are rolled back.

const years = '/api/admin/plan/years';
const admin = () => bearer('admin');

async function copy2026(year: number) {
  const reply = await postJson(years, { year, copyFrom: 2026 }, { headers: await admin() });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

type Activity = { code: string; evidence: { label: string }[] };
const activities = (plan: { phases: { activities: Activity[] }[] }): Activity[] => plan.phases.flatMap((p) => p.activities);

/** Runs `check` inside a transaction that is always rolled back: what it changes, no other test sees. */
async function rolledBack(check: (tx: typeof sql) => Promise<void>): Promise<void> {
  const done = new Error('rolled back');
  await expect(
    sql.begin(async (tx) => {
      await check(tx as unknown as typeof sql);
      throw done;
    }),
  ).rejects.toBe(done);
}

describe('the plan per vigencia (year)', () => {
  it('copies the 2026 plan into a draft: same phases, activities and sections, dates moved, no progress and no evidence', async () => {
    expect(await copy2026(2061)).toMatchObject({ year: 2061, status: 'draft', inForce: false, effectiveFrom: null });
    const headers = await admin();
    const [draft, current] = await Promise.all([request(`${years}/2061`, { headers }), request(`${years}/2026`, { headers })]);
    expect(draft.status).toBe(200);
    const copied = activities(draft.body);
    const original = activities(current.body);
    expect(copied.map((a) => a.code)).toEqual(original.map((a) => a.code));
    const first = draft.body.phases[0].activities[0];
    const source = current.body.phases[0].activities[0];
    expect(first).toMatchObject({ title: source.title, responsibleArea: source.responsibleArea, sections: source.sections, status: 'pending', evidence: [] });
    expect(first.startsOn).toBe(source.startsOn.replace(/^2026/, '2061'));
    expect(source.evidence.length).toBeGreaterThan(0);

    const again = await postJson(years, { year: 2061 }, { headers });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toHaveProperty('year');
  });

  it('keeps a draft from anon: not on /participa/plan/:year, not in the tables, not in the list of years', async () => {
    await copy2026(2062);
    expect((await request('/participa/plan/2062')).status).toBe(404);
    expect((await request('/participa/plan/abc')).status).toBe(404);
    await rolledBack(async (tx) => {
      await tx.unsafe('set local role anon');
      const [{ n }] = await tx`select count(*)::int as n from public.plan_activities where year = 2062`;
      expect(n).toBe(0);
      const [{ phases }] = await tx`select count(*)::int as phases from public.plan_phases where year = 2062`;
      expect(phases).toBe(0);
      const [{ listed }] = await tx`select public.list_plan_years() as listed`;
      expect(listed.map((p: { year: number }) => p.year)).not.toContain(2062);
      expect(await tx`select public.get_plan_year(2062) as plan`).toEqual([{ plan: null }]);
    });
    expect((await request(`${years}/2062`, { headers: await bearer('box_office') })).status).toBe(403);
  });

  it('edits a draft: changes an activity, adds one with its Menú Participa sections, and names every wrong field', async () => {
    await copy2026(2063);
    const headers = await admin();
    const changed = await postJson(`${years}/2063/activities/1.1`, {
      phase: 1, title: 'Encuestas de la oferta 2063', objective: 'Conocer la oferta.', product: 'Dos encuestas.',
      responsibleArea: 'Oficina de Planeación', startsOn: '2063-03-01', endsOn: '2063-04-30', sections: ['1', '3'],
    }, { headers });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ code: '1.1', responsibleArea: 'Oficina de Planeación', startsOn: '2063-03-01', endsOn: '2063-04-30', sections: [1, 3] });

    const added = await postJson(`${years}/2063/activities`, {
      code: '5.4', phase: 5, title: 'Laboratorio de innovación abierta', objective: 'Cocrear con la ciudadanía.', product: 'Un reto resuelto.',
      sections: [4],
    }, { headers });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ code: '5.4', status: 'pending', sections: [4], startsOn: null });

    const invalid = await postJson(`${years}/2063/activities`, { code: '5', phase: '', title: 'x', objective: '', product: '', startsOn: '2063-02-30', endsOn: 'mañana' }, { headers });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['code', 'endsOn', 'objective', 'phase', 'product', 'startsOn', 'title']);
    expect(invalid.body.error.fields.startsOn).toMatch(/AAAA-MM-DD/);

    const rules = await postJson(`${years}/2063/activities`, { code: '5.5', phase: 5, title: 'Otra', objective: 'Objetivo.', product: 'Producto.', startsOn: '2063-05-01', endsOn: '2063-04-01' }, { headers });
    expect(rules.status).toBe(422);
    expect(Object.keys(rules.body.error.fields)).toEqual(['endsOn']);
    const sqlRules = await postJson(`${years}/2063/activities`, { code: '5.4', phase: 9, title: 'Otra', objective: 'Objetivo.', product: 'Producto.', sections: [42] }, { headers });
    expect(sqlRules.status).toBe(422);
    expect(Object.keys(sqlRules.body.error.fields).sort()).toEqual(['code', 'phase', 'sections']);

    const removed = await postJson(`${years}/2063/activities/2.3/delete`, {}, { headers });
    expect(removed.status).toBe(200);
    const plan = (await request(`${years}/2063`, { headers })).body;
    expect(activities(plan).map((a) => a.code)).toContain('5.4');
    expect(activities(plan).map((a) => a.code)).not.toContain('2.3');
    expect((await postJson(`${years}/2063/activities/9.9`, { phase: 1, title: 'Nada', objective: 'Nada.', product: 'Nada.' }, { headers })).status).toBe(404);

    const phase = await postJson(`${years}/2063/phases`, { code: 6, name: 'Innovación abierta' }, { headers });
    expect(phase.status).toBe(200);
    const [audit] = await sql`select actor_email from private.audit_log where table_name = 'plan_activities' and after ->> 'year' = '2063' and after ->> 'code' = '5.4'`;
    expect(audit.actor_email).toBe('admin@agencia.gov.co');
  });

  it('serves the staff pages: the plans, a draft with its forms, and a form posted back with every value kept', async () => {
    await copy2026(2067);
    const headers = await bearer('communications');
    const list = await request('/staff/plan', { headers });
    expect(list.status).toBe(200);
    expect(list.text).toContain('href="/staff/plan/2067"');
    const draft = await request('/staff/plan/2067', { headers });
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('href="/staff/plan/2067/actividades/1.1"');
    expect(draft.text).toContain('Publicar el plan 2067');
    expect((await request('/staff/plan/2099', { headers })).status).toBe(404);
    expect((await request('/staff/plan/2067')).status).toBe(401);
    expect((await request('/staff/plan/2067', { headers: await bearer('advisor') })).status).toBe(403);

    const posted = await postForm('/staff/plan/2067/actividades/nueva', [['code', '5.9'], ['phase', '5'], ['title', 'Mesa de trabajo con veedurías'], ['objective', ''], ['product', 'Acta'], ['sections', '6']], { headers });
    expect(posted.status).toBe(422);
    expect(posted.text).toContain('value="Mesa de trabajo con veedurías"');
    expect(posted.text).toContain('Escriba el objetivo');
    expect(posted.text).toMatch(/<input type="checkbox" name="sections" value="6" checked/);
  });

  it('takes the no-JS form on the API: 303 back to the year\'s staff page with the outcome', async () => {
    await copy2026(2064);
    const headers = await bearer('communications');
    const saved = await postForm(`${years}/2064/activities/1.2`, [['phase', '1'], ['title', 'Encuesta telefónica'], ['objective', 'Llamar.'], ['product', 'Informe.'], ['sections', '3']], { headers });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/staff/plan/2064?ok=actividad');
    const failed = await postForm(`${years}/2064/activities/1.2`, [['phase', '1'], ['title', ''], ['objective', 'Llamar.'], ['product', 'Informe.']], { headers });
    expect(failed.headers.get('location')).toMatch(/^\/staff\/plan\/2064\?error=/);
  });

  it('publishes a plan whole with its version: readable at /participa/plan/:year, no longer editable, and in force only from its day', async () => {
    await copy2026(2065);
    const headers = await admin();
    const invalid = await postJson(`${years}/2065/publish`, { version: '', changes: 'x', effectiveFrom: '2070-01-01' }, { headers });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['changes', 'version']);
    const wrongDay = await postJson(`${years}/2065/publish`, { version: '2065-1', changes: 'Plan de la vigencia 2065.', effectiveFrom: '2070-01-01' }, { headers });
    expect(wrongDay.body.error.fields).toEqual({ effectiveFrom: expect.stringContaining('2064') });

    const published = await postJson(`${years}/2065/publish`, { version: '2065-1', changes: 'Plan de la vigencia 2065.' }, { headers });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ year: 2065, status: 'published', version: '2065-1', effectiveFrom: '2065-01-01', inForce: false });

    const page = await request('/participa/plan/2065');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Plan de la vigencia 2065.');
    const locked = await postJson(`${years}/2065/activities/1.1`, { phase: 1, title: 'Tarde', objective: 'Tarde.', product: 'Tarde.' }, { headers });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('locked');
    expect((await postJson(`${years}/2065/publish`, { version: '2065-2', changes: 'Otra vez.' }, { headers })).status).toBe(409);

    // 2026 stays in force until 1 January 2065 …
    const home = await request('/api/plan');
    expect(activities(home.body)[0].evidence.length).toBeGreaterThan(0);
    // … and from that day (here: moved to today, then rolled back) the home page's plan is 2065's.
    await rolledBack(async (tx) => {
      await tx`update public.plans set effective_from = (now() at time zone 'America/Bogota')::date where year = 2065`;
      const [{ plan }] = await tx`select public.get_plan() as plan`;
      expect(activities(plan).every((a) => a.evidence.length === 0)).toBe(true);
      const [{ versions }] = await tx`select public.list_plan_versions() as versions`;
      expect(versions[0].version).toBe('2065-1');
    });
  });

  it('tells apart the same code in two years, and what hangs off an activity keeps its year', async () => {
    await copy2026(2066);
    const rows = await sql`select id, year, status from public.plan_activities where code = '1.1' and year in (2026, 2066) order by year`;
    expect(rows).toHaveLength(2);
    expect(rows[0].id).not.toBe(rows[1].id);

    const past2026 = await request('/participa/plan/2026');
    expect(past2026.status).toBe(200);
    const [evidence] = await sql`select label from public.plan_evidence where plan_year = 2026 and activity_code = '1.1' order by id limit 1`;
    expect(past2026.text).toContain(evidence.label);

    await rolledBack(async (tx) => {
      await tx`update public.plans set status = 'published', version = '2066-t', published_at = now(), effective_from = (now() at time zone 'America/Bogota')::date where year = 2066`;
      // A survey of 2026 stays with 2026's 1.1; a new one, and new evidence, go to the plan in force.
      const [survey] = await tx`select plan_year from public.surveys where slug = 'oferta-de-servicios'`;
      expect(survey.plan_year).toBe(2026);
      const [added] = await tx`insert into public.plan_evidence (activity_code, label, url) values ('1.1', 'Evidencia 2066', '/x') returning plan_year`;
      expect(added.plan_year).toBe(2066);
      await tx`update public.surveys set title = title where slug = 'oferta-de-servicios'`;
      const [still] = await tx`select plan_year from public.surveys where slug = 'oferta-de-servicios'`;
      expect(still.plan_year).toBe(2026);
      const [{ plan }] = await tx`select public.get_plan_year(2026) as plan`;
      expect(activities(plan).find((a) => a.code === '1.1')?.evidence.map((e) => e.label)).toContain(evidence.label);
      // Status changes by code reach the plan in force, never last year's.
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: 't', email: 't@agencia.gov.co', role: 'authenticated', app_metadata: { roles: ['admin'] } })}, true)`;
      await tx`select public.staff_set_activity_status('1.1', 'done')`;
      const after = await tx`select year, status from public.plan_activities where code = '1.1' and year in (2026, 2066) order by year`;
      expect(after).toEqual([{ year: 2026, status: rows[0].status }, { year: 2066, status: 'done' }]);
    });
  });
});
