import { expect, test } from '@playwright/test';
import { PDF, PNG } from '../files/samples.ts';
import { tabTo } from './support/keyboard.ts';
import { signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';

const EVIDENCE_PAGE = '/staff/rendicion-de-cuentas/acciones-de-mejora';
const REPORT = '/rendicion-de-cuentas/informe/2026';

test('communications uploads a photo with its text alternative as evidence of an improvement action, by keyboard, and the report links it', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const title = `Subtitular las audiencias ${stamp}`;
  const photo = `Foto de la audiencia subtitulada ${stamp}`;
  await signInCommunications(page);
  // The action itself comes from the evaluation (its own journey); here it is only the target.
  const created = await page.request.post('/api/admin/improvement-actions', {
    data: { source: 'accountability', sourceRef: '2026', title, ownerArea: 'Comunicaciones', dueOn: '2027-06-30' },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await page.goto('/staff/rendicion-de-cuentas');
  await tabTo(page, `a[href="${EVIDENCE_PAGE}"]`, 400);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evidencias de las acciones de mejora');
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expectNoViolations(page);

  await tabTo(page, '#archivo-destino');
  await page.getByLabel('Acción de mejora').selectOption(id);
  await tabTo(page, '#archivo-titulo');
  await page.keyboard.type(photo);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pantalla de la audiencia con los subtítulos en vivo');
  await page.getByLabel('Archivo', { exact: true }).setInputFiles({ name: 'audiencia.png', buffer: Buffer.from(PNG), mimeType: 'image/png' });
  await tabTo(page, 'form[action="/api/admin/files"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Archivo subido y publicado como evidencia.');
  await expect(page).toHaveURL(new RegExp(`${EVIDENCE_PAGE}\\?ok=archivo`));
  await expect(page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) }).getByRole('link', { name: photo })).toBeVisible();
  await expectNoViolations(page);

  await page.goto(REPORT);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
  const link = row.getByRole('link', { name: photo });
  await expect(link).toHaveAttribute('href', /^\/evidencias\/[0-9a-f-]{36}\/audiencia\.png$/);
  const served = await page.request.get((await link.getAttribute('href'))!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  await expectNoViolations(page);

  // Deleting it from the staff page brings the form back there and takes the link off the report.
  await page.goto(`${EVIDENCE_PAGE}#subir-evidencia`);
  await page.getByRole('button', { name: `Borrar ${photo}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Archivo borrado.');
  await expect(page).toHaveURL(new RegExp(`${EVIDENCE_PAGE}\\?ok=archivo-borrado`));
  await page.goto(REPORT);
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) }).getByRole('link', { name: photo })).toHaveCount(0);
});

test('communications uploads a PDF as evidence of an incidence exercise from its staff page, by keyboard, and /resultados links it', async ({ page }) => {
  const title = `Acta de la mesa de trabajo ${Date.now()}`;
  await signInCommunications(page);
  await page.goto('/staff/comunicaciones/incidencia');
  await expectNoViolations(page);
  await tabTo(page, '#archivo-destino', 400);
  await tabTo(page, '#archivo-titulo');
  await page.keyboard.type(title);
  await page.getByLabel('Archivo', { exact: true }).setInputFiles({ name: 'acta.pdf', buffer: Buffer.from(PDF), mimeType: 'application/pdf' });
  await tabTo(page, 'form[action="/api/admin/files"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Archivo subido y publicado como evidencia.');
  await expect(page).toHaveURL(/\/staff\/comunicaciones\/incidencia\?ok=archivo/);

  await page.goto('/resultados#incidencia');
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', /^\/evidencias\/[0-9a-f-]{36}\/acta\.pdf$/);
});
