import { expect, test } from '@playwright/test';
import { staffToken } from '../support/staff.ts';
import { expectNoViolations } from './support/axe.ts';
import { sql } from './support/tickets.ts';

// A citizen who used the services asks what the agency holds about them, then for it to be suppressed.
test('the data protection officer answers a consulta and a supresión by keyboard, across the services', async ({ page }) => {
  // axe over a holder's every record takes long on a loaded machine.
  test.setTimeout(120_000);
  const [holder] = await sql()`
    select email from public.event_registrations r join public.events e on e.id = r.event_id
    where r.email like '%@%' and r.email not like '%@suprimido.invalid' limit 1`;
  const token = await staffToken('admin', 'admin@agencia.gov.co');
  await page.goto(`/staff/entrar?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Datos personales' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultas y supresión de datos personales' })).toBeVisible();
  await expectNoViolations(page);

  await page.getByLabel('Correo de la persona').fill(holder.email);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Datos de ${holder.email}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Boletas \([1-9]/ })).toBeVisible();
  await expectNoViolations(page);

  await page.getByLabel('Correo de la persona').fill('no-es-un-correo');
  await page.getByLabel('Correo de la persona').evaluate((input: HTMLInputElement) => (input.type = 'text'));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Escriba el correo de la persona')).toBeVisible();
  await expectNoViolations(page);
});
