import { expectNoViolations } from './support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { isBeacon, SCRIPTS_BESIDES_BEACON } from '../support/beacon.ts';



const PUBLIC_PAGES = [
  '/',
  '/encuestas',
  '/encuestas/oferta-de-servicios',
  '/encuestas/oferta-de-servicios/gracias',
  '/servicios',
  '/rendicion-de-cuentas',
  '/resultados',
  '/datos-personales',
  '/no-existe',
];

for (const path of PUBLIC_PAGES) {
  test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoViolations(page);
  });
}

test('axe finds no violations on the survey form showing its errors', async ({ page }) => {
  await page.goto('/encuestas/oferta-de-servicios');
  // Paged since survey model v2: the first page's button is «Siguiente», and it checks that page.
  await page.getByRole('button', { name: /Siguiente|Enviar respuestas/ }).click();
  await expect(page.getByText('Esta pregunta es obligatoria.').first()).toBeVisible();
  await expectNoViolations(page);
});

test('read pages ship no JavaScript but the visits beacon', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && !isBeacon(r.url())) scripts.push(r.url());
  });
  for (const path of ['/', '/encuestas', '/encuestas/oferta-de-servicios', '/resultados', '/datos-personales']) {
    await page.goto(path);
    expect(await page.locator(SCRIPTS_BESIDES_BEACON).count(), path).toBe(0);
  }
  expect(scripts).toEqual([]);
});

test('phone-sized screens show every public page without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
