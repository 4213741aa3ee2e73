import { describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { complete, contactRow, csvOf, importCsv, interviewer, makeDue, next, outcome, paths, phoneSurvey, queueOf, type Interviewer } from './helpers.ts';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function listOf(names: string[]): Promise<string> {
  const slug = await phoneSurvey();
  expect((await importCsv(slug, csvOf(names.map((name) => ({ name }))))).status).toBe(200);
  return slug;
}

describe('an interviewer works a call list of 5 contacts', () => {
  it('completes, retries a no-answer, calls back at the agreed time, and records a refusal and a wrong number', async () => {
    const slug = await listOf(['Ana Rojas', 'Beto Díaz', 'Carla Mejía', 'Dora Niño', 'Elsa Ortiz']);
    const me = await interviewer();

    // Ana answers and takes the survey: the response is the phone channel, typed in by me.
    const ana = await next(slug, me);
    expect(ana.fullName).toBe('Ana Rojas');
    const done = await complete(ana.id, { calificacion: 5, recomendacion: 10 }, me, 'Muy amable.');
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ contactId: ana.id, survey: slug, status: 'completed' });
    const [response] = await sql`select channel, entered_by from public.survey_responses where id = ${done.body.responseId}`;
    expect(response).toEqual({ channel: 'phone', entered_by: me.sub });
    expect((await contactRow(ana.id)).response_id).toBe(done.body.responseId);

    // Beto does not answer: he leaves the queue for 2 hours.
    const beto = await next(slug, me);
    expect(beto.fullName).toBe('Beto Díaz');
    const noAnswer = await outcome(beto.id, { outcome: 'no_answer' }, me);
    expect(noAnswer.body).toMatchObject({ status: 'pending', attempts: 1 });

    // Carla asks to be called back in an hour.
    const carla = await next(slug, me);
    expect(carla.fullName).toBe('Carla Mejía');
    const callbackAt = inAnHour();
    const later = await outcome(carla.id, { outcome: 'callback', callbackAt, notes: 'Prefiere después del almuerzo.' }, me);
    expect(later.status, later.text).toBe(200);
    expect(later.body).toMatchObject({ status: 'callback', nextCallAt: callbackAt });

    // Dora refuses; Elsa's number is wrong. Both are final.
    const dora = await next(slug, me);
    expect((await outcome(dora.id, { outcome: 'refused' }, me)).body.status).toBe('refused');
    const elsa = await next(slug, me);
    expect((await outcome(elsa.id, { outcome: 'wrong_number' }, me)).body.status).toBe('wrong_number');

    // Nobody is due: Carla's callback has not come, Beto's retry neither. The answer says when the next one is.
    const none = await postJson(paths.next(slug), {}, { headers: me.headers });
    expect(none.body).toEqual({ contact: null, message: 'No hay más contactos por llamar en este momento.', nextCallAt: callbackAt });
    expect((await queueOf(slug)).counts).toMatchObject({ due: 0, waiting: 2, completed: 1, refused: 1, wrongNumber: 1, callback: 1 });

    // Time passes: both are due. The callback comes first, although Beto was imported earlier.
    await makeDue(carla.id);
    await makeDue(beto.id);
    const again = await next(slug, me);
    expect(again.id).toBe(carla.id);
    expect(again.history.map((h: any) => h.outcome)).toEqual(['callback']);
    expect(again.history[0].notes).toBe('Prefiere después del almuerzo.');
    expect((await complete(carla.id, { calificacion: 2, recomendacion: 3 }, me)).status).toBe(200);

    const betoAgain = await next(slug, me);
    expect(betoAgain).toMatchObject({ id: beto.id, attempts: 1 });
    expect((await complete(beto.id, { calificacion: 4, recomendacion: 8 }, me)).status).toBe(200);

    expect(await next(slug, me)).toBeNull();
    expect((await queueOf(slug)).counts).toMatchObject({ total: 5, due: 0, waiting: 0, inCall: 0, completed: 3, refused: 1, wrongNumber: 1 });
    const attempts = await sql`
      select c.full_name, a.outcome, a.interviewer_sub from public.phone_call_attempts a
      join public.phone_contacts c on c.id = a.contact_id join public.surveys s on s.id = c.survey_id
      where s.slug = ${slug} order by a.id`;
    expect(attempts.map((a) => `${a.full_name}: ${a.outcome}`)).toEqual([
      'Ana Rojas: completed',
      'Beto Díaz: no_answer',
      'Carla Mejía: callback',
      'Dora Niño: refused',
      'Elsa Ortiz: wrong_number',
      'Carla Mejía: completed',
      'Beto Díaz: completed',
    ]);
    expect(new Set(attempts.map((a) => a.interviewer_sub))).toEqual(new Set([me.sub]));

    const report = await request(paths.report(slug), { headers: me.headers });
    expect(report.body.totals).toMatchObject({ contacts: 5, attempts: 7, attempted: 5, contacted: 4, contactRate: 80, completed: 3, completionRate: 60, refusals: 1, wrongNumbers: 1 });
  });

  it('gives up after 3 attempts without an answer (no answer or busy)', async () => {
    const slug = await listOf(['Fabio Gil']);
    const me = await interviewer();
    for (const [i, result] of (['no_answer', 'busy', 'no_answer'] as const).entries()) {
      const contact = await next(slug, me);
      expect(contact.attempts).toBe(i);
      const reply = await outcome(contact.id, { outcome: result }, me);
      expect(reply.body.status).toBe(i < 2 ? 'pending' : 'unreachable');
      await makeDue(contact.id).catch(() => {});
    }
    expect(await next(slug, me)).toBeNull();
    expect((await queueOf(slug)).counts).toMatchObject({ unreachable: 1, pending: 0 });
  });
});

