import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { joinArea, newChallenge, newPerson } from './fixtures.ts';

const claim = (id: number, headers: Record<string, string>, note?: string) => postJson(`/api/admin/paper/challenges/${id}/claim`, note ? { note } : {}, { headers });
const quiz = (id: number, answers: Record<string, unknown>, headers: Record<string, string>) => postJson(`/api/admin/paper/challenges/${id}/quiz`, { answers }, { headers });
const week = async (headers: Record<string, string>) => (await request('/api/admin/paper/week', { headers })).body;

describe('weekly challenges', () => {
  it('asks for a team first, then counts a claim once per person and week', async () => {
    const challenge = await newChallenge(15);
    const ana = await newPerson('box_office');
    const first = await claim(challenge.id, ana);
    expect(first.status).toBe(422);
    expect(first.body.error.fields).toEqual({ area: 'Elija su área.' });

    await joinArea(ana, 'juridica');
    const claimed = await claim(challenge.id, ana, 'Configuré la impresora');
    expect(claimed.status, claimed.text).toBe(201);
    expect(claimed.body).toEqual({ challengeId: challenge.id, points: 15, totalPoints: 15 });
    const again = await claim(challenge.id, ana);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'duplicate', message: 'Ya registró este reto esta semana: sus puntos ya cuentan.' });
    expect((await week(ana)).player).toMatchObject({ area: 'juridica', points: 15, badges: [{ code: 'primer-reto' }] });
  });

  it('refuses double counting even when the same person claims five times at once', async () => {
    const challenge = await newChallenge(10);
    const luis = await newPerson();
    await joinArea(luis, 'financiera');
    const replies = await Promise.all(Array.from({ length: 5 }, () => claim(challenge.id, luis)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const [row] = await sql`select count(*)::int as claims, sum(points)::int as points from public.paper_claims where challenge_id = ${challenge.id}`;
    expect(row).toEqual({ claims: 1, points: 10 });
  });

  it('scores the quiz once, 2 points per right answer, and explains every answer', async () => {
    const challenge = await newChallenge();
    const eva = await newPerson('interviewer');
    await joinArea(eva, 'tecnologia');
    const [q1, q2] = challenge.questions;

    const incomplete = await quiz(challenge.id, { [q1]: 1 }, eva);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.fields).toEqual({ [`answers.${q2}`]: 'Elija una respuesta.' });

    // From the phone's form: radio values arrive as strings.
    const answered = await postForm(`/api/admin/paper/challenges/${challenge.id}/quiz`, [[`answers.${q1}`, '1'], [`answers.${q2}`, '1']], { headers: eva });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe('/staff/papel?ok=quiz');
    const result = (await week(eva)).challenges.find((c: { id: number }) => c.id === challenge.id).quizResult;
    expect(result).toMatchObject({ correct: 1, total: 2, points: 2 });
    expect(result.answers).toEqual([
      { questionId: q1, chosen: 1, correctOption: 1, right: true, explanation: 'Lo que no se imprime no gasta papel.' },
      { questionId: q2, chosen: 1, correctOption: 0, right: false, explanation: 'Doble cara gasta la mitad.' },
    ]);

    const twice = await Promise.all([quiz(challenge.id, { [q1]: 1, [q2]: 0 }, eva), quiz(challenge.id, { [q1]: 1, [q2]: 0 }, eva)]);
    expect(twice.map((r) => r.status)).toEqual([409, 409]);
    expect((await week(eva)).player.points).toBe(2);
  });

  it('never shows the right option before answering, and closes challenges of other weeks', async () => {
    const challenge = await newChallenge();
    const leo = await newPerson();
    await joinArea(leo, 'planeacion');
    const open = (await week(leo)).challenges.find((c: { id: number }) => c.id === challenge.id);
    expect(open.questions[0]).toEqual({ id: challenge.questions[0], prompt: '¿Qué ahorra más papel?', options: ['Imprimir todo', 'Leer en pantalla'] });
    expect(open.quizResult).toBeNull();

    const past = await newChallenge(10, '2026-01-07');
    const late = await claim(past.id, leo);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('closed');
    expect((await quiz(past.id, { [past.questions[0]]: 1, [past.questions[1]]: 0 }, leo)).body.error.code).toBe('closed');
    expect((await claim(999_999_999, leo)).status).toBe(404);
    expect((await claim('abc' as unknown as number, leo)).status).toBe(404);
  });

  it('ranks the areas that scored and shows only the people who opted in', async () => {
    const challenge = await newChallenge(20);
    const shown = await newPerson();
    const hidden = await newPerson();
    const name = `Visible ${Date.now().toString(36)}`;
    await joinArea(shown, 'control-interno', name);
    await joinArea(hidden, 'control-interno');
    const before = (await request('/api/admin/paper/leaderboard', { headers: shown })).body;
    const areaBefore = before.areas.find((a: { code: string }) => a.code === 'control-interno')?.points ?? 0;

    expect((await claim(challenge.id, shown)).status).toBe(201);
    expect((await claim(challenge.id, hidden)).status).toBe(201);
    const board = (await request('/api/admin/paper/leaderboard', { headers: hidden })).body;
    expect(board.areas.find((a: { code: string }) => a.code === 'control-interno').points).toBe(areaBefore + 40);
    expect(board.areas.every((a: { points: number }) => a.points > 0)).toBe(true);
    expect(board.people).toContainEqual({ name, area: 'Control Interno', points: 20 });
    expect(JSON.stringify(board)).not.toMatch(/papel-[a-z0-9]+-\d+@/);
  });

  it('asks for a name to show, and lets only admins create challenges', async () => {
    const ana = await newPerson();
    const reply = await postJson('/api/admin/paper/team', { area: 'juridica', showName: true }, { headers: ana });
    expect(reply.status).toBe(422);
    expect(reply.body.error.fields.displayName).toMatch(/nombre a mostrar/);
    expect((await postJson('/api/admin/paper/team', { area: 'no-existe', showName: false }, { headers: ana })).body.error.fields).toEqual({ area: 'Elija su área.' });
    const forbidden = await postJson('/api/admin/paper/challenges', {}, { headers: await bearer('communications') });
    expect(forbidden.status).toBe(403);
  });
});

