import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { staffToken } from '../support/staff.ts';

test('a communications officer signs in with a link and marks an activity as done', async ({ page }) => {
  const token = await staffToken('communications', 'comunicaciones@agencia.gov.co');
  await page.goto(`/staff/entrar?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByText('comunicaciones@agencia.gov.co')).toBeVisible();
  await expectNoViolations(page);

  const activity = page.locator('[data-activity="1.3"]');
  await activity.getByLabel(/estado/i).selectOption('done');
  await activity.getByRole('button', { name: /guardar/i }).click();
  await expect(page).toHaveURL(/\/staff\?ok=estado/);

  await activity.getByLabel(/nombre de la evidencia|evidencia/i).first().fill('Diagnóstico de cumplimiento 2026');
  await activity.getByLabel(/enlace/i).fill('https://agencia.gov.co/diagnostico-2026.pdf');
  await activity.getByRole('button', { name: /añadir evidencia/i }).click();
  await expect(page).toHaveURL(/\/staff\?ok=evidencia/);

  await page.goto('/');
  const home = page.locator('[data-activity="1.3"], #actividad-1-3').first();
  await expect(home).toContainText('Realizada');
  await expect(home.getByRole('link', { name: 'Diagnóstico de cumplimiento 2026' })).toHaveAttribute('href', 'https://agencia.gov.co/diagnostico-2026.pdf');
});