describe('POST /api/admin/telephone/contacts/:id/outcome', () => {
  async function claimed(): Promise<{ slug: string; me: Interviewer; id: number }> {
    const slug = await listOf(['Gina Hoyos']);
    const me = await interviewer();
    return { slug, me, id: (await next(slug, me)).id };
  }

  it('validates the outcome with the contract\'s fields, writing nothing', async () => {
    const { me, id } = await claimed();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { outcome: 'Elija el resultado de la llamada.' }],
      [{ outcome: 'hung_up' }, { outcome: 'Elija el resultado de la llamada.' }],
      [{ outcome: 'callback' }, { callbackAt: 'Indique la fecha y la hora acordadas para volver a llamar.' }],
      [{ outcome: 'callback', callbackAt: '2020-01-01T10:00' }, { callbackAt: 'La hora para volver a llamar debe ser futura.' }],
      [{ outcome: 'callback', callbackAt: 'mañana' }, { callbackAt: 'Indique una fecha y una hora reales, como 2026-11-25T15:30 (hora de Colombia).' }],
      [{ outcome: 'callback', callbackAt: '2099-01-01T10:00' }, { callbackAt: 'Acuerde una nueva llamada dentro de los próximos 90 días.' }],
      [{ outcome: 'refused', notes: 'x'.repeat(501) }, { notes: 'Las notas admiten máximo 500 caracteres.' }],
      [{ outcome: 'completed' }, { responseId: 'Una llamada completada necesita la respuesta de la encuesta registrada en ella.' }],
      [{ outcome: 'completed', responseId: 'abc' }, { responseId: 'El identificador de la respuesta no es válido.' }],
      [{ outcome: 'refused', color: 'azul' }, { color: 'Este campo no está permitido.' }],
    ];
    for (const [body, fields] of cases) {
      const reply = await outcome(id, body, me);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect(reply.body.error.code).toBe('validation_failed');
      expect(reply.body.error.fields).toEqual(fields);
    }
    expect(await sql`select * from public.phone_call_attempts where contact_id = ${id}`).toHaveLength(0);
    expect((await contactRow(id)).locked_by).toBe(me.sub);
  });

  it('accepts "completed" only with a phone response this interviewer entered for this survey', async () => {
    const { slug, me, id } = await claimed();
    const caller = (who: Interviewer) => ({ kind: 'staff' as const, token: who.token, claims: JSON.parse(Buffer.from(who.token.split('.')[1], 'base64url').toString()) });
    const submit = (who: Interviewer | null, channel: string) =>
      store.rpc<any>(
        'submit_survey_response',
        { p_slug: slug, p_answers: { servicio: 'boleteria', calificacion: 4 }, p_consent_version: 'encuestas-v1', p_channel: channel, p_client: `t-${Math.random()}` },
        who ? caller(who) : { kind: 'anon' },
      );
    const web = await submit(null, 'web');
    const someoneElse = await submit(await interviewer(), 'phone');
    const mine = await submit(me, 'phone');
    expect([web.ok, someoneElse.ok, mine.ok]).toEqual([true, true, true]);
    for (const responseId of [web.value.id, someoneElse.value.id]) {
      const reply = await outcome(id, { outcome: 'completed', responseId }, me);
      expect(reply.status).toBe(422);
      expect(Object.keys(reply.body.error.fields)).toEqual(['responseId']);
    }
    const ok = await outcome(id, { outcome: 'completed', responseId: mine.value.id }, me);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('completed');
  });

  it('answers 401, 403 (not the holder; not an interviewer), 404 and 409 once the call is settled', async () => {
    const { me, id } = await claimed();
    expect((await postJson(paths.outcome(id), { outcome: 'busy' })).status).toBe(401);
    expect((await postJson(paths.outcome(id), { outcome: 'busy' }, { headers: await bearer('communications') })).status).toBe(403);
    const stranger = await outcome(id, { outcome: 'busy' }, await interviewer());
    expect(stranger.status).toBe(403);
    expect((await outcome(999_999_999, { outcome: 'busy' }, me)).status).toBe(404);
    expect((await outcome('abc' as never, { outcome: 'busy' }, me)).status).toBe(404);
    expect((await outcome(id, { outcome: 'refused' }, me)).status).toBe(200);
    const twice = await outcome(id, { outcome: 'refused' }, me);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('closed');
    expect(await sql`select * from public.phone_call_attempts where contact_id = ${id}`).toHaveLength(1);
  });
});

