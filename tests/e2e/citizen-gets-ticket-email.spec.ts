import { expect, test } from '@playwright/test';
import { deliverMailTo, downloadAttachment, mailHtml, openMail, signInCommunications } from './support/mailbox.ts';
import { newDocument, sql, uniqueEmail } from './support/tickets.ts';

const EVENT = 'leones-vs-halcones';

/** An iCalendar UTC date-time (20261205T000000Z) of a timestamp. */
const icalUtc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

test('the ticket e-mail reaches the local mailbox with the code, the QR, the calendar file and the cancel link', async ({ page }) => {
  const email = uniqueEmail('correo');
  await page.goto(`/servicios/boleteria/${EVENT}`);
  await page.getByLabel(/Nombre completo/).fill('Sofía Correo Arango');
  await page.getByLabel(/Número de documento/).fill(newDocument());
  await page.getByLabel(/Correo electrónico/).fill(email);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Reservar boletas' }).click();
  const code = (await page.locator('.ticket-code').textContent())!;
  const cancelPath = (await page.locator('a[href*="/cancelar?clave="]').first().getAttribute('href'))!;
  expect(cancelPath).toMatch(/\/cancelar\?clave=[0-9a-f]{64}$/);

  await deliverMailTo(email);
  await signInCommunications(page);
  const [event] = await sql()`select title, starts_at from public.events where slug = ${EVENT}`;
  const subject = `Su boleta para ${event.title}: ${code}`;
  await openMail(page, subject);

  await expect(page.locator('.mail-meta')).toContainText(email);
  await expect(page.locator('.mail-text')).toContainText(`Código de la boleta: ${code}`);
  const html = mailHtml(page);
  await expect(html.getByRole('img', { name: `Código QR de la boleta ${code}` }).locator('svg')).toBeVisible();
  await expect(html.getByText(code, { exact: true })).toBeVisible();
  await expect(html.getByRole('link', { name: 'Cancelar boletas' })).toHaveAttribute('href', new RegExp(`${cancelPath.replace(/[.?]/g, '\\$&')}$`));

  const ics = await downloadAttachment(page, `${EVENT}.ics`);
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(`DTSTART:${icalUtc(event.starts_at)}`);
});
