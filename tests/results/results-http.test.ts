import { beforeAll, describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { parseCsv } from './csv.ts';
import { createResultsSurvey, submitAll, textAnswers } from './fixture.ts';
import { compareCsvWithResults } from './reimport.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

const results = (slug: string) => `/api/surveys/${slug}/results`;
const publish = (slug: string) => `/api/admin/surveys/${slug}/results/publish`;
const review = (id: string) => `/api/admin/text-answers/${id}/review`;
const pick = (list: any[], key: string, value: string) => list.find((x) => x[key] === value);
const bars = (list: any[]) => list.map((o) => [o.value, o.count, o.percent]);

// Six responses (tests/results/fixture.ts), counted by hand:
//   channel  network    medio  temas                 calif nps servicios (bol/ase)   edad visita      comentario
// 1 web      —          redes  precio, trato          5    10  usado / conoce        30   2026-10-05  with an email
// 2 social   facebook   otro*  precio                 4     9  conoce / —            40   2026-11-01
// 3 social   instagram  web    —                      2     3  — / —                 25   —           "Faltan horarios"
// 4 web      —          redes  horario                3     7  no_conoce / no_conoce —    —
// 5 social   facebook   redes  precio, horario, trato 5     8  usado / usado         52   2026-11-20  "=HIPERVINCULO…"
// 6 web      —          web    trato                  1     9  conoce / —            19   2026-10-30
describe('survey results', () => {
  let slug: string;

  beforeAll(async () => {
    slug = await createResultsSurvey();
    await submitAll(slug);
  });

  it('are not public until staff publish them: API, page and open data answer 404', async () => {
    const reply = await request(results(slug));
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect((await request(`/resultados/${slug}`)).status).toBe(404);
    expect((await request(`/api/surveys/${slug}/open-data.csv`)).status).toBe(404);
    expect((await request(`/api/surveys/${slug}/open-data.json`)).status).toBe(404);
    expect((await request(`/api/surveys/${slug}/data-dictionary.csv`)).status).toBe(404);
    expect((await request('/api/surveys/no-existe/results')).status).toBe(404);
    const index = await request('/resultados');
    expect(index.text).not.toContain(slug);
  });

  it('cannot be published, reviewed or fed followers without a staff role that may (401, 403)', async () => {
    expect((await postJson(publish(slug), { published: true })).status).toBe(401);
    const forbidden = await postJson(publish(slug), { published: true }, { headers: await bearer('interviewer') });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const [text] = await textAnswers(slug);
    expect((await postJson(review(text.id), { publishable: true })).status).toBe(401);
    expect((await postJson(review(text.id), { publishable: true }, { headers: await bearer('advisor') })).status).toBe(403);
    expect((await postJson('/api/admin/social/followers', { network: 'facebook', measuredOn: '2026-11-01', followers: 10 })).status).toBe(401);
    expect((await postJson(results(slug), {})).status).toBe(405);
    expect((await request(results(slug))).status).toBe(404);
  });

  it('are published by communications and then match the counts computed by hand', async () => {
    const email = `com-res-${Date.now()}@agencia.gov.co`;
    const reply = await postJson(publish(slug), { published: true }, { headers: await bearer('communications', email) });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ slug, published: true });
    const [audit] = await sql`select action, table_name, after from private.audit_log where actor_email = ${email}`;
    expect(audit).toMatchObject({ action: 'update', table_name: 'surveys' });
    expect(audit.after.results_published_at).toBeTruthy();

    const { status, body } = await request(results(slug));
    expect(status).toBe(200);
    expect(body).toMatchObject({ slug, planActivity: '1.1', status: 'open' });
    expect(body.totals.responses).toBe(6);
    expect(body.totals.byChannel).toEqual([
      { channel: 'web', count: 3, percent: 50 },
      { channel: 'social', count: 3, percent: 50 },
      { channel: 'phone', count: 0, percent: 0 },
    ]);
    expect(body.totals.byNetwork).toEqual([
      { network: 'facebook', count: 2, percent: 33.3 },
      { network: 'instagram', count: 1, percent: 16.7 },
      { network: 'sin_red', count: 3, percent: 50 },
    ]);
    const q = (id: string) => pick(body.questions, 'id', id);
    expect(body.questions.map((x: any) => x.id)).toEqual(['medio', 'temas', 'calificacion', 'recomendacion', 'servicios', 'edad', 'visita', 'comentario']);

    // Single choice with «Otro»: % of the 6 who answered; the words of «Otro» wait for review.
    expect(q('medio').answered).toBe(6);
    expect(bars(q('medio').options)).toEqual([['redes', 3, 50], ['web', 2, 33.3], ['otro', 1, 16.7]]);
    expect(q('medio').options[0].label).toBe('Redes sociales');
    expect(q('medio').texts).toEqual({ published: [], unpublished: 1 });
    // Cross-tabs: by channel and by network, % of each group's respondents.
    expect(q('medio').byChannel.map((g: any) => [g.group, g.answered, bars(g.options)])).toEqual([
      ['web', 3, [['redes', 2, 66.7], ['web', 1, 33.3], ['otro', 0, 0]]],
      ['social', 3, [['redes', 1, 33.3], ['web', 1, 33.3], ['otro', 1, 33.3]]],
    ]);
    expect(q('medio').byNetwork.map((g: any) => [g.group, g.answered, bars(g.options)])).toEqual([
      ['facebook', 2, [['redes', 1, 50], ['web', 0, 0], ['otro', 1, 50]]],
      ['instagram', 1, [['redes', 0, 0], ['web', 1, 100], ['otro', 0, 0]]],
      ['sin_red', 3, [['redes', 2, 66.7], ['web', 1, 33.3], ['otro', 0, 0]]],
    ]);

    // Multiple choice: % of the 5 respondents who answered (they add up to more than 100).
    expect(q('temas').answered).toBe(5);
    expect(bars(q('temas').options)).toEqual([['precio', 3, 60], ['horario', 2, 40], ['trato', 3, 60]]);
    expect(pick(q('temas').byNetwork, 'group', 'facebook')).toMatchObject({ answered: 2 });
    expect(bars(pick(q('temas').byNetwork, 'group', 'facebook').options)).toEqual([['precio', 2, 100], ['horario', 1, 50], ['trato', 1, 50]]);

    // Scale: 5, 4, 2, 3, 5, 1 → mean 20/6, median (3 + 4) / 2.
    expect(q('calificacion')).toMatchObject({ answered: 6, mean: 3.33, median: 3.5, min: 1, max: 5 });
    expect(bars(q('calificacion').distribution)).toEqual([['1', 1, 16.7], ['2', 1, 16.7], ['3', 1, 16.7], ['4', 1, 16.7], ['5', 2, 33.3]]);
    expect(q('calificacion').byChannel.map((g: any) => [g.group, g.mean])).toEqual([['web', 3], ['social', 3.67]]);

    // NPS: 10, 9, 3, 7, 8, 9 → 3 promoters, 2 passives, 1 detractor: (3 − 1) / 6 = +33.
    expect(q('recomendacion')).toMatchObject({ answered: 6, mean: 7.67, median: 8.5 });
    expect(q('recomendacion').nps).toEqual({
      promoters: 3, passives: 2, detractors: 1,
      promotersPercent: 50, passivesPercent: 33.3, detractorsPercent: 16.7, score: 33,
    });
    expect(q('recomendacion').distribution).toHaveLength(11);
    expect(q('recomendacion').byChannel.map((g: any) => [g.group, g.score])).toEqual([['web', 67], ['social', 0]]);

    // Matrix: items × options, % of those who answered each item.
    expect(q('servicios').answered).toBe(5);
    expect(q('servicios').columns.map((c: any) => c.value)).toEqual(['no_conoce', 'conoce', 'usado']);
    expect(q('servicios').items.map((i: any) => [i.key, i.answered, bars(i.options)])).toEqual([
      ['boleteria', 5, [['no_conoce', 1, 20], ['conoce', 2, 40], ['usado', 2, 40]]],
      ['asesoria', 3, [['no_conoce', 1, 33.3], ['conoce', 1, 33.3], ['usado', 1, 33.3]]],
    ]);

    // Number: 30, 40, 25, 52, 19. Date: by month.
    expect(q('edad')).toMatchObject({ answered: 5, mean: 33.2, median: 30, min: 19, max: 52 });
    expect(bars(q('edad').distribution)).toEqual([['19', 1, 20], ['25', 1, 20], ['30', 1, 20], ['40', 1, 20], ['52', 1, 20]]);
    expect(q('visita').answered).toBe(4);
    expect(bars(q('visita').distribution)).toEqual([['2026-10', 2, 50], ['2026-11', 2, 50]]);

    // Free text: counted, not shown.
    expect(q('comentario').answered).toBe(3);
    expect(q('comentario').texts).toEqual({ published: [], unpublished: 3 });
    expect(JSON.stringify(body)).not.toMatch(/ana\.perez|Ana Pérez|Faltan horarios|HIPERVINCULO/);

    expect(pick(body.reach, 'network', 'facebook')).toMatchObject({ responses: 2 });
    expect(pick(body.reach, 'network', 'instagram')).toMatchObject({ responses: 1 });
    expect(pick(body.reach, 'network', 'x')).toMatchObject({ responses: 0 });
  });

  it('show free texts only once reviewed publishable, and then the redacted version', async () => {
    const headers = await bearer('communications');
    const texts = await textAnswers(slug);
    const find = (part: string) => texts.find((t) => t.text.includes(part))!;
    const email = find('ana.perez');
    const other = find('Ana Pérez');
    const private_ = find('Faltan horarios');
    const formula = find('HIPERVINCULO');

    const redacted = await postJson(review(email.id), { publishable: true, redactedText: 'Muy buen servicio, escríbanme a [correo suprimido]' }, { headers });
    expect(redacted.status).toBe(200);
    expect(redacted.body).toMatchObject({ publishable: true, redactedText: 'Muy buen servicio, escríbanme a [correo suprimido]' });
    expect((await postJson(review(other.id), { publishable: true, redactedText: 'Me contó una vecina' }, { headers })).status).toBe(200);
    expect((await postJson(review(private_.id), { publishable: false }, { headers })).status).toBe(200);
    expect((await postJson(review(formula.id), { publishable: true }, { headers })).status).toBe(200);

    const { body } = await request(results(slug));
    const q = (id: string) => pick(body.questions, 'id', id);
    expect(q('comentario').texts).toEqual({
      published: ['Muy buen servicio, escríbanme a [correo suprimido]', '=HIPERVINCULO("x") Excelente'],
      unpublished: 1,
    });
    expect(q('medio').texts).toEqual({ published: ['Me contó una vecina'], unpublished: 0 });
    expect(JSON.stringify(body)).not.toMatch(/ana\.perez|Ana Pérez|Faltan horarios/);

    // The staff list shows the originals with their review state, to staff only.
    const claims = { sub: 'x', email: 'com@agencia.gov.co', role: 'authenticated', aud: 'authenticated', app_metadata: { roles: ['communications'] } } as const;
    const list: any = await store.rpc('staff_list_text_answers', { p_slug: slug }, { kind: 'staff', claims: claims as any, token: '' });
    expect(list.ok).toBe(true);
    expect(list.value.answers.find((a: any) => a.id === Number(email.id))).toMatchObject({
      text: email.text, reviewed: true, publishable: true, redactedText: 'Muy buen servicio, escríbanme a [correo suprimido]',
    });
    await expect(store.rpc('staff_list_text_answers', { p_slug: slug })).rejects.toThrow(/permission denied/);
    await expect(store.rpc('get_open_data', { p_slug: slug })).resolves.toBeTruthy();
    const reviewedBy = await sql`select reviewed_by from public.survey_text_reviews where answer_id = ${email.id}`;
    expect(reviewedBy[0].reviewed_by).toBe('communications@agencia.gov.co');
    const audited = await sql`select count(*)::int as n from private.audit_log where table_name = 'survey_text_reviews' and row_id = ${email.id}`;
    expect(audited[0].n).toBe(1);
  });

  it('refuse a review of an unknown or non-text answer (404) and an over-long redaction (422)', async () => {
    const headers = await bearer('admin');
    expect((await postJson(review('999999999999'), { publishable: true }, { headers })).status).toBe(404);
    expect((await postJson(review('abc'), { publishable: true }, { headers })).status).toBe(404);
    const [scale] = await sql`
      select a.id::text as id from public.survey_answers a join public.survey_questions q on q.id = a.question_id
      join public.surveys s on s.id = q.survey_id where s.slug = ${slug} and q.key = 'calificacion' limit 1`;
    expect((await postJson(review(scale.id), { publishable: true }, { headers })).status).toBe(404);
    const [text] = await textAnswers(slug);
    const long = await postJson(review(text.id), { publishable: true, redactedText: 'x'.repeat(2001) }, { headers });
    expect(long.status).toBe(422);
    expect(long.body.error.fields.redactedText).toMatch(/2\.000/);
    const missing = await postJson(review(text.id), {}, { headers });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields.publishable).toBeTruthy();
  });

  it('export open data whose CSV re-imports to the same counts, without personal data or unpublished text', async () => {
    const api = await request(results(slug));
    const csv = await request(`/api/surveys/${slug}/open-data.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${slug}-datos-abiertos.csv"`);
    // UTF-8 with a byte-order mark, so Excel (es-CO) reads the accents (fetch's text() drops the mark).
    const bytes = new Uint8Array(await (await fetch(`${PARTICIPA_URL}/api/surveys/${slug}/open-data.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('\r\n');
    expect(compareCsvWithResults(csv.text, api.body)).toEqual([]);

    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual([
      'respuesta', 'fecha', 'canal', 'fuente', 'medio', 'medio__otro', 'temas', 'calificacion', 'recomendacion',
      'servicios.boleteria', 'servicios.asesoria', 'edad', 'visita', 'comentario',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const row of rows) expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // No response ids, no emails, no unpublished or original (unredacted) text.
    expect(csv.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(csv.text).not.toMatch(/ana\.perez|Ana Pérez|Faltan horarios|@/);
    expect(csv.text).toContain('Muy buen servicio, escríbanme a [correo suprimido]');
    expect(csv.text).toContain('Me contó una vecina');
    // A published text that looks like a formula cannot run in a spreadsheet.
    expect(csv.text).toContain(`"'=HIPERVINCULO(""x"") Excelente"`);
    const [responseIds] = await sql`
      select string_agg(r.id::text, ',') as ids from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${slug}`;
    for (const id of responseIds.ids.split(',')) expect(csv.text).not.toContain(id);

    const json = await request(`/api/surveys/${slug}/open-data.json`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ slug, license: 'CC BY 4.0' });
    expect(json.body.rows).toHaveLength(6);
    expect(json.body.rows[1]).toMatchObject({ respuesta: 2, canal: 'social', fuente: 'facebook', medio: 'otro', medio__otro: 'Me contó una vecina', temas: 'precio', 'servicios.boleteria': 'conoce', 'servicios.asesoria': null });
    expect(json.body.dictionary.map((d: any) => d.column)).toEqual(header);

    const dictionary = await request(`/api/surveys/${slug}/data-dictionary.csv`);
    expect(dictionary.status).toBe(200);
    const [dHeader, ...entries] = parseCsv(dictionary.text);
    expect(dHeader).toEqual(['columna', 'pregunta', 'tipo', 'valores_permitidos', 'descripcion']);
    expect(entries.map((e) => e[0])).toEqual(header);
    expect(entries.find((e) => e[0] === 'medio')![3]).toBe('redes=Redes sociales; web=Sitio web; otro=Otro');
    expect(entries.find((e) => e[0] === 'temas')![4]).toMatch(/punto y coma/);
  });

  it('count responses per social network and, with followers entered by staff, per 1,000 followers', async () => {
    const headers = await bearer('communications');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
    const recorded = await postJson('/api/admin/social/followers', { network: 'facebook', measuredOn: today, followers: 4000 }, { headers });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ network: 'facebook', measuredOn: today, followers: 4000 });
    expect((await postJson('/api/admin/social/followers', { network: 'instagram', measuredOn: today, followers: '1500' }, { headers })).status).toBe(200);
    const { body } = await request(results(slug));
    expect(pick(body.reach, 'network', 'facebook')).toEqual({ network: 'facebook', responses: 2, followers: 4000, measuredOn: today, per1000: 0.5 });
    expect(pick(body.reach, 'network', 'instagram')).toMatchObject({ responses: 1, followers: 1500, per1000: 0.67 });

    // The share link's network travels with the form (hidden fields) into the response.
    const shared = await request(`/encuestas/${slug}?utm_source=tiktok&utm_medium=social&utm_campaign=${slug}`);
    expect(shared.text).toMatch(/<input type="hidden" name="channel" value="social"/);
    expect(shared.text).toMatch(/<input type="hidden" name="source" value="tiktok"/);
    expect((await request(`/encuestas/${slug}?utm_source=myspace`)).text).not.toMatch(/name="source"/);

    const bad = await postJson('/api/admin/social/followers', { network: 'myspace', measuredOn: '2099-01-01', followers: -1 }, { headers });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['followers', 'network']);
    const future = await postJson('/api/admin/social/followers', { network: 'x', measuredOn: '2099-01-01', followers: 1 }, { headers });
    expect(future.status).toBe(422);
    expect(future.body.error.fields.measuredOn).toMatch(/futura/);
    const audited = await sql`select count(*)::int as n from private.audit_log where table_name = 'social_followers' and row_id = 'facebook'`;
    expect(audited[0].n).toBeGreaterThan(0);
  });

  it('list the published result with its plan activity and render chart and table without scripts', async () => {
    const index = await request('/resultados');
    expect(index.status).toBe(200);
    expect(index.text).toContain(`href="/resultados/${slug}"`);
    expect(index.text).toContain('Encuesta de resultados de prueba');
    expect(index.text).toContain('actividad-1-1');
    const page = await request(`/resultados/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<svg[^>]*role="img"/);
    expect(page.text).toContain('<title id="p-medio-g-t">');
    expect(page.text).toMatch(/<table[^>]*>.*?<caption>Pregunta medio<\/caption>/s);
    expect(page.text).toMatch(/<th scope="col"/);
    expect(scriptsBesidesBeacon(page.text)).toEqual([]);
    expect(page.text).toContain('Me contó una vecina');
    expect(page.text).not.toMatch(/ana\.perez|Ana Pérez|Faltan horarios/);
    expect(page.text).toContain(`/api/surveys/${slug}/open-data.csv`);
    expect(page.text).toContain('CC BY 4.0');
  });

  it('take the staff page forms with the session cookie and go back to the page', async () => {
    const cookie = `participa_staff=${await staffToken('communications')}`;
    const off = await postForm(publish(slug), [['published', 'false']], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toBe(`/staff/resultados/${slug}?ok=publicacion`);
    expect((await request(results(slug))).status).toBe(404);
    expect((await request(`/api/surveys/${slug}/open-data.csv`)).status).toBe(404);
    const staffPage = await request(`/staff/resultados/${slug}`, { headers: { cookie } });
    expect(staffPage.status).toBe(200);
    expect(staffPage.text).toContain('Publicar los resultados');
    expect(staffPage.text).toContain(`utm_source=facebook&amp;utm_medium=social&amp;utm_campaign=${slug}`);
    expect(staffPage.text).toContain('Faltan horarios'); // staff see the originals to review them
    const on = await postForm(publish(slug), [['published', 'true']], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(on.status).toBe(303);
    expect((await request(results(slug))).status).toBe(200);
    const [text] = await textAnswers(slug);
    const reviewed = await postForm(`${review(text.id)}?volver=${slug}`, [['publishable', 'false'], ['redactedText', '']], { headers: { cookie, origin: PARTICIPA_URL } });
    expect(reviewed.status).toBe(303);
    expect(reviewed.headers.get('location')).toBe(`/staff/resultados/${slug}?ok=revision`);
    expect((await request(`/staff/resultados/${slug}`)).status).toBe(401);
    expect((await request('/staff/resultados', { headers: { cookie: `participa_staff=${await staffToken('box_office')}` } })).status).toBe(403);
  });
});