describe('POST /api/admin/telephone/contacts/:id/response (the survey on the citizen\'s behalf)', () => {
  it('validates the answers with the survey\'s own rules and needs the read-aloud consent; nothing is written', async () => {
    const slug = await listOf(['Hugo Isaza']);
    const me = await interviewer();
    const { id } = await next(slug, me);
    const reply = await postJson(paths.response(id), { answers: { servicio: 'otra', calificacion: 9 }, consent: false, notes: 'x'.repeat(600) }, { headers: me.headers });
    expect(reply.status).toBe(422);
    expect(reply.body.error.fields).toEqual({
      'answers.servicio': 'Elija una de las opciones.',
      'answers.calificacion': 'Elija un valor entre 1 y 5.',
      consent: 'Confirme que leyó el aviso de datos personales a la persona y que ella lo aceptó.',
      notes: 'Las notas admiten máximo 500 caracteres.',
    });
    const extra = await postJson(paths.response(id), { answers: { servicio: 'boleteria', calificacion: 4 }, consent: true, channel: 'web' }, { headers: me.headers });
    expect(extra.body.error.fields).toEqual({ channel: 'Este campo no está permitido.' });
    expect(await sql`select * from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${slug}`).toHaveLength(0);
    expect((await contactRow(id)).status).toBe('pending');
  });

  it('records one response only when the same call is submitted twice at once', async () => {
    const slug = await listOf(['Inés Jaramillo']);
    const me = await interviewer();
    const { id } = await next(slug, me);
    const replies = await Promise.all(Array.from({ length: 4 }, () => complete(id, { calificacion: 5, recomendacion: 9 }, me)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await sql`select * from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${slug}`).toHaveLength(1);
    expect(await sql`select * from public.phone_call_attempts where contact_id = ${id}`).toHaveLength(1);
  });

  it('works from the call page: the survey form and the outcome form post to the page itself', async () => {
    const slug = await listOf(['Juan Lara', 'Karen Mora']);
    const me = await interviewer();
    const juan = await next(slug, me);
    const page = `/staff/telefonico/llamada/${juan.id}`;
    const get = await request(page, { headers: { cookie: me.cookie } });
    expect(get.status).toBe(200);
    expect(get.text).toContain('Juan Lara escuchó el aviso y autorizó el tratamiento de sus datos');
    const headers = { cookie: me.cookie, origin: PARTICIPA_URL };

    const invalid = await postForm(page, [['step', 'encuesta'], ['answers.servicio', 'asesoria'], ['notes', 'Sin novedad']], { headers });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('Confirme que leyó el aviso de datos personales');
    expect(invalid.text).toContain('Sin novedad');

    const saved = await postForm(
      page,
      [['step', 'encuesta'], ['consent', 'true'], ['answers.servicio', 'asesoria'], ['answers.calificacion', '4'], ['answers.recomendacion', '9'], ['answers.comentario', ''], ['notes', '']],
      { headers },
    );
    expect(saved.status, saved.text.slice(0, 500)).toBe(303);
    expect(saved.headers.get('location')).toBe(`/staff/telefonico/${slug}?ok=completada`);
    expect((await contactRow(juan.id)).status).toBe('completed');

    const karen = await next(slug, me);
    const karenPage = `/staff/telefonico/llamada/${karen.id}`;
    const noTime = await postForm(karenPage, [['step', 'resultado'], ['outcome', 'callback'], ['callbackAt', ''], ['notes', 'Llamar en la tarde']], { headers });
    expect(noTime.status).toBe(422);
    expect(noTime.text).toContain('Indique la fecha y la hora acordadas para volver a llamar.');
    expect(noTime.text).toContain('Llamar en la tarde');
    const when = new Date(Date.now() + 86_400_000 - 5 * 3_600_000).toISOString().slice(0, 16); // tomorrow, Bogotá wall clock
    const ok = await postForm(karenPage, [['step', 'resultado'], ['outcome', 'callback'], ['callbackAt', when], ['notes', '']], { headers });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/staff/telefonico/${slug}?ok=callback`);
    const row = await contactRow(karen.id);
    expect(row.status).toBe('callback');
    expect(new Date(row.next_call_at).toISOString()).toBe(new Date(`${when}:00-05:00`).toISOString());

    const gone = await request(karenPage, { headers: { cookie: me.cookie } });
    expect(gone.status).toBe(409);
    expect(gone.text).toContain('Este contacto no tiene una llamada en curso');
  });
});
