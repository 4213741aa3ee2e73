import { expect, test } from '@playwright/test';
import { staffToken } from '../support/staff.ts';
import { expectNoViolations, newDocument, uniqueEmail } from './support/tickets.ts';

// TODO(merge): un-fixme once the outbox branch's local mailbox (/staff/correo) and sender are merged and
// the ticket templates (src/lib/tickets/emails/*) are wired into src/lib/email/templates.ts.
test.fixme('the ticket e-mail reaches the local mailbox with the code, the QR, the calendar file and the cancel link', async ({ page }) => {
  const email = uniqueEmail('correo');
  await page.goto('/servicios/boleteria/leones-vs-halcones');
  await page.getByLabel(/Nombre completo/).fill('Sofía Correo Arango');
  await page.getByLabel(/Número de documento/).fill(newDocument());
  await page.getByLabel(/Correo electrónico/).fill(email);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Reservar boletas' }).click();
  const code = (await page.locator('.ticket-code').textContent())!;

  const token = await staffToken('communications', 'comunicaciones@agencia.gov.co');
  await page.goto(`/staff/entrar?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.goto('/staff/correo');
  const message = page.locator('article', { hasText: email }).filter({ hasText: code }).first();
  await expect(message).toBeVisible();
  await expect(message).toContainText('Leones vs. Halcones');
  await expect(message.locator('svg')).toBeVisible();
  await expect(message.getByRole('link', { name: /cancelar/i })).toHaveAttribute('href', /\/cancelar\?clave=[0-9a-f]{64}$/);
  await expect(message.getByText(/\.ics/)).toBeVisible();
  await expectNoViolations(page);
});
