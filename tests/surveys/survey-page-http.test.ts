import { describe, expect, it } from 'vitest';
import { newKey, postForm, request } from '../support/http.ts';
import { countResponses, createSurvey } from '../support/surveys.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

describe('survey page without JavaScript', () => {
  it('renders every question of survey 1.1 on the server, one section per page, with no script', async () => {
    const definition = (await request('/api/surveys/oferta-de-servicios')).body;
    const sections = [...new Set(definition.questions.map((q: { section: string }) => q.section))];
    expect(sections.length).toBeGreaterThan(1);
    for (const [index, section] of sections.entries()) {
      const page = await request(`/encuestas/oferta-de-servicios?seccion=${index + 1}`);
      expect(page.status).toBe(200);
      for (const q of definition.questions.filter((x: { section: string }) => x.section === section)) {
        expect(page.text).toMatch(new RegExp(`name="answers\\.${q.id}[."]`));
      }
      expect(page.text).toContain('name="website"');
      expect(page.text.includes('name="consent"')).toBe(index === sections.length - 1);
      expect(scriptsBesidesBeacon(page.text)).toEqual([]);
    }
  });

  it('re-renders the form with each error beside its field and the answers kept', async () => {
    const slug = await createSurvey();
    const page = await postForm(`/encuestas/${slug}`, [
      ['answers.servicio', 'asesoria'],
      ['answers.comentario', 'Mi comentario guardado'],
      ['idempotencyKey', newKey()],
    ]);
    expect(page.status).toBe(422);
    expect(page.text).toContain('Esta pregunta es obligatoria.');
    expect(page.text).toContain('Debe autorizar el tratamiento de sus datos');
    expect(page.text).toContain('Mi comentario guardado');
    expect(page.text).toMatch(/value="asesoria"[^>]*checked|checked[^>]*value="asesoria"/);
    expect(page.text).toContain('aria-invalid="true"');
    expect(await countResponses(slug)).toBe(0);
  });

  it('records a valid form once, even when posted twice, and redirects to the thank-you page', async () => {
    const slug = await createSurvey();
    const fields: [string, string][] = [
      ['answers.servicio', 'boleteria'],
      ['answers.calificacion', '4'],
      ['consent', 'true'],
      ['website', ''],
      ['idempotencyKey', newKey()],
    ];
    const first = await postForm(`/encuestas/${slug}`, fields);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/encuestas/${slug}/gracias`);
    expect((await postForm(`/encuestas/${slug}`, fields)).status).toBe(303);
    expect(await countResponses(slug)).toBe(1);
    const thanks = await request(`/encuestas/${slug}/gracias`);
    expect(thanks.status).toBe(200);
  });

  it('says a closed survey is closed instead of showing the form', async () => {
    const slug = await createSurvey({ status: 'closed' });
    const page = await request(`/encuestas/${slug}`);
    expect(page.text).toMatch(/cerrada/i);
    expect(page.text).not.toContain('name="consent"');
  });
});

describe('home page', () => {
  it('shows all 14 plan activities with their status and no JavaScript', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    for (const code of ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '4.1', '4.2', '5.1', '5.2', '5.3']) expect(page.text).toContain(code);
    expect(page.text).toMatch(/Realizada|En curso|Pendiente/);
    expect(page.text).toContain('href="/encuestas/oferta-de-servicios"');
    expect(scriptsBesidesBeacon(page.text)).toEqual([]);
  });
});
