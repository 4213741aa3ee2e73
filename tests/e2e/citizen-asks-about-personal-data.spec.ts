import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { staffToken } from '../support/staff.ts';
import { deliverMailTo, mailHtml } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';
import { createEvent, newDocument, sql, uniqueEmail } from './support/tickets.ts';

// Ley 1581 without an account, with JavaScript off: a person who used two services asks what is held,
// reads it behind the e-mailed link, asks for it to be suppressed, and gets the officer's answer by e-mail.
test.use({ javaScriptEnabled: false });

/**
 * axe runs inside the page, which JavaScript-off pages refuse: it checks the same address (a GET, which
 * changes nothing here) in a twin tab with JavaScript and the cookies the page had when first checked.
 */
const twins = new Map<Page, Page>();
async function expectAccessible(page: Page, exclude?: string): Promise<void> {
  let view = twins.get(page);
  if (!view) {
    const twin = await page.context().browser()!.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
    view = await twin.newPage();
    twins.set(page, view);
  }
  await view.goto(page.url());
  await expectNoViolations(view, exclude);
}

const client = () => ({ 'x-nf-client-connection-ip': `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` });

/** A ticket and a hearing question, sent through the public API as the forms would. */
async function usesTheServices(request: APIRequestContext, email: string): Promise<string> {
  const slug = await createEvent(10);
  const ticket = await request.post(`/api/events/${slug}/registrations`, {
    headers: client(),
    data: { fullName: 'Marta Lucía Ríos', documentId: newDocument(), email, quantity: 1, consent: true },
  });
  expect(ticket.status()).toBe(201);
  const question = await request.post('/api/hearings/audiencia-1/questions', {
    headers: client(),
    data: { question: '¿Cuántas personas usaron la boletería en línea este año?', fullName: 'Marta Lucía Ríos', email, consent: true },
  });
  expect(question.status()).toBe(201);
  return ((await ticket.json()) as { code: string }).code;
}

/** Opens, in the local mailbox, the message with this subject sent to this person. */
async function openMailTo(staff: Page, email: string, subject: string | RegExp): Promise<void> {
  await staff.goto('/staff/correo');
  await staff.getByRole('row').filter({ hasText: email }).getByRole('link', { name: subject }).first().click();
  await expect(staff.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expectAccessible(staff, 'iframe.mail-html');
}

/** The 15th working day after today in Bogotá, counted here from the loaded holidays, not by the function under test. */
async function fifteenWorkingDaysAhead(): Promise<string> {
  const holidays = new Set((await sql()`select day::text as day from private.public_holidays`).map((r) => r.day as string));
  const day = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date())}T12:00:00Z`);
  for (let left = 15; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() % 6 !== 0 && !holidays.has(iso)) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

test('a person asks what is held, sees it with its consents, asks for supresión and receives the answer', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('marta');
  const ticketCode = await usesTheServices(request, email);

  await page.goto('/datos-personales');
  await expectAccessible(page);
  // Sent empty: back to the form, each error named and linked to its field.
  await page.getByRole('button', { name: 'Enviarme el enlace' }).click();
  await expect(page.getByRole('link', { name: /Su correo electrónico — Escriba un correo/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Su correo electrónico/).fill(email);
  await expect(page.getByLabel('Conocer mis datos (consulta)')).toBeChecked();
  await page.getByRole('button', { name: 'Enviarme el enlace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revise su correo' })).toBeVisible();
  await expectAccessible(page);

  // The officer's browser reads the local mailbox, standing in for the person's own mail client.
  const staffContext = await browser.newContext({ javaScriptEnabled: false });
  const staff = await staffContext.newPage();
  await staff.goto(`/staff/entrar?token=${encodeURIComponent(await staffToken('admin', 'oficial@agencia.gov.co'))}`);
  await staff.getByRole('button', { name: 'Entrar' }).click();
  await deliverMailTo(email);
  await openMailTo(staff, email, 'Confirme su solicitud sobre sus datos personales');
  const href = (await mailHtml(staff).getByRole('link', { name: 'Ver mis datos y confirmar la solicitud' }).getAttribute('href'))!;
  const link = new URL(href);

  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { level: 3, name: 'Boletas (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Preguntas a las audiencias (1)' })).toBeVisible();
  await expect(page.getByText(ticketCode)).toBeVisible();
  await expect(page.getByRole('cell', { name: /^boleteria-v1: / })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^audiencias-v1: / })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Suprimir mis datos (reclamo)').check();
  await page.getByRole('button', { name: 'Confirmar la solicitud' }).click();
  await expect(page.getByRole('status')).toContainText('quedó radicada');
  await expect(page.getByRole('listitem').filter({ hasText: 'Preguntas a las audiencias (nombre y correo): 1' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `La boleta ${ticketCode}` })).toContainText('se suprimirán después del evento');
  await expectAccessible(page);
  const [row] = await sql()`select number from public.personal_data_requests where email = ${email} and confirmed_at is not null`;
  const number = Number(row.number);

  // The officer's queue: due 15 working days ahead (a reclamo), holidays skipped; the answer goes by e-mail.
  await staff.goto('/staff/datos-personales');
  await staff.getByRole('link', { name: /Solicitudes de las personas/ }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Solicitudes de datos personales' })).toBeVisible();
  const item = staff.getByRole('article', { name: `Solicitud ${number}: Suprimir mis datos (reclamo)` });
  await expect(item.locator(`time[datetime="${await fifteenWorkingDaysAhead()}"]`)).toBeVisible();
  await expect(item).toContainText('se suprimirán después del evento');
  await expectAccessible(staff);
  await item.getByLabel(`Respuesta a la solicitud ${number}`).fill('Suprimimos su pregunta; los datos de su boleta se suprimirán el día después del evento.');
  await item.getByRole('button', { name: `Responder la solicitud ${number}` }).click();
  await expect(staff.getByRole('status')).toContainText('Respuesta guardada');
  await expectAccessible(staff);

  await deliverMailTo(email);
  await openMailTo(staff, email, `Respuesta a su solicitud ${number} sobre sus datos personales`);
  await expect(mailHtml(staff).getByText('Suprimimos su pregunta; los datos de su boleta')).toBeVisible();
  await staffContext.close();
  for (const view of twins.values()) await view.context().close();
});
