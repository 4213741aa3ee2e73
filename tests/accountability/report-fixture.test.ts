import { beforeAll, describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { asStaff, createHearing, question, questionId } from './fixture.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

// A whole exercise built for one year no other test uses, and its report's numbers worked out by hand
// (in the comments beside each step). The report must show exactly these, on the page, in CSV and in JSON.
const YEAR = 2031;

const activity = async (fields: Record<string, unknown>) => {
  const saved = await asStaff('staff_save_accountability_activity', {
    p_id: null,
    p_activity: { year: YEAR, kind: 'other', responsibleArea: 'Planeación', channel: 'Sitio web', ...fields },
  });
  expect(saved.ok).toBe(true);
  return saved.value.id as number;
};
const ask = async (slug: string) => {
  const reply = await postJson(`/api/hearings/${slug}/questions`, question());
  expect(reply.status).toBe(201);
  return reply.body.id as string;
};
const answer = async (id: string, mode: 'live' | 'written') =>
  expect(await asStaff('staff_answer_question', { p_id: id, p_mode: mode, p_answer: 'Respuesta de la entidad.', p_recording_at: mode === 'live' ? '01:05:00' : null })).toMatchObject({ ok: true });
const backdate = (id: string, days: number) =>
  sql`update public.hearing_questions set received_at = now() - make_interval(days => ${days}), due_on = private.question_due_on(now() - make_interval(days => ${days})) where id = ${id}`;

let slugs: string[] = [];

beforeAll(async () => {
  // Schedule: 5 activities; done 2 (1 on time, 1 late), in progress 1 (late: ended in 2025), planned 1, cancelled 1.
  const onTime = await activity({ title: 'Alistamiento', startsOn: '2031-01-10', endsOn: '2031-12-31', status: 'done' });
  const doneLate = await activity({ title: 'Informe de gestión', startsOn: '2025-01-10', endsOn: '2025-02-10', status: 'done' });
  await activity({ title: 'Convocatoria', startsOn: '2025-03-01', endsOn: '2025-03-31', status: 'in_progress' });
  await activity({ title: 'Evaluación', startsOn: '2031-11-01', endsOn: '2031-11-30', status: 'planned' });
  await activity({ title: 'Actividad cancelada', startsOn: '2031-05-01', endsOn: '2031-05-02', status: 'cancelled' });
  for (const [id, label] of [[onTime, 'Acta'], [onTime, 'Lista de asistencia'], [doneLate, 'Informe publicado']] as const) {
    expect((await asStaff('staff_add_accountability_evidence', { p_activity_id: id, p_label: label, p_url: '/rendicion-de-cuentas' })).ok).toBe(true);
  }

  const h1 = await createHearing({ year: YEAR, startsInDays: 3 });
  const h2 = await createHearing({ year: YEAR, startsInDays: 4 });
  slugs = [h1.slug, h2.slug];
  await sql`update public.hearings set evaluation_survey = private.create_hearing_evaluation_survey(slug, title) where id = ${h1.id}`;
  expect((await asStaff('staff_record_attendance', { p_slug: h1.slug, p_online_viewers: 300, p_in_person: 40 })).ok).toBe(true);
  expect((await asStaff('staff_record_attendance', { p_slug: h2.slug, p_online_viewers: 120, p_in_person: null })).ok).toBe(true);

  // Hearing 1: 6 received; answered 4 (live, merged into it, out of scope, written late) of which 3 on time;
  // pending 2, of which 1 overdue.
  const ids = [];
  for (let i = 0; i < 6; i += 1) ids.push(await ask(h1.slug));
  await answer(ids[0], 'live');
  expect((await asStaff('staff_moderate_question', { p_id: ids[1], p_action: 'merge', p_into: 1, p_reason: null })).ok).toBe(true);
  expect((await asStaff('staff_moderate_question', { p_id: ids[2], p_action: 'out_of_scope', p_into: null, p_reason: 'No es competencia de la entidad.' })).ok).toBe(true);
  await backdate(ids[3], 40);
  await answer(ids[3], 'written');
  await backdate(ids[5], 40);
  // Hearing 2: 2 received; 1 answered in writing on time, 1 pending (not overdue).
  await answer(await ask(h2.slug), 'written');
  await ask(h2.slug);
  expect(await questionId(h2.id, 2)).toEqual(expect.any(String));

  // Evaluation of hearing 1: clarity 4, 2, 5 (3.67); usefulness 5, 3, 4 (4.00); answered: si, no, no_pregunte.
  const survey = `evaluacion-${h1.slug}`;
  for (const [claridad, utilidad, pregunta_respondida] of [[4, 5, 'si'], [2, 3, 'no'], [5, 4, 'no_pregunte']] as const) {
    const result = await store.rpc<any>('submit_survey_response', {
      p_slug: survey,
      p_answers: { claridad, utilidad, pregunta_respondida, medio: 'en_vivo' },
      p_consent_version: 'encuestas-v1',
      p_client: `report-fixture-${claridad}`,
    });
    expect(result.ok).toBe(true);
  }
  expect((await asStaff('staff_save_accountability_evaluation', { p_year: YEAR, p_held_on: '2031-12-10', p_participants: 'Planeación y Comunicaciones', p_results: 'Se cumplió el cronograma salvo la convocatoria.' })).ok).toBe(true);
  expect(await asStaff('staff_create_improvement_action', { p_source: 'accountability', p_source_ref: String(YEAR), p_title: 'Publicar el informe un mes antes', p_owner_area: 'Planeación', p_due_on: '2032-03-31' })).toMatchObject({ ok: true });
});

describe(`the consolidated accountability report equals the hand-computed fixture (${YEAR})`, () => {
  it('counts the schedule, the hearings, the questions, the evaluation and the totals', async () => {
    const reply = await request(`/rendicion-de-cuentas/informe/${YEAR}.json`);
    expect(reply.status).toBe(200);
    const report = reply.body;
    expect(report.schedule).toEqual({ total: 5, done: 2, doneOnTime: 1, inProgress: 1, planned: 1, cancelled: 1, late: 1 });
    // Ordered by start date: the two 2025 activities first.
    expect(report.activities.map((a: any) => [a.title, a.evidence.length])).toEqual([
      ['Informe de gestión', 1], ['Convocatoria', 0], ['Alistamiento', 2], ['Actividad cancelada', 0], ['Evaluación', 0],
    ]);
    const [h1, h2] = report.hearings;
    expect(h1.slug).toBe(slugs[0]);
    expect(h1.questions).toEqual({ received: 6, answered: 4, answeredOnTime: 3, pending: 2, overdue: 1, live: 1, written: 1, merged: 1, outOfScope: 1 });
    expect(h2.questions).toEqual({ received: 2, answered: 1, answeredOnTime: 1, pending: 1, overdue: 0, live: 0, written: 1, merged: 0, outOfScope: 0 });
    expect([h1.onlineViewers, h1.inPersonAttendees, h2.onlineViewers, h2.inPersonAttendees]).toEqual([300, 40, 120, null]);
    expect(h1.evaluation).toEqual({ survey: `evaluacion-${slugs[0]}`, responses: 3, clarity: 3.67, usefulness: 4, questionAnswered: { si: 1, parcial: 0, no: 1, no_pregunte: 1 } });
    expect(h2.evaluation).toMatchObject({ survey: null, responses: 0, clarity: null, usefulness: null });
    expect(report.totals).toEqual({
      hearings: 2,
      onlineViewers: 420,
      inPersonAttendees: 40,
      questionsReceived: 8,
      questionsAnswered: 5,
      answeredOnTime: 4,
      questionsOverdue: 1,
      evaluationResponses: 3,
    });
    expect(report.evaluation).toEqual({ heldOn: '2031-12-10', participants: 'Planeación y Comunicaciones', results: 'Se cumplió el cronograma salvo la convocatoria.' });
    expect(report.improvementActions).toMatchObject([{ title: 'Publicar el informe un mes antes', status: 'planned', ownerArea: 'Planeación' }]);
  });

  it('gives the same numbers in the CSV download', async () => {
    const reply = await request(`/rendicion-de-cuentas/informe/${YEAR}.csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(reply.headers.get('content-disposition')).toContain(`rendicion-de-cuentas-${YEAR}.csv`);
    const lines = reply.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('seccion,elemento,indicador,valor');
    for (const line of [
      'cronograma,total,cumplidas,2',
      'cronograma,total,atrasadas,1',
      `total,${YEAR},preguntas recibidas,8`,
      `total,${YEAR},preguntas respondidas,5`,
      `total,${YEAR},respondidas a tiempo,4`,
      `total,${YEAR},asistentes en línea,420`,
      'evaluacion,Audiencia de prueba,claridad promedio (1 a 5),3.67',
      'accion de mejora,Publicar el informe un mes antes,estado,Planeada',
    ]) {
      expect(lines).toContain(line);
    }
  });

  it('prints the same numbers on the page, in SVG charts and in tables', async () => {
    const reply = await request(`/rendicion-de-cuentas/informe/${YEAR}`);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('2 de 5 actividades cumplidas, 1 de ellas a tiempo.');
    expect(reply.text.match(/<svg class="bar-chart"/g)?.length).toBe(3);
    expect(reply.text).toContain('Publicar el informe un mes antes');
    expect(reply.text).toContain('3,67 de 5');
    expect(scriptsBesidesBeacon(reply.text)).toEqual([]);
  });

  it('answers 404 for a year without an exercise', async () => {
    expect((await request('/rendicion-de-cuentas/informe/2099')).status).toBe(404);
    expect((await request('/rendicion-de-cuentas/informe/2099.json')).status).toBe(404);
    expect((await request('/rendicion-de-cuentas/informe/2099.csv')).status).toBe(404);
  });
});
