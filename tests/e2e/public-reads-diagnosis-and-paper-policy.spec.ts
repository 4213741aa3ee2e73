import { expect, test } from '@playwright/test';
import { signInAs } from './support/paper-diagnosis.ts';
import { expectNoViolations } from './support/axe.ts';
import { isBeacon, SCRIPTS_BESIDES_BEACON } from '../support/beacon.ts';

const PUBLIC = ['/informes/diagnostico', '/informes/diagnostico/2025', '/informes/politica-papel'];
const STAFF = ['/staff/diagnostico', '/staff/diagnostico/2025', '/staff/papel', '/staff/papel/posiciones', '/staff/papel/politica'];

test('the public reports are reached from the home page, ship no JavaScript and pass axe', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && !isBeacon(r.url())) scripts.push(r.url());
  });
  await page.goto('/');
  await page.locator('a[href="/informes/diagnostico/2025"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Autodiagnóstico de participación ciudadana 2025' })).toBeVisible();
  await page.goto('/');
  await page.locator('a[href="/informes/politica-papel"]').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Política de uso eficiente del papel' })).toBeVisible();
  for (const path of PUBLIC) {
    await page.goto(path);
    expect(await page.locator(SCRIPTS_BESIDES_BEACON).count(), path).toBe(0);
    await expectNoViolations(page);
  }
  expect(scripts).toEqual([]);
  expect((await page.request.get('/informes/diagnostico/2031')).status()).toBe(404);
});

test('every page of both exercises fits a phone without horizontal scrolling, and the admin views pass axe', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 740 });
  await signInAs(context, baseURL!, 'admin', 'admin-movil-e2e@agencia.gov.co');
  for (const path of [...PUBLIC, ...STAFF]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    if (path.startsWith('/staff')) await expectNoViolations(page);
  }
});

test('a staff member without the admin role is told the diagnosis is for admins (403)', async ({ page, context, baseURL }) => {
  await signInAs(context, baseURL!, 'communications', 'comunicaciones-diagnostico-e2e@agencia.gov.co');
  const response = await page.goto('/staff/diagnostico');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('Solo un administrador puede llevar el autodiagnóstico.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Iniciar autodiagnóstico' })).toHaveCount(0);
  await expectNoViolations(page);
});

test('the diagnosis report prints: no navigation, every table whole within an A4 page width', async ({ page }) => {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.goto('/informes/diagnostico/2025');
  await expect(page.locator('.site-header .nav')).toBeHidden();
  await expect(page.locator('tr[data-dimension="general"]')).toContainText('57,7 de 100');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('[data-requirement]')).toHaveCount(14);
});
