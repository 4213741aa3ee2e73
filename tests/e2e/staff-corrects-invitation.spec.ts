import { expect, test } from '@playwright/test';
import { staffToken } from '../support/staff.ts';
import { signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';

test('communications corrects an invitation from the list by keyboard: the form comes filled in, the change is published', async ({ page }) => {
  const slug = `correccion-${Date.now().toString(36)}`;
  const created = await page.request.post('/api/admin/invitations', {
    headers: { authorization: `Bearer ${await staffToken('communications')}` },
    data: {
      slug,
      title: 'Responda la encuesta con un error de tipeo',
      body: 'Queremos saber qué piensa de nuestros servicios: responder toma cinco minutos.',
      targetKind: 'survey',
      targetLabel: 'Responder la encuesta',
      targetUrl: '/encuestas/oferta-de-servicios',
      activityCode: '1.1',
      startsAt: '2026-12-10T09:00:00-05:00',
    },
  });
  expect(created.status()).toBe(201);

  await signInCommunications(page);
  await page.goto('/staff/comunicaciones');
  await page.getByRole('link', { name: 'Editar Responda la encuesta con un error de tipeo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Editar «Responda la encuesta con un error de tipeo»' })).toBeVisible();
  await expect(page.getByLabel('Fecha del ejercicio')).toHaveValue('2026-12-10T09:00');
  await expect(page.getByLabel('Texto del botón')).toHaveValue('Responder la encuesta');
  await expectNoViolations(page);

  await page.getByLabel('Título').fill('Responda la encuesta sobre nuestros servicios');
  await page.getByRole('button', { name: 'Guardar cambios' }).press('Enter');
  await expect(page.getByText('Cambios guardados.')).toBeVisible();
  const published = await page.request.get(`/participa/convocatorias/${slug}`);
  expect(await published.text()).toContain('Responda la encuesta sobre nuestros servicios');
  expect((await page.request.get('/staff/comunicaciones/convocatorias/no-existe')).status()).toBe(404);
});
