import { expect, test } from '@playwright/test';
import { signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';

// Readings on past days: the 2.2 reach reads the latest count per network and must not move.
const day = () => `2017-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;

test('communications records, imports and publishes the networks report, accessibly', async ({ page }) => {
  await signInCommunications(page);
  await page.goto('/staff/monitoreo/redes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Informe de monitoreo de las redes sociales, del /);
  await expectNoViolations(page);

  // One reading through the form.
  await page.getByLabel('Red', { exact: true }).first().selectOption('linkedin');
  await page.getByLabel('Fecha de la medición').fill(day());
  await page.getByRole('textbox', { name: 'Seguidores', exact: true }).fill('1.200');
  await page.getByRole('textbox', { name: /^Publicaciones/ }).fill('5');
  await page.getByRole('button', { name: 'Registrar cifras' }).click();
  await expect(page.getByRole('status')).toHaveText('Cifras registradas.');

  // A file with mistakes: nothing imported, each error with its row and column, the text kept.
  const csv = `red,fecha,seguidores,publicaciones\nyoutube,${day()},2300,3\nfacebook,${day()},muchos,\n`;
  await page.getByLabel('Contenido del archivo CSV').fill(csv);
  await page.getByRole('button', { name: 'Importar cifras' }).click();
  await expect(page.getByRole('heading', { name: 'No se importó ninguna cifra: revise 1 error' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fila 3, columna seguidores: escriba los seguidores como un número entero, sin decimales.' })).toBeVisible();
  await expect(page.getByLabel('Contenido del archivo CSV')).toHaveValue(csv);
  await expectNoViolations(page);

  await page.getByLabel('Contenido del archivo CSV').fill(csv.replace('muchos', '19.000'));
  await page.getByRole('button', { name: 'Importar cifras' }).click();
  await expect(page.getByRole('status')).toHaveText('Cifras importadas.');

  // Publishing points the plan's 4.1 evidence at this period.
  await page.getByLabel('Desde').fill('2026-01-01');
  await page.getByLabel('Hasta').fill('2026-10-31');
  await page.getByRole('button', { name: 'Ver el periodo' }).click();
  await page.getByRole('button', { name: 'Publicar como evidencia' }).click();
  await expect(page.getByRole('status')).toHaveText('Informe publicado: la actividad del plan enlaza ahora a este periodo.');
  await page.goto('/');
  await expect(page.locator('#actividad-4-1').getByRole('link', { name: /Informe de monitoreo de las redes sociales, del 2026-01-01 al 2026-10-31/ })).toHaveAttribute(
    'href',
    '/informes/monitoreo/redes?desde=2026-01-01&hasta=2026-10-31',
  );
});

test('the staff visits report is accessible and links to its public version', async ({ page }) => {
  await signInCommunications(page);
  await page.goto('/staff/monitoreo/sitio');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Informe de monitoreo de las visitas del sitio web, del /);
  await expect(page.getByRole('link', { name: 'Versión pública de este informe' })).toHaveAttribute('href', /^\/informes\/monitoreo\/sitio\?desde=/);
  await expectNoViolations(page);
  expect(await page.locator('script').count()).toBe(0);
});
