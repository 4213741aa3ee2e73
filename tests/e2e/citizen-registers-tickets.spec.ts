import { expect, test, type Page } from '@playwright/test';
import { tabTo } from './support/keyboard.ts';
import { deliverMailTo, mailHtml, openMail, signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';
import { createEvent, newDocument, offerToken, uniqueEmail } from './support/tickets.ts';
import { isBeacon, SCRIPTS_BESIDES_BEACON } from '../support/beacon.ts';

const EVENT = 'leones-vs-halcones';
const EVENT_TITLE = /Leones vs\. Halcones/;

async function expectTicket(page: Page, seats: string) {
  await expect(page).toHaveURL(/\/servicios\/boleteria\/boleta\/[0-9A-Z]{4}-[0-9A-Z]{4}\?clave=/);
  const qr = page.getByRole('img', { name: /Código QR de la boleta/ });
  await expect(qr).toBeVisible();
  await expect(qr.locator('svg')).toBeVisible();
  const code = (await page.locator('.ticket-code').textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('heading', { name: `Boleta: ${seats}` })).toBeVisible();
  return code;
}

test.describe('a citizen registers for tickets', () => {
  test('with the keyboard only: 2 tickets, the QR ticket and its e-mail, then cancels one', async ({ page, browser }) => {
    // Two people's visits (the citizen's, a staff member's at the mailbox) with axe on each page.
    test.slow();
    const email = uniqueEmail('valentina');
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Reservar boletas' }).first()).toHaveAttribute('href', '/servicios/boleteria');
    await page.goto('/servicios/boleteria');
    await expectNoViolations(page);
    await tabTo(page, `a.button[href="/servicios/boleteria/${EVENT}"]`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(EVENT_TITLE);
    await expectNoViolations(page);

    await tabTo(page, '#f-fullName');
    await page.keyboard.type('Valentina Cárdenas Ruiz');
    await page.keyboard.press('Tab'); // document type: CC stays
    await page.keyboard.press('Tab');
    await page.keyboard.type(newDocument());
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await tabTo(page, '#f-quantity');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#f-quantity')).toHaveValue('2');
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');

    const code = await expectTicket(page, '2 boletas');
    await expectNoViolations(page);

    // The same ticket by e-mail, as it reached the local mailbox (where staff read what citizens were sent).
    await deliverMailTo(email);
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInCommunications(staff);
    await openMail(staff, new RegExp(`^Su boleta para Leones vs\\. Halcones.*: ${code}$`));
    await expect(staff.locator('.mail-text')).toContainText('Su inscripción quedó registrada: 2 boletas');
    await expect(mailHtml(staff).getByRole('img', { name: `Código QR de la boleta ${code}` })).toBeVisible();
    await staffContext.close();

    await tabTo(page, 'a[href*="/cancelar?clave="]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancelar boletas');
    await expectNoViolations(page);
    await tabTo(page, '#f-quantity');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#f-quantity')).toHaveValue('1');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancelación registrada');
    await expect(page.getByText('Le quedan 1 boleta.')).toBeVisible();
    await expectTicket(page, '1 boleta');
    await expectNoViolations(page);
  });

  test('a form with errors says what to fix, beside each field, accessibly', async ({ page }) => {
    await page.goto(`/servicios/boleteria/${EVENT}`);
    await page.getByLabel(/Nombre completo/).fill('Al');
    await page.getByRole('button', { name: 'Reservar boletas' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /Número de documento/ })).toBeVisible();
    await expect(page.getByLabel(/Nombre completo/)).toHaveValue('Al');
    await expectNoViolations(page);
  });

  test('the ticket pages ship no JavaScript but the visits beacon', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && !isBeacon(r.url())) scripts.push(r.url());
    });
    for (const path of ['/servicios/boleteria', `/servicios/boleteria/${EVENT}`, '/servicios/boleteria/clinica-de-baloncesto-juvenil', '/servicios/boleteria/leones-vs-toros']) {
      await page.goto(path);
      expect(await page.locator(SCRIPTS_BESIDES_BEACON).count(), path).toBe(0);
    }
    expect(scripts).toEqual([]);
  });

  test('the events still to open and sold out say so, accessibly', async ({ page }) => {
    await page.goto('/servicios/boleteria/leones-vs-toros');
    await expect(page.getByText(/Las inscripciones abren el/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reservar boletas' })).toHaveCount(0);
    await expectNoViolations(page);
    await page.goto('/servicios/boleteria/clinica-de-baloncesto-juvenil/lista-de-espera');
    await expectNoViolations(page);
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    test('registers through the server-rendered form', async ({ page }) => {
      await page.goto(`/servicios/boleteria/${EVENT}`);
      await page.getByLabel(/Nombre completo/).fill('Andrés Felipe Mora');
      await page.getByLabel(/Tipo de documento/).selectOption('CE');
      await page.getByLabel(/Número de documento/).fill(newDocument());
      await page.getByLabel(/Correo electrónico/).fill(uniqueEmail('andres'));
      await page.getByLabel(/Cantidad de boletas/).selectOption('2');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Reservar boletas' }).click();
      await expectTicket(page, '2 boletas');
      expect(await page.locator(SCRIPTS_BESIDES_BEACON).count()).toBe(0);
    });
  });

  test('a sold-out event offers the waiting list, and a released seat reaches the first in line', async ({ page, request }) => {
    const slug = await createEvent(1);
    const holder = await request.post(`/api/events/${slug}/registrations`, {
      data: { fullName: 'Primera Persona', documentId: newDocument(), email: uniqueEmail('primera'), quantity: 1, consent: true },
    });
    expect(holder.status()).toBe(201);
    const ticket = await holder.json();

    await page.goto(`/servicios/boleteria/${slug}`);
    await expect(page.getByText('Agotado').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lista de espera' })).toBeVisible();
    await expectNoViolations(page);
    const email = uniqueEmail('espera');
    await page.getByLabel(/Nombre completo/).fill('Camila Espera Rojas');
    await page.getByLabel(/Correo electrónico/).fill(email);
    await page.locator('#consent').check();
    await page.getByRole('button', { name: 'Entrar a la lista de espera' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quedó en la lista de espera');
    await expect(page.getByText(/puesto en la fila es el 1/)).toBeVisible();
    await expectNoViolations(page);

    const cancelled = await request.post(`/api/registrations/${ticket.code}/cancel`, { data: { secret: ticket.cancelSecret } });
    expect(cancelled.status()).toBe(200);
    // The seat is held for the first in line, not put back on sale.
    const event = await (await request.get(`/api/events/${slug}`)).json();
    expect(event).toMatchObject({ remaining: 0, status: 'sold_out' });

    await page.goto(`/servicios/boleteria/oferta/${await offerToken(email)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se liberaron boletas para usted');
    await expectNoViolations(page);
    await page.getByLabel(/Número de documento/).fill(newDocument());
    await page.locator('#consent').check();
    await page.getByRole('button', { name: 'Reclamar mis boletas' }).click();
    await expectTicket(page, '1 boleta');
  });
});
