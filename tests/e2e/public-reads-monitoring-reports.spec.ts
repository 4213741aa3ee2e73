import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';

test('the public reads the visits report: chart and table of the same numbers, every section, accessible', async ({ page }) => {
  await page.goto('/informes/monitoreo/sitio');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Informe de monitoreo de las visitas del sitio web, del .+ al .+$/);
  await expect(page.getByRole('img', { name: /^Gráfico de columnas: visitas y visitantes únicos por día/ })).toBeVisible();
  const byDay = page.getByRole('table', { name: 'Visitas y visitantes únicos por día' });
  await expect(byDay).toBeVisible();
  await expect(byDay.getByRole('row')).toHaveCount(1 + 30 + 1);
  for (const name of ['Páginas más vistas', 'Procedencia de las visitas', 'Campañas', 'Dispositivos', 'Navegadores', 'Países']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expect(page.getByRole('table', { name })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Descargar las cifras en CSV' })).toHaveAttribute('href', /^\/informes\/monitoreo\/sitio\.csv\?desde=\d{4}-\d{2}-\d{2}&hasta=/);
  await expectNoViolations(page);
});

test('the public reads the networks report: followers per network, monthly change flagged in words, accessible', async ({ page }) => {
  await page.goto('/informes/monitoreo/redes?desde=2026-01-01&hasta=2026-10-31');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Informe de monitoreo de las redes sociales, del 1 de enero de 2026 al 31 de octubre de 2026');
  await expect(page.getByRole('img', { name: /^Seguidores de Facebook: 18\.250 el 31 de marzo de 2026 y 19\.874 el 31 de octubre de 2026/ })).toBeVisible();
  const months = page.getByRole('table', { name: 'Seguidores y cambio por red y mes' });
  const xSeptember = months.getByRole('row').filter({ hasText: 'X' }).filter({ hasText: 'septiembre de 2026' });
  await expect(xSeptember).toContainText('−68');
  await expect(xSeptember).toContainText('Disminución');
  await expect(page.getByRole('table', { name: 'Publicaciones e interacciones por red en el periodo' })).toBeVisible();
  await expectNoViolations(page);
});

test('both reports fit a phone without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  for (const path of ['/informes/monitoreo/sitio', '/informes/monitoreo/redes']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the date-range form changes the period, and the printed report carries it in its title', async ({ page }) => {
    await page.goto('/informes/monitoreo/sitio');
    await page.getByLabel('Desde').fill('2026-10-01');
    await page.getByLabel('Hasta').fill('2026-10-31');
    await page.getByLabel('Agrupar').selectOption('semana');
    await page.getByRole('button', { name: 'Ver el periodo' }).click();
    await expect(page).toHaveURL(/desde=2026-10-01&hasta=2026-10-31&por=semana/);
    const title = 'Informe de monitoreo de las visitas del sitio web, del 1 de octubre de 2026 al 31 de octubre de 2026';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('table', { name: 'Visitas y visitantes únicos por semana' })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${title}`));

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('.period-form')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Descargar las cifras en CSV' })).toBeHidden();
    await expect(page.getByRole('img', { name: /^Gráfico de columnas/ })).toBeVisible();
  });
});