describe('challenges set by an admin', () => {
  it('takes the staff form: options one per line, blank questions left out, to the week of the day chosen', async () => {
    const title = `Reto del formulario ${Date.now().toString(36)}`;
    const reply = await postForm(
      '/api/admin/paper/challenges',
      [
        ['weekOf', '2027-02-04'],
        ['title', title],
        ['description', 'Use la firma digital en los oficios.'],
        ['actionLabel', 'Firmé digitalmente'],
        ['points', '15'],
        ['questions.0.prompt', '¿La firma digital es válida?'],
        ['questions.0.options', 'Sí\r\nNo\r\n'],
        ['questions.0.correctOption', '0'],
        ['questions.0.explanation', 'La Ley 527 de 1999 le da validez.'],
        ['questions.1.prompt', ''],
        ['questions.1.options', ''],
        ['questions.1.correctOption', '0'],
        ['questions.1.explanation', ''],
      ],
      { headers: await bearer('admin', 'admin-retos@agencia.gov.co') },
    );
    expect(reply.status, reply.text).toBe(303);
    expect(reply.headers.get('location')).toBe('/staff/papel?ok=reto-creado');
    const [challenge] = await sql`select id, week_start::text as week, points from public.paper_challenges where title = ${title}`;
    expect(challenge).toMatchObject({ week: '2027-02-01', points: 15 });
    expect(await sql`select options, correct_option from public.paper_quiz_questions where challenge_id = ${challenge.id}`).toEqual([{ options: ['Sí', 'No'], correct_option: 0 }]);
  });

  it('puts a challenge set for a Monday or a Sunday in that day\'s own week (Monday to Sunday), whatever the hour in UTC', async () => {
    const headers = await bearer('admin', 'admin-papel@agencia.gov.co');
    for (const [weekOf, week] of [['2027-03-01', '2027-03-01'], ['2027-03-07', '2027-03-01'], ['2027-03-08', '2027-03-08']]) {
      const reply = await postJson('/api/admin/paper/challenges', { weekOf, title: `Reto del ${weekOf} ${Date.now().toString(36)}`, description: 'Algo que hacer.', actionLabel: 'Lo hice', points: 5 }, { headers });
      expect(reply.status, weekOf).toBe(201);
      expect(reply.body.weekStart, weekOf).toBe(week);
    }
  });

  it('refuses a right option that is not one of the options, and a second challenge of the same title that week', async () => {
    const headers = await bearer('admin', 'admin-retos@agencia.gov.co');
    const body = { weekOf: '2027-02-10', title: 'Reto repetido', description: 'Algo que hacer.', actionLabel: 'Lo hice', points: 5 };
    const wrong = await postJson('/api/admin/paper/challenges', { ...body, questions: [{ prompt: '¿Sí?', options: ['Sí', 'No'], correctOption: 3, explanation: 'Porque sí.' }] }, { headers });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields).toEqual({ 'questions.0.correctOption': 'La respuesta correcta debe ser una de las opciones.' });
    expect((await postJson('/api/admin/paper/challenges', body, { headers })).status).toBe(201);
    const again = await postJson('/api/admin/paper/challenges', { ...body, weekOf: '2027-02-12' }, { headers });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate');
  });
});
