import { describe, expect, it } from 'vitest';
import { sql, uniqueSlug } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { comms, inMinutes, letTimePass, newInvitation } from './fixtures.ts';

describe('staff invitations', () => {
  it('a scheduled invitation is hidden everywhere until its time, then shows with nobody publishing it', async () => {
    const { slug, reply } = await newInvitation({ publishAt: inMinutes(60) });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ slug, status: 'scheduled', target: { kind: 'survey', url: '/encuestas/oferta-de-servicios' } });

    expect((await request(`/participa/convocatorias/${slug}`)).status).toBe(404);
    expect((await request('/participa/convocatorias')).text).not.toContain(slug);
    expect((await request('/participa/convocatorias/rss.xml')).text).not.toContain(slug);
    // The table's policy applies the time too: nothing reading as anon sees it early.
    const visible = await sql.begin(async (tx) => {
      await tx`set local role anon`;
      return tx`select slug from public.invitations where slug = ${slug}`;
    });
    expect(visible).toHaveLength(0);

    await letTimePass(slug);
    const page = await request(`/participa/convocatorias/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Responda la encuesta de prueba');
    expect((await request('/participa/convocatorias')).text).toContain(`/participa/convocatorias/${slug}`);
    expect((await request('/')).text).toContain(`/participa/convocatorias/${slug}`);
  });

  it('expired and withdrawn invitations leave the public pages', async () => {
    const { slug } = await newInvitation();
    expect((await request(`/participa/convocatorias/${slug}`)).status).toBe(200);
    const withdraw = await postJson(
      `/api/admin/invitations/${slug}`,
      { title: 'Responda la encuesta de prueba', body: 'Texto de la invitación retirada.', targetKind: 'survey', targetLabel: 'Responder', targetUrl: '/encuestas/oferta-de-servicios', status: 'withdrawn' },
      { headers: await comms() },
    );
    expect(withdraw.status, withdraw.text).toBe(200);
    expect(withdraw.body.status).toBe('withdrawn');
    expect((await request(`/participa/convocatorias/${slug}`)).status).toBe(404);

    const expired = await newInvitation();
    await sql`update public.invitations set publish_at = now() - interval '2 days', expires_at = now() - interval '1 second' where slug = ${expired.slug}`;
    expect((await request(`/participa/convocatorias/${expired.slug}`)).status).toBe(404);
  });

  it('the invitation page carries Open Graph and Twitter card metadata: a PNG card for networks, the picture with its alt text on the page', async () => {
    const { slug } = await newInvitation({ imageUrl: '/images/convocatorias/encuesta-oferta.svg', imageAlt: 'Formulario con casillas marcadas' });
    const { text } = await request(`/participa/convocatorias/${slug}`);
    expect(text).toContain('<meta property="og:type" content="article"');
    expect(text).toContain('<meta property="og:title" content="Responda la encuesta de prueba"');
    expect(text).toMatch(new RegExp(`<meta property="og:image" content="https?://[^"]+/compartir/convocatoria/${slug}\\.png"`));
    expect(text).toContain('<meta property="og:image:alt" content="Convocatoria: Responda la encuesta de prueba"');
    expect(text).toContain('<meta name="twitter:card" content="summary_large_image"');
    expect(text).toContain('alt="Formulario con casillas marcadas"');
  });

  it('refuses bad input with Spanish field messages and writes nothing (422)', async () => {
    const slug = uniqueSlug('mala');
    const reply = await postJson(
      '/api/admin/invitations',
      { slug, title: 'x', body: 'corto', targetKind: 'raro', targetLabel: 'Ir', targetUrl: '//otro.sitio/x', imageUrl: '/img.png', publishAt: 'mañana' },
      { headers: await comms() },
    );
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(Object.keys(reply.body.error.fields)).toEqual(expect.arrayContaining(['title', 'body', 'targetKind', 'targetLabel', 'targetUrl', 'publishAt']));
    expect(reply.body.error.fields.title).toMatch(/caracteres/);
    expect(await sql`select 1 from public.invitations where slug = ${slug}`).toHaveLength(0);

    const noAlt = await newInvitation({ imageUrl: '/images/convocatorias/encuesta-oferta.svg' });
    expect(noAlt.reply.status).toBe(422);
    expect(noAlt.reply.body.error.fields.imageAlt).toMatch(/texto alternativo/);

    const late = await newInvitation({ publishAt: inMinutes(60), expiresAt: inMinutes(30) });
    expect(late.reply.body.error.fields.expiresAt).toMatch(/vencer después/);
  });

  it('answers duplicate (409) for a taken address and not_found (404) for an unknown one', async () => {
    const { slug } = await newInvitation();
    const again = await newInvitation({ slug });
    expect(again.reply.status).toBe(409);
    expect(again.reply.body.error.code).toBe('duplicate');
    const unknown = await postJson(
      `/api/admin/invitations/${uniqueSlug('nadie')}`,
      { title: 'Sin invitación', body: 'Esta invitación no existe.', targetKind: 'other', targetLabel: 'Ver', targetUrl: '/' },
      { headers: await comms() },
    );
    expect(unknown.status).toBe(404);
  });

  it('a staff form post answers 303 back to the staff page; other roles are refused (403) before validation', async () => {
    const slug = uniqueSlug('formulario');
    const form = await postForm(
      '/api/admin/invitations',
      [['slug', slug], ['title', 'Convocatoria desde el formulario'], ['body', 'Texto de la convocatoria enviada desde el formulario.'],
       ['targetKind', 'hearing'], ['targetLabel', 'Enviar una pregunta'], ['targetUrl', '/rendicion-de-cuentas/audiencias/audiencia-1'],
       ['activityCode', '3.2'], ['startsAt', '2026-12-20T10:00'], ['endsAt', ''], ['publishAt', ''], ['expiresAt', ''], ['imageUrl', ''], ['imageAlt', '']],
      { headers: await comms() },
    );
    expect(form.status, form.text).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/comunicaciones?ok=creada');
    const [row] = await sql`select starts_at, activity_code from public.invitations where slug = ${slug}`;
    expect(row.starts_at.toISOString()).toBe('2026-12-20T15:00:00.000Z');

    const boxOffice = await postJson('/api/admin/invitations', { slug: 'x' }, { headers: await bearer('box_office') });
    expect(boxOffice.status).toBe(403);
    const list = await request('/api/admin/invitations', { headers: await comms() });
    expect(list.status).toBe(200);
    expect(list.body.invitations.some((i: { slug: string }) => i.slug === slug)).toBe(true);
  });

  it('every staff write is in the audit log with who made it', async () => {
    const { slug } = await newInvitation();
    const [audit] = await sql`select actor_email, action from private.audit_log where table_name = 'invitations' and after ->> 'slug' = ${slug}`;
    expect(audit).toEqual({ actor_email: 'comunicaciones-convocatorias@agencia.gov.co', action: 'insert' });
  });
});
