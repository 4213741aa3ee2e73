import { expectNoViolations } from './support/axe.ts';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { sql } from '../support/db.ts';
import { staffToken } from '../support/staff.ts';
import { createSurvey } from '../support/surveys.ts';
import { advisorBookedTomorrow, failedEmail, laterTodayInBogota } from '../staff/fixtures.ts';
import { csvOf, importCsv } from '../telephone/helpers.ts';
import { addRegistration, newEvent } from '../tickets-staff/fixtures.ts';
import { tabTo } from './support/keyboard.ts';



async function signIn(context: BrowserContext, baseURL: string, token: string) {
  await context.clearCookies();
  await context.addCookies([{ name: 'participa_staff', value: token, url: baseURL, httpOnly: true, sameSite: 'Strict' }]);
}

test('an interviewer’s home shows the call queue, and the keyboard leads to it', async ({ page, context, baseURL }) => {
  const slug = await createSurvey();
  expect((await importCsv(slug, csvOf([{ name: 'Ana Inicio' }]))).status).toBe(200);
  await signIn(context, baseURL!, await staffToken('interviewer', 'encuestador-inicio@agencia.gov.co'));
  await page.goto('/staff');
  // The staff header replaces the public one: the interviewer's sections, who is signed in, the way out.
  await expect(page.getByRole('navigation', { name: 'Principal' })).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'Secciones' });
  await expect(nav.getByRole('link')).toHaveText(['Inicio', 'Llamadas', 'Retos del papel']);
  await expect(page.getByText('Sesión de encuestador-inicio@agencia.gov.co (rol: encuestas telefónicas).')).toBeVisible();
  const queue = page.getByRole('region', { name: 'Llamadas por hacer' });
  await expect(queue.getByRole('listitem').filter({ has: page.locator(`a[href="/staff/telefonico/${slug}"]`) })).toContainText('1 contacto para llamar ya');
  await expectNoViolations(page);

  await tabTo(page, `a[href="/staff/telefonico/${slug}"]`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/staff/telefonico/${slug}$`));
  await expect(page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Llamadas' })).toHaveAttribute('aria-current', 'page');
  await expectNoViolations(page);
});

test('the box office’s home shows today’s event with its check-ins, one key press from the door list', async ({ page, context, baseURL }) => {
  const title = `Leones hoy ${Date.now().toString(36)}`;
  const slug = await newEvent({ title, startsAt: laterTodayInBogota() });
  await addRegistration(slug, { quantity: 2, checkedIn: true });
  await addRegistration(slug, { quantity: 1 });
  await signIn(context, baseURL!, await staffToken('box_office', 'taquilla-inicio@agencia.gov.co'));
  await page.goto('/staff');
  const today = page.getByRole('region', { name: 'Eventos de hoy' });
  await expect(today.getByRole('listitem').filter({ hasText: title })).toContainText('2 de 3 cupos registrados ya ingresaron');
  await expectNoViolations(page);

  await tabTo(page, `a[href="/staff/eventos/${slug}/ingreso"]`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/staff/eventos/${slug}/ingreso$`));
  await expectNoViolations(page);
});

test('an advisor’s home shows their own bookings, not another advisor’s', async ({ page, context, baseURL }) => {
  const mine = await advisorBookedTomorrow();
  const other = await advisorBookedTomorrow();
  await signIn(context, baseURL!, await staffToken('advisor', mine.email));
  await page.goto('/staff');
  const bookings = page.getByRole('region', { name: 'Asesorías de hoy y mañana' });
  await expect(bookings.getByRole('link', { name: `reserva ${mine.code}` })).toBeVisible();
  await expect(bookings.getByRole('link', { name: `reserva ${other.code}` })).toHaveCount(0);
  await expectNoViolations(page);

  await tabTo(page, `a[href="/staff/asesorias/reserva/${mine.code}"]`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/staff/asesorias/reserva/${mine.code}$`));
  await expectNoViolations(page);
});

test('an admin retries a failed e-mail from its screen, with the keyboard only', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000); // the admin's pages are the longest: every section, and the plan editor
  const id = await failedEmail();
  await signIn(context, baseURL!, await staffToken('admin', 'admin-inicio@agencia.gov.co'));
  await page.goto('/staff');
  await expect(page.getByRole('region', { name: 'Correos que no se pudieron enviar' }).getByRole('link', { name: `Mensaje ${id}` })).toBeVisible();
  await expectNoViolations(page);

  await tabTo(page, 'nav[aria-label="Secciones"] a[href="/staff/correo/fallidos"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/correo\/fallidos$/);
  const row = page.locator(`tr[data-email="${id}"]`);
  await expect(row).toContainText('reintento@example.co');
  await expect(row).toContainText('El servidor rechazó el destinatario');
  await expectNoViolations(page);

  await tabTo(page, `form[action="/api/admin/mail/failed/${id}/retry"] button`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/correo\/fallidos\?ok=reintentado$/);
  await expect(page.getByRole('status')).toContainText('El correo volvió a la cola');
  await expectNoViolations(page);
  // Whatever the sender does next, the retry happened once and is on record with who did it.
  const audit = await sql`
    select actor_email from private.audit_log
    where table_name = 'email_outbox' and row_id = ${String(id)} and before ->> 'status' = 'failed' and after ->> 'status' = 'pending'`;
  expect(audit.map((a) => a.actor_email)).toEqual(['admin-inicio@agencia.gov.co']);
});
