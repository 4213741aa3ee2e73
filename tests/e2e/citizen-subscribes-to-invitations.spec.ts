import { expect, test, type Page } from '@playwright/test';
import { deliverMailTo, mailHtml, signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';
import { sql, uniqueEmail } from './support/tickets.ts';

/** Opens, in the local mailbox, the message with this subject sent to this person (every subscriber gets the same subject). */
async function openMailTo(page: Page, email: string, subject: string): Promise<void> {
  await page.goto('/staff/correo');
  await page.getByRole('row').filter({ hasText: email }).getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expectNoViolations(page, 'iframe.mail-html');
}

/** The path and query of a link in the opened message (its host is the configured SITE_URL). */
async function linkInMail(page: Page, name: string): Promise<string> {
  const href = (await mailHtml(page).getByRole('link', { name }).getAttribute('href'))!;
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
}

test('a person signs up, confirms by the e-mailed link and unsubscribes from the link in the next message', async ({ page, context }) => {
  const email = uniqueEmail('suscrita');
  await page.goto('/participa/suscribirse');
  await expectNoViolations(page);

  // Without an address nor consent: back to the form, each error named and linked to its field.
  await page.getByRole('button', { name: 'Inscribirme' }).click();
  await expect(page.getByRole('heading', { name: /No se pudo completar la inscripción/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Correo electrónico: Escriba un correo/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Autorización: Para recibir invitaciones/ })).toBeVisible();
  await expectNoViolations(page);

  await page.getByLabel(/Correo electrónico/).fill(email);
  await page.getByLabel(/Organización/).fill('Junta de Acción Comunal El Prado');
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Inscribirme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revise su correo' })).toBeVisible();
  await expectNoViolations(page);

  // Only the confirmation is sent until the link is followed.
  await deliverMailTo(email);
  const staff = await context.newPage();
  await signInCommunications(staff);
  await openMailTo(staff, email, 'Confirme que quiere recibir invitaciones a participar');
  const confirm = await linkInMail(staff, 'Confirmar la suscripción');
  expect(confirm).toMatch(/^\/participa\/suscripcion\/confirmar\?token=[0-9a-f]{64}$/);
  await expect(mailHtml(staff).getByRole('link', { name: 'Cancelar la suscripción' })).toBeVisible();
  expect((await sql()`select status from public.invitation_subscribers where email = ${email}`)[0].status).toBe('pending');

  await page.goto(confirm);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Confirmar la inscripción' }).click();
  await expect(page.getByRole('status')).toContainText('Su inscripción quedó confirmada');
  expect((await sql()`select status from public.invitation_subscribers where email = ${email}`)[0].status).toBe('confirmed');

  // The next message (the welcome) carries the unsubscribe link, as every message does.
  await deliverMailTo(email);
  await openMailTo(staff, email, 'Su suscripción a las invitaciones está confirmada');
  const leave = await linkInMail(staff, 'Cancelar la suscripción');
  await page.goto(leave);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Dejar de recibir invitaciones' }).click();
  await expect(page.getByRole('status')).toContainText('no le enviaremos más invitaciones');
  const [row] = await sql()`select status, organisation from public.invitation_subscribers where email = ${email}`;
  expect(row).toEqual({ status: 'unsubscribed', organisation: null });
});
