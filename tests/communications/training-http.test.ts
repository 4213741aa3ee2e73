import { describe, expect, it } from 'vitest';
import { uniqueSlug } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { comms } from './fixtures.ts';

const session = (slug: string, fields: Record<string, unknown> = {}) => ({
  slug,
  topic: 'Control social a la gestión de la agencia',
  audience: 'Veedurías ciudadanas',
  startsAt: '2026-12-09T15:00',
  place: 'Sala virtual de la agencia',
  ...fields,
});

describe('training sessions', () => {
  it('staff create a session that takes sign-ups through a tickets event; the public list links to it', async () => {
    const slug = uniqueSlug('sesion');
    const reply = await postJson('/api/admin/training', session(slug, { eventSlug: 'taller-rendicion-de-cuentas' }), { headers: await comms() });
    expect(reply.status, reply.text).toBe(201);
    const { text } = await request('/participa/capacitaciones');
    const card = text.slice(text.indexOf(`id="${slug}"`));
    expect(card).toContain('Control social a la gestión de la agencia');
    expect(card).toContain('href="/servicios/boleteria/taller-rendicion-de-cuentas"');
  });

  it('recording attendance and materials through the staff form shows them on the public list', async () => {
    const slug = uniqueSlug('asistencia');
    await postJson('/api/admin/training', session(slug), { headers: await comms() });
    const form = await postForm(
      `/api/admin/training/${slug}`,
      [['topic', 'Control social a la gestión de la agencia'], ['audience', 'Veedurías ciudadanas'], ['startsAt', '2026-12-09T20:00:00.000Z'],
       ['place', 'Sala virtual de la agencia'], ['eventSlug', ''], ['attendance', '1234'], ['materialsUrl', '/participa/procedimiento']],
      { headers: await comms() },
    );
    expect(form.status, form.text).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/comunicaciones/capacitaciones?ok=guardada');
    const { text } = await request('/participa/capacitaciones');
    const card = text.slice(text.indexOf(`id="${slug}"`), text.indexOf('</article>', text.indexOf(`id="${slug}"`)));
    expect(card).toContain('1.234 personas');
    expect(card).toContain('href="/participa/procedimiento"');
  });

  it('refuses an unknown event (422), a taken address (409), an unknown session (404) and other roles (403)', async () => {
    const slug = uniqueSlug('errores');
    const noEvent = await postJson('/api/admin/training', session(slug, { eventSlug: uniqueSlug('no-existe') }), { headers: await comms() });
    expect(noEvent.status).toBe(422);
    expect(noEvent.body.error.fields.eventSlug).toMatch(/No existe un evento/);
    expect((await postJson('/api/admin/training', session(slug), { headers: await comms() })).status).toBe(201);
    expect((await postJson('/api/admin/training', session(slug), { headers: await comms() })).status).toBe(409);
    const { slug: _slug, ...fields } = session(slug);
    expect((await postJson(`/api/admin/training/${uniqueSlug('nadie')}`, fields, { headers: await comms() })).status).toBe(404);
    const negative = await postJson(`/api/admin/training/${slug}`, { ...fields, attendance: -3 }, { headers: await comms() });
    expect(negative.status).toBe(422);
    expect(negative.body.error.fields.attendance).toBeDefined();
    expect((await postJson('/api/admin/training', session(uniqueSlug('rol')), { headers: await bearer('advisor') })).status).toBe(403);
  });
});
