import { describe, expect, it } from 'vitest';
import { sql, uniqueSlug } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { comms } from './fixtures.ts';

async function saveExercise(kind: string, slug: string, fields: Record<string, unknown> = {}) {
  return postJson(
    '/api/admin/incidence',
    {
      kind,
      slug,
      title: 'Audiencia de prueba',
      url: '/rendicion-de-cuentas',
      activityCode: '3.2',
      youSaid: 'Pidieron conocer los plazos de los programas.',
      weDid: 'Publicamos el calendario de convocatorias.',
      ...fields,
    },
    { headers: await comms() },
  );
}

describe('incidence: «Ustedes dijeron / Hicimos»', () => {
  it('a hearing referenced by slug gets its incidence, a commitment and dated milestones; the commitment takes the latest status', async () => {
    const slug = uniqueSlug('audiencia');
    const saved = await saveExercise('hearing', slug);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ kind: 'hearing', slug, resultsUrl: null, commitments: [], evidence: [] });

    const commitment = await postJson(`/api/admin/incidence/hearing/${slug}/commitments`, { title: 'Calendario publicado', dueOn: '2026-12-18' }, { headers: await comms() });
    expect(commitment.status, commitment.text).toBe(201);
    const id = commitment.body.id;
    for (const [happenedOn, status] of [['2026-12-10', 'done'], ['2026-11-30', 'in_progress']]) {
      const step = await postJson(`/api/admin/incidence/commitments/${id}/milestones`, { happenedOn, description: `Avance del ${happenedOn}`, status }, { headers: await comms() });
      expect(step.status, step.text).toBe(201);
    }
    const [entry] = (await request('/api/admin/incidence', { headers: await comms() })).body.filter((e: { slug: string }) => e.slug === slug);
    // Milestones in date order whatever the order they were typed in; the status is the latest one's.
    expect(entry.commitments[0].milestones.map((m: { happenedOn: string }) => m.happenedOn)).toEqual(['2026-11-30', '2026-12-10']);
    expect(entry.commitments[0].status).toBe('done');

    const page = await request('/resultados');
    expect(page.text).toContain(`id="incidencia-hearing-${slug}"`);
    expect(page.text).toContain('Calendario publicado');
  });

  it('a survey exercise links to the survey\'s published results page, which exists', async () => {
    const { text } = await request('/resultados');
    const block = text.slice(text.indexOf('id="incidencia-survey-oferta-de-servicios"'));
    expect(block).toContain('href="/resultados/oferta-de-servicios"');
    expect((await request('/resultados/oferta-de-servicios')).status).toBe(200);
  });

  it('a photo needs its alt text; evidence shows with it', async () => {
    const slug = uniqueSlug('foto');
    await saveExercise('advisory_service', slug, { url: '/servicios/asesorias', activityCode: '2.3' });
    const noAlt = await postJson(`/api/admin/incidence/advisory_service/${slug}/evidence`, { kind: 'photo', label: 'Foto de la jornada', url: '/images/convocatorias/encuesta-oferta.svg' }, { headers: await comms() });
    expect(noAlt.status).toBe(422);
    expect(noAlt.body.error.fields.alt).toMatch(/texto alternativo/);
    const photo = await postJson(
      `/api/admin/incidence/advisory_service/${slug}/evidence`,
      { kind: 'photo', label: 'Foto de la jornada', url: '/images/convocatorias/encuesta-oferta.svg', alt: 'Asesores atendiendo a emprendedores' },
      { headers: await comms() },
    );
    expect(photo.status, photo.text).toBe(201);
    const elsewhere = await postJson(
      `/api/admin/incidence/advisory_service/${slug}/evidence`,
      { kind: 'photo', label: 'Foto en otro sitio', url: 'https://fotos.example.co/jornada.jpg', alt: 'Asesores en la jornada' },
      { headers: await comms() },
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.fields.url).toMatch(/desde este sitio/);
    expect((await request('/resultados')).text).toContain('alt="Asesores atendiendo a emprendedores"');
  });

  it('unpublished incidence stays off the public page; unknown exercises and commitments are 404', async () => {
    const slug = uniqueSlug('oculta');
    await saveExercise('survey', slug, { url: `/encuestas/${slug}`, published: false });
    expect((await request('/resultados')).text).not.toContain(`incidencia-survey-${slug}`);
    expect((await postJson(`/api/admin/incidence/survey/${uniqueSlug('nada')}/commitments`, { title: 'Nada' }, { headers: await comms() })).status).toBe(404);
    expect((await postJson('/api/admin/incidence/commitments/999999999/milestones', { happenedOn: '2026-12-01', description: 'Nada', status: 'done' }, { headers: await comms() })).status).toBe(404);
    const badKind = await postJson('/api/admin/incidence/encuesta/algo/commitments', { title: 'Tipo raro' }, { headers: await comms() });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.fields.kind).toBeDefined();
  });

  it('staff forms answer 303 to the incidence page; the box office is refused', async () => {
    const slug = uniqueSlug('formulario');
    const reply = await postForm(
      '/api/admin/incidence',
      [['kind', 'ticket_service'], ['slug', slug], ['title', 'Boletería de prueba'], ['url', '/servicios/boleteria'], ['resultsUrl', ''], ['activityCode', ''],
       ['youSaid', 'Pidieron liberar las boletas que no usan.'], ['weDid', 'Agregamos el enlace para cancelar en la boleta.']],
      { headers: await comms() },
    );
    expect(reply.status, reply.text).toBe(303);
    expect(reply.headers.get('location')).toBe('/staff/comunicaciones/incidencia?ok=guardada');
    expect(await sql`select 1 from public.incidence_exercises where slug = ${slug}`).toHaveLength(1);
    expect((await postJson('/api/admin/incidence', {}, { headers: await bearer('box_office') })).status).toBe(403);
  });
});
