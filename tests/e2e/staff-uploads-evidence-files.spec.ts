import { expect, test, type Page } from '@playwright/test';
import { PDF, PNG } from '../files/samples.ts';
import { tabTo } from './support/keyboard.ts';
import { signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';

/** The staff API calls the page makes, as `METHOD /path`. */
function uploadCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/admin/')) calls.push(`${request.method()} ${path}`);
  });
  return calls;
}

test('communications uploads a PDF and a photo as evidence of a plan activity, by keyboard, and the public plan links them', async ({ page }) => {
  // The staff page holds the whole plan: axe reads it three times.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const calls = uploadCalls(page);
  await signInCommunications(page);
  await page.goto('/staff#subir-evidencia');
  await expectNoViolations(page);

  const fillForm = async (title: string, alt: string, file: { name: string; buffer: Buffer; mimeType: string }) => {
    await tabTo(page, '#archivo-destino');
    await page.getByLabel('Actividad del plan').selectOption('5.2');
    await tabTo(page, '#archivo-titulo');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(alt);
    await page.getByLabel('Archivo', { exact: true }).setInputFiles(file);
    await tabTo(page, 'form[action="/api/admin/files"] button[type="submit"]');
    await page.keyboard.press('Enter');
  };

  // A PDF renamed .png: refused, saying what it really is, and what was typed is still there.
  await fillForm(`Foto del taller ${stamp}`, 'Personas conversando en el taller', { name: 'taller.png', buffer: Buffer.from(PDF), mimeType: 'image/png' });
  await expect(page.getByRole('alert')).toContainText('«taller.png» es en realidad un documento PDF, no una imagen PNG');
  await expect(page.getByLabel('Título de la evidencia')).toHaveValue(`Foto del taller ${stamp}`);
  await expect(page.getByLabel(/Texto alternativo/)).toHaveValue('Personas conversando en el taller');
  await expect(page.getByLabel('Actividad del plan')).toHaveValue('5.2');
  await expectNoViolations(page);

  await fillForm(`Informe de avance ${stamp}`, '', { name: 'informe.pdf', buffer: Buffer.from(PDF), mimeType: 'application/pdf' });
  await expect(page.getByRole('status')).toHaveText('Archivo subido y publicado como evidencia.');
  await fillForm(`Foto del taller ${stamp}`, 'Personas conversando en el taller', { name: 'taller.png', buffer: Buffer.from(PNG), mimeType: 'image/png' });
  await expect(page.getByRole('status')).toHaveText('Archivo subido y publicado como evidencia.');
  await expectNoViolations(page);
  // With JavaScript the bytes went straight to an upload slot (three files, one refused), never through the multipart route.
  const slot = ['POST /api/admin/files/uploads', 'PUT /api/admin/files/uploads/:id', 'POST /api/admin/files/uploads/:id/complete'];
  expect(calls.filter((c) => c.includes('/api/admin/files')).map((c) => c.replace(/[0-9a-f-]{36}/, ':id'))).toEqual([...slot, ...slot, ...slot]);
  expect(calls).not.toContain('POST /api/admin/files');

  await page.goto('/');
  const activity = page.locator('[data-activity="5.2"], #actividad-5-2').first();
  const pdf = activity.getByRole('link', { name: `Informe de avance ${stamp}` });
  const photo = activity.getByRole('link', { name: `Foto del taller ${stamp}` });
  await expect(pdf).toHaveAttribute('href', /^\/evidencias\/[0-9a-f-]{36}\/informe\.pdf$/);
  await expect(photo).toHaveAttribute('href', /^\/evidencias\/[0-9a-f-]{36}\/taller\.png$/);
  const served = await page.request.get((await photo.getAttribute('href'))!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  await expectNoViolations(page);

  // Deleting the PDF takes its link off the public plan.
  await page.goto('/staff#subir-evidencia');
  await page.getByRole('button', { name: `Borrar Informe de avance ${stamp}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Archivo borrado.');
  await page.goto('/');
  await expect(page.locator('[data-activity="5.2"], #actividad-5-2').first().getByRole('link', { name: `Informe de avance ${stamp}` })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same form posts the file itself and lands on the same message', async ({ page }) => {
    const calls = uploadCalls(page);
    await signInCommunications(page);
    await page.goto('/staff#subir-evidencia');
    await page.getByLabel('Actividad del plan').selectOption('5.2');
    await page.getByLabel('Título de la evidencia').fill(`Informe sin JavaScript ${Date.now()}`);
    await page.getByLabel('Archivo', { exact: true }).setInputFiles({ name: 'informe.pdf', buffer: Buffer.from(PDF), mimeType: 'application/pdf' });
    await page.getByRole('button', { name: 'Subir la evidencia' }).click();
    await expect(page.getByRole('status')).toHaveText('Archivo subido y publicado como evidencia.');
    expect(calls).toEqual(['POST /api/admin/files']);
  });
});
