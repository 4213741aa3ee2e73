import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { newKey, postForm, request } from '../support/http.ts';
import { countResponses } from '../support/surveys.ts';
import { createOpenSurvey, definition, options, question } from './builder-fixtures.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

// Two pages: «Uso» asks whether the service was used and, on the same page, what to improve (a
// note says when to answer); «Opinión» holds a question shown only when an earlier page said «Sí».
const PAGED = [
  question('uso', 'single_choice', { section: 'Uso', options: [{ value: 'si', label: 'Sí' }, { value: 'no', label: 'No' }] }),
  question('mejoras', 'long_text', { section: 'Uso', required: false, condition: { question: 'uso', anyOf: ['si'] } }),
  question('canal', 'single_choice', { section: 'Uso', options: options('web', 'telefono'), allowOther: true }),
  question('calificacion', 'scale_5', { section: 'Opinión', condition: { question: 'uso', anyOf: ['si'] } }),
  question('conoce', 'matrix', { section: 'Opinión', options: options('no', 'si'), items: [{ key: 'web', label: 'Sitio web' }] }),
  question('visitas', 'number', { section: 'Opinión', required: false, min: 1, max: 9 }),
];

const hidden = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<input type="hidden" name="${name.replace(/\./g, '\\.')}" value="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('the public form, one section per page, without JavaScript', () => {
  it('shows the first section only, with the same-page condition as a note', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const page = await request(`/encuestas/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Parte 1 de 2: Uso');
    expect(page.text).toContain('name="answers.uso"');
    expect(page.text).toContain('Responda solo si en «Pregunta uso» respondió «Sí».');
    expect(page.text).toContain('name="answers.canal__otro"');
    expect(page.text).not.toContain('name="answers.calificacion"');
    expect(page.text).not.toContain('name="consent"');
    expect(page.text).toContain('value="siguiente"');
    expect(page.text).not.toContain('value="anterior"');
    expect(scriptsBesidesBeacon(page.text)).toEqual([]);
  });

  it('checks only the current section on «Siguiente», then carries its answers forward', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const key = newKey();
    const invalid = await postForm(`/encuestas/${slug}`, [['paso', 'siguiente'], ['seccion', '1'], ['answers.canal__otro', 'Chat'], ['idempotencyKey', key]]);
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('Revise 3 respuestas');
    expect(invalid.text).toContain('href="#q-uso"');
    expect(invalid.text).toContain('href="#q-canal-otro"');
    expect(invalid.text).toContain('value="Chat"');
    expect(invalid.text).not.toContain('Autorización de datos personales —');

    const next = await postForm(`/encuestas/${slug}`, [
      ['paso', 'siguiente'], ['seccion', '1'], ['answers.uso', 'si'], ['answers.mejoras', 'Más horarios'],
      ['answers.canal', 'otro'], ['answers.canal__otro', 'Chat'], ['idempotencyKey', key],
    ]);
    expect(next.status).toBe(200);
    expect(next.text).toContain('Parte 2 de 2: Opinión');
    expect(next.text).toContain('name="answers.calificacion"');
    expect(next.text).not.toContain('Responda solo si');
    expect(hidden(next.text, 'answers.uso')).toEqual(['si']);
    expect(hidden(next.text, 'answers.mejoras')).toEqual(['Más horarios']);
    expect(hidden(next.text, 'answers.canal__otro')).toEqual(['Chat']);
    expect(hidden(next.text, 'idempotencyKey')).toEqual([key]);
    expect(next.text).toContain('name="consent"');
    expect(next.text).toContain('value="anterior"');
  });

  it('skips a question whose condition on an earlier page is not met, and drops its stale answer', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const next = await postForm(`/encuestas/${slug}`, [
      ['paso', 'siguiente'], ['seccion', '1'], ['answers.uso', 'no'], ['answers.canal', 'web'], ['answers.calificacion', '2'],
    ]);
    expect(next.status).toBe(200);
    expect(next.text).toContain('Parte 2 de 2');
    expect(next.text).not.toContain('name="answers.calificacion"');
    const sent = await postForm(`/encuestas/${slug}`, [
      ['paso', 'enviar'], ['seccion', '2'], ['answers.uso', 'no'], ['answers.canal', 'web'], ['answers.calificacion', '2'],
      ['answers.conoce.web', 'si'], ['answers.visitas', ''], ['consent', 'true'], ['website', ''], ['idempotencyKey', newKey()],
    ]);
    expect(sent.status).toBe(303);
    expect(await countResponses(slug)).toBe(1);
  });

  it('goes back with «Anterior» without checking, keeping every answer', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const back = await postForm(`/encuestas/${slug}`, [
      ['paso', 'anterior'], ['seccion', '2'], ['answers.uso', 'si'], ['answers.canal', 'web'], ['answers.visitas', '99'], ['consent', 'true'],
    ]);
    expect(back.status).toBe(200);
    expect(back.text).toContain('Parte 1 de 2');
    expect(back.text).toMatch(/value="si"[^>]*checked/);
    expect(hidden(back.text, 'answers.visitas')).toEqual(['99']);
    expect(hidden(back.text, 'consent')).toEqual(['true']);
  });

  it('on «Enviar» validates everything, shows the page of the first error, and records once', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const key = newKey();
    const base: [string, string][] = [['paso', 'enviar'], ['seccion', '2'], ['answers.uso', 'si'], ['answers.canal', 'web'], ['idempotencyKey', key], ['website', '']];
    const last = await postForm(`/encuestas/${slug}`, [...base, ['answers.calificacion', '4'], ['answers.visitas', '12']]);
    expect(last.status).toBe(422);
    expect(last.text).toContain('Parte 2 de 2');
    expect(last.text).toContain('Escriba un número entre 1 y 9.');
    expect(last.text).toContain('href="#q-conoce"');
    expect(last.text).toContain('Debe autorizar el tratamiento de sus datos');
    expect(last.text).toContain('href="#consent"');

    const earlier = await postForm(`/encuestas/${slug}`, [['paso', 'enviar'], ['seccion', '2'], ['answers.calificacion', '4'], ['answers.conoce.web', 'no'], ['consent', 'true']]);
    expect(earlier.status).toBe(422);
    expect(earlier.text).toContain('Parte 1 de 2');
    expect(earlier.text).toContain('Esta pregunta es obligatoria.');

    const fields: [string, string][] = [...base, ['answers.calificacion', '4'], ['answers.conoce.web', 'no'], ['answers.visitas', '3'], ['consent', 'true']];
    const ok = await postForm(`/encuestas/${slug}`, fields);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/encuestas/${slug}/gracias`);
    expect((await postForm(`/encuestas/${slug}`, fields)).status).toBe(303);
    expect(await countResponses(slug)).toBe(1);
  });

  it('rejects an answer to a same-page conditional question whose condition was not met', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const page = await postForm(`/encuestas/${slug}`, [['paso', 'siguiente'], ['seccion', '1'], ['answers.uso', 'no'], ['answers.mejoras', 'Algo'], ['answers.canal', 'web']]);
    expect(page.status).toBe(422);
    expect(page.text).toContain('Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.');
  });

  it('carries ?utm_source=<network> as channel social and source through every page', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const first = await request(`/encuestas/${slug}?utm_source=instagram`);
    expect(hidden(first.text, 'channel')).toEqual(['social']);
    expect(hidden(first.text, 'source')).toEqual(['instagram']);
    expect(hidden((await request(`/encuestas/${slug}?utm_source=myspace`)).text, 'channel')).toEqual([]);
    const social: [string, string][] = [['channel', 'social'], ['source', 'instagram'], ['answers.uso', 'no'], ['answers.canal', 'web']];
    const second = await postForm(`/encuestas/${slug}`, [['paso', 'siguiente'], ['seccion', '1'], ...social]);
    expect(hidden(second.text, 'source')).toEqual(['instagram']);
    const sent = await postForm(`/encuestas/${slug}`, [['paso', 'enviar'], ['seccion', '2'], ...social, ['answers.conoce.web', 'si'], ['consent', 'true']]);
    expect(sent.status).toBe(303);
    const [row] = await sql`select r.channel, r.source from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${slug}`;
    expect(row).toEqual({ channel: 'social', source: 'instagram' });
  });

  it('opens a section by its address, showing conditions on earlier pages as notes', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    const page = await request(`/encuestas/${slug}?seccion=2`);
    expect(page.text).toContain('Parte 2 de 2: Opinión');
    expect(page.text).toContain('Responda solo si en «Pregunta uso» respondió «Sí».');
  });

  it('keeps a survey without sections on one page', async () => {
    const slug = await createOpenSurvey(definition([question('uno', 'scale_5'), question('dos', 'short_text', { required: false })]));
    const page = await request(`/encuestas/${slug}`);
    expect(page.text).not.toContain('Parte 1');
    expect(page.text).toContain('name="consent"');
    expect(page.text).toContain('value="enviar"');
  });

  it('explains the ?error= codes the API fallback redirects with', async () => {
    const slug = await createOpenSurvey(definition(PAGED));
    expect((await request(`/encuestas/${slug}?error=validation_failed`)).text).toContain('No pudimos registrar sus respuestas');
    expect((await request(`/encuestas/${slug}?error=closed`)).text).toContain('no está recibiendo respuestas');
    expect((await request(`/encuestas/${slug}?error=rate_limited`)).text).toContain('Espere unos minutos');
  });
});
