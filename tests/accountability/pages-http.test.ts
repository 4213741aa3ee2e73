import { describe, expect, it } from 'vitest';
import { postForm, request } from '../support/http.ts';
import { createHearing } from './fixture.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

describe('accountability pages', () => {
  it('serves the schedule as an iCal feed calendar apps can subscribe to', async () => {
    const reply = await request('/rendicion-de-cuentas/calendario.ics');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(reply.text).toMatch(/^BEGIN:VCALENDAR/);
    expect(reply.text).toContain('UID:rendicion-audiencia-audiencia-1@participa');
    expect(reply.text).toContain('UID:rendicion-audiencia-audiencia-2@participa');
    expect(reply.text).toMatch(/SUMMARY:Primera audiencia pública/);
    expect(reply.text).toMatch(/DTSTART;VALUE=DATE:20261201/);
  });

  it('shows the seeded hearings: audiencia-1 takes questions now, audiencia-2 later', async () => {
    const now = await request('/rendicion-de-cuentas/audiencias/audiencia-1');
    expect(now.status).toBe(200);
    expect(now.text).toContain('id="pregunte"');
    expect(now.text).toContain('Interpretación en lengua de señas colombiana');
    expect(now.text).toContain('href="/encuestas/evaluacion-audiencia-1"');
    const later = await request('/rendicion-de-cuentas/audiencias/audiencia-2');
    expect(later.text).toContain('Recibiremos preguntas desde el');
    expect(later.text).not.toContain('id="pregunte"');
    expect((await request('/rendicion-de-cuentas/audiencias/no-existe')).status).toBe(404);
  });

  it('links the schedule, the hearings, the feed and the report from /rendicion-de-cuentas, with no script', async () => {
    const reply = await request('/rendicion-de-cuentas');
    expect(reply.status).toBe(200);
    for (const href of ['/rendicion-de-cuentas/audiencias/audiencia-1', '/rendicion-de-cuentas/calendario.ics', '/rendicion-de-cuentas/informe/2026']) {
      expect(reply.text).toContain(`href="${href}"`);
    }
    expect(scriptsBesidesBeacon(reply.text)).toEqual([]);
  });

  it('shows the form again with the posted values and one message per field when the no-JS form has errors', async () => {
    const hearing = await createHearing();
    const reply = await postForm(`/rendicion-de-cuentas/audiencias/${hearing.slug}`, [
      ['question', 'Mi pregunta sobre el presupuesto del año'],
      ['email', 'no-es-correo'],
      ['website', ''],
    ]);
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('Mi pregunta sobre el presupuesto del año');
    expect(reply.text).toContain('Escriba un correo electrónico válido');
    expect(reply.text).toContain('Debe aceptar el tratamiento de datos personales para recibir la respuesta.');
    const sent = await postForm(`/rendicion-de-cuentas/audiencias/${hearing.slug}`, [
      ['question', 'Mi pregunta sobre el presupuesto del año'],
      ['email', 'con.formulario@example.co'],
      ['consent', 'true'],
      ['website', ''],
    ]);
    expect(sent.status).toBe(303);
    const confirmation = await request(sent.headers.get('location')!);
    expect(confirmation.text).toContain('Su pregunta es la número <strong>1</strong>');
  });
});

describe('a question posted to the page after the window closed', () => {
  it('answers 409 and says why, even though the form is no longer shown', async () => {
    const past = await createHearing({ opensInHours: -96, closesInHours: -1, startsInDays: -1 });
    const reply = await postForm(`/rendicion-de-cuentas/audiencias/${past.slug}`, [
      ['question', 'Una pregunta que llegó tarde a la audiencia'],
      ['email', 'tarde@example.co'],
      ['consent', 'true'],
      ['website', ''],
    ]);
    expect(reply.status).toBe(409);
    expect(reply.text).toContain('Esta audiencia ya no recibe preguntas.');
    expect(reply.text).not.toContain('id="pregunte"');
  });
});
