import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { complete, csvOf, importCsv, interviewer, makeDue, next, outcome, paths, phoneSurvey, type Interviewer } from './helpers.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';
import { pageCss } from '../support/csp.ts';

/*
 * The fixture, worked by hand. Ten contacts; the CSAT question is `calificacion` (1–5), the NPS one
 * `recomendacion` (0–10).
 *
 *   contact  service     attempts                         final        CSAT  NPS
 *   B1       Boletería   completed                        completed    5     10
 *   B2       Boletería   no_answer, completed             completed    4     9
 *   B3       Boletería   completed                        completed    2     3
 *   B4       Boletería   refused                          refused      –     –
 *   B5       Boletería   no_answer, no_answer, no_answer  unreachable  –     –
 *   A1       Asesoría    completed                        completed    3     7
 *   A2       Asesoría    callback, completed              completed    5     6
 *   A3       Asesoría    wrong_number                     wrong_number –     –
 *   A4       Asesoría    busy                             pending      –     –
 *   B6       Boletería   (never called)                   pending      –     –
 *
 * Totals: 10 contacts, 13 attempts, 9 contacts with an attempt, 6 contacted (B1 B2 B3 B4 A1 A2)
 *   contact rate    = 6 / 9  = 66.7 %      completion rate = 5 / 10 = 50.0 %     refusals = 1
 *   CSAT            = {5,4,2,3,5}: 3 of 5 are 4–5 = 60.0 %
 *   NPS             = {10,9,3,7,6}: 2 promoters, 1 passive, 2 detractors → (2 − 2) / 5 = 0.0
 *   margin (95 %)   = 1.96 × √((0.4 + 0.4 − 0²) / 5) × 100 = 1.96 × 0.4 × 100 = 78.4
 * Boletería: 6 contacts, 8 attempts, 5 attempted, 4 contacted → 80.0 %; 3 completed → 50.0 %
 *   CSAT {5,4,2} → 66.7 %; NPS {10,9,3} → (2 − 1) / 3 = 33.3
 *   margin = 1.96 × √((2/3 + 1/3 − (1/3)²) / 3) × 100 = 1.96 × √(0.296296) × 100 = 106.7
 * Asesoría: 4 contacts, 5 attempts, 4 attempted, 2 contacted → 50.0 %; 2 completed → 50.0 %
 *   CSAT {3,5} → 50.0 %; NPS {7,6} → (0 − 1) / 2 = −50.0
 *   margin = 1.96 × √((0 + 0.5 − 0.25) / 2) × 100 = 1.96 × √0.125 × 100 = 69.3
 */
let slug: string;

async function callAndDo(me: Interviewer, expectedName: string, action: (id: number) => Promise<{ status: number; text: string }>) {
  const contact = await next(slug, me);
  expect(contact?.fullName).toBe(`Persona ${expectedName}`);
  const reply = await action(contact.id);
  expect(reply.status, reply.text).toBe(200);
  return contact.id as number;
}

beforeAll(async () => {
  slug = await phoneSurvey();
  const b = (name: string) => ({ name: `Persona ${name}`, service: 'Boletería' });
  const a = (name: string) => ({ name: `Persona ${name}`, service: 'Asesoría' });
  const csv = csvOf([b('B1'), b('B2'), b('B3'), b('B4'), b('B5'), a('A1'), a('A2'), a('A3'), a('A4'), b('B6')]);
  expect((await importCsv(slug, csv)).status).toBe(200);
  const me = await interviewer();
  const done = (calificacion: number, recomendacion: number) => (id: number) => complete(id, { calificacion, recomendacion }, me);
  const mark = (body: Record<string, unknown>) => (id: number) => outcome(id, body, me);

  // First pass through the list, in import order.
  await callAndDo(me, 'B1', done(5, 10));
  const b2 = await callAndDo(me, 'B2', mark({ outcome: 'no_answer' }));
  await callAndDo(me, 'B3', done(2, 3));
  await callAndDo(me, 'B4', mark({ outcome: 'refused' }));
  const b5 = await callAndDo(me, 'B5', mark({ outcome: 'no_answer' }));
  await callAndDo(me, 'A1', done(3, 7));
  const a2 = await callAndDo(me, 'A2', mark({ outcome: 'callback', callbackAt: new Date(Date.now() + 3_600_000).toISOString() }));
  await callAndDo(me, 'A3', mark({ outcome: 'wrong_number' }));
  await callAndDo(me, 'A4', mark({ outcome: 'busy' }));

  // Later: the callback and two retries come due (A4's retry has not); callbacks go first.
  for (const id of [a2, b2, b5]) await makeDue(id);
  await callAndDo(me, 'A2', done(5, 6));
  await callAndDo(me, 'B2', done(4, 9));
  await callAndDo(me, 'B5', mark({ outcome: 'no_answer' }));
  await makeDue(b5);
  await callAndDo(me, 'B5', mark({ outcome: 'no_answer' }));
}, 60_000);

const figures = (f: any) => ({
  contacts: f.contacts,
  attempts: f.attempts,
  attempted: f.attempted,
  contacted: f.contacted,
  contactRate: f.contactRate,
  completed: f.completed,
  completionRate: f.completionRate,
  refusals: f.refusals,
  csat: f.csat.percent,
  nps: f.nps.score,
  margin: f.nps.marginOfError,
});

describe('the telephone report', () => {
  it('equals the figures computed by hand for the fixture', async () => {
    const reply = await request(paths.report(slug), { headers: await bearer('communications') });
    expect(reply.status).toBe(200);
    const report = reply.body;
    expect(figures(report.totals)).toEqual({
      contacts: 10, attempts: 13, attempted: 9, contacted: 6, contactRate: 66.7,
      completed: 5, completionRate: 50, refusals: 1, csat: 60, nps: 0, margin: 78.4,
    });
    expect(report.totals).toMatchObject({ wrongNumbers: 1, unreachable: 1, inQueue: 2, withdrawn: 0 });
    expect(report.totals.nps).toMatchObject({ n: 5, promoters: 2, passives: 1, detractors: 2 });
    expect(report.totals.csat).toEqual({ n: 5, satisfied: 3, percent: 60 });
    expect(report.outcomes).toEqual({ completed: 5, noAnswer: 4, busy: 1, wrongNumber: 1, refused: 1, callback: 1 });
    expect(report.byService.map((s: any) => [s.service, figures(s)])).toEqual([
      ['Boletería', { contacts: 6, attempts: 8, attempted: 5, contacted: 4, contactRate: 80, completed: 3, completionRate: 50, refusals: 1, csat: 66.7, nps: 33.3, margin: 106.7 }],
      ['Asesoría', { contacts: 4, attempts: 5, attempted: 4, contacted: 2, contactRate: 50, completed: 2, completionRate: 50, refusals: 0, csat: 50, nps: -50, margin: 69.3 }],
    ]);
    expect(report.csatQuestion).toEqual({ key: 'calificacion', label: 'Pregunta calificacion' });
    expect(report.npsQuestion).toEqual({ key: 'recomendacion', label: 'Pregunta recomendacion' });
  });

  it('is published as a printable page with the same figures and how each is computed, without personal data', async () => {
    const page = await request(`/informes/telefonico/${slug}`);
    expect(page.status).toBe(200);
    for (const text of ['66,7 %', '50,0 %', '60,0 %', '+33,3', '−50,0', 'Tasa de contacto', 'Contactados ÷ contactos con al menos un intento']) {
      expect(page.text).toContain(text);
    }
    // Five, three and two NPS answers: too few for a margin (78,4, 106,7 and 69,3 points in the API).
    for (const n of [5, 3, 2]) {
      expect(page.text).toContain(`Muestra insuficiente para calcular el margen de error (n = ${n}; se requieren al menos 30)`);
    }
    expect(page.text).not.toContain('±');
    // The report itself; the site footer carries the entity's own phone lines (Res. 1519, annex 2).
    const report = page.text.slice(page.text.indexOf('<main'), page.text.indexOf('</main>'));
    expect(report).not.toMatch(/Persona |\+57|tel:/);
    expect(page.text).toContain(`href="/informes/telefonico/${slug}.csv"`);
    expect(scriptsBesidesBeacon(page.text)).toEqual([]);
    expect(pageCss(page.text)).toMatch(/@media print\{[^@]*\.report-actions/);
  });

  it('downloads as CSV, publicly and from the staff API, one row for the total and one per service', async () => {
    for (const [path, headers] of [
      [`/informes/telefonico/${slug}.csv`, {}],
      [paths.reportCsv(slug), await bearer('interviewer')],
    ] as const) {
      const reply = await request(path, { headers });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="informe-telefonico-${slug}.csv"`);
      const lines = reply.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[0].split(',')).toEqual([
        'encuesta', 'ambito', 'servicio', 'contactos', 'intentos', 'contactos_con_intento', 'contactados', 'tasa_contacto_pct',
        'completadas', 'tasa_completitud_pct', 'rechazos', 'numero_equivocado', 'sin_respuesta', 'en_cola', 'retirados',
        'csat_respuestas', 'csat_satisfechos', 'csat_pct', 'nps_respuestas', 'promotores', 'pasivos', 'detractores', 'nps',
        'nps_margen_error_95',
      ]);
      expect(lines[1]).toBe(`${slug},total,,10,13,9,6,66.7,5,50,1,1,1,2,0,5,3,60,5,2,1,2,0,78.4`);
      expect(lines[2]).toBe(`${slug},servicio,Boletería,6,8,5,4,80,3,50,1,0,1,1,0,3,2,66.7,3,2,0,1,33.3,106.7`);
      expect(lines[3]).toBe(`${slug},servicio,Asesoría,4,5,4,2,50,2,50,0,1,0,1,0,2,1,50,2,0,1,1,-50,69.3`);
    }
  });

  it('needs a session on the staff API, and answers 404 for an unknown or draft survey everywhere', async () => {
    expect((await request(paths.report(slug))).status).toBe(401);
    expect((await request(paths.reportCsv(slug))).status).toBe(401);
    const headers = await bearer('admin');
    expect((await request(paths.report('no-existe'), { headers })).status).toBe(404);
    expect((await request('/informes/telefonico/no-existe')).status).toBe(404);
    expect((await request('/informes/telefonico/no-existe.csv')).status).toBe(404);
    const [{ slug: draft }] = await sql`insert into public.surveys (slug, title, consent_version) values (${`borrador-${Date.now()}`}, 'Borrador', 'encuestas-v1') returning slug`;
    expect((await request(`/informes/telefonico/${draft}`)).status).toBe(404);
    expect((await request(paths.report(draft), { headers })).status).toBe(404);
  });

  it('shows an empty list with no rates rather than dividing by zero', async () => {
    const empty = await phoneSurvey();
    const reply = await request(paths.report(empty), { headers: await bearer('admin') });
    expect(reply.body.totals).toMatchObject({ contacts: 0, contactRate: null, completionRate: null, csat: { percent: null }, nps: { score: null, marginOfError: null } });
    expect(reply.body.byService).toEqual([]);
    const page = await request(`/informes/telefonico/${empty}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Aún no hay contactos en la lista de llamadas de esta encuesta.');
  });
});
