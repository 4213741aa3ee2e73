import { expect, test, type Page } from '@playwright/test';
import { pastBooking } from '../advisory/fixture.ts';
import { staffToken } from '../support/staff.ts';
import { tabTo } from './support/keyboard.ts';
import { deliverMailTo, downloadAttachment, openMail, signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';
import { newDocument, sql, uniqueEmail } from './support/tickets.ts';
import { SCRIPTS_BESIDES_BEACON } from '../support/beacon.ts';

const BOOKING_URL = /\/servicios\/asesorias\/reserva\/[0-9A-Z]{4}-[0-9A-Z]{4}\?clave=[0-9a-f]{64}/;

/** The slot a booking holds now, and whether the public listing offers it as free. */
async function heldSlot(code: string): Promise<string | null> {
  const [row] = await sql()`select s.id from public.advisory_slots s join public.advisory_bookings b on b.id = s.booking_id where b.code = ${code}`;
  return row?.id ?? null;
}

async function offered(page: Page, topic: string, slotId: string): Promise<boolean | undefined> {
  const [{ from, to }] = await sql()`select to_char((now() at time zone 'America/Bogota')::date, 'YYYY-MM-DD') as from,
    to_char((now() at time zone 'America/Bogota')::date + 30, 'YYYY-MM-DD') as to`;
  const reply = await page.request.get(`/api/advisory/slots?topic=${topic}&from=${from}&to=${to}`);
  const slots = (await reply.json()) as { id: string; available: boolean }[];
  return slots.find((s) => s.id === slotId)?.available;
}

async function signInAs(page: Page, role: 'admin' | 'advisor', email: string) {
  await page.goto(`/staff/entrar?token=${encodeURIComponent(await staffToken(role, email))}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

// Tests run in parallel: the ones that book use topics of different seeded advisors (formalización: Laura;
// ventas digitales: Andrés), so they never race for the same first free slot.
test.describe('an entrepreneur books advice', () => {
  test('with the keyboard only: books, gets the e-mail with the .ics, reschedules, cancels, and the slot is free again', async ({ page, browser }) => {
    test.slow();
    const email = uniqueEmail('natalia');
    await page.goto('/servicios');
    await expect(page.getByRole('link', { name: 'Agendar una asesoría' })).toHaveAttribute('href', '/servicios/asesorias');
    await tabTo(page, 'a[href="/servicios/asesorias"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Asesorías para emprendedores');
    await expectNoViolations(page);

    await tabTo(page, 'a[href="/servicios/asesorias?tema=formalizacion"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /Elija un día y un horario libre: Formalización/ })).toBeVisible();
    await expectNoViolations(page);
    await tabTo(page, '.week a[href*="/servicios/asesorias/reservar?"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('3. Sus datos para la asesoría');
    await expectNoViolations(page);

    await tabTo(page, '#f-fullName');
    await page.keyboard.type('Natalia Arango Vélez');
    await page.keyboard.press('Tab'); // document type: CC stays
    await page.keyboard.press('Tab');
    await page.keyboard.type(newDocument());
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('300 555 0199');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Confecciones Natalia');
    await tabTo(page, '#f-stage');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#f-stage')).toHaveValue('starting');
    await tabTo(page, '#f-topic');
    await page.keyboard.type('Quiero registrar mi taller de confección ante la Cámara de Comercio.');
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(BOOKING_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su asesoría está reservada');
    await expectNoViolations(page);
    const code = (await page.locator('.facts dd strong').first().textContent())!;
    const first = await heldSlot(code);
    expect(first).not.toBeNull();

    // The confirmation e-mail, with the session as a calendar file.
    await deliverMailTo(email);
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInCommunications(staff);
    await openMail(staff, new RegExp(`^Su asesoría quedó reservada: ${code}$`));
    await expect(staff.locator('.mail-text')).toContainText('Tema: Formalización y trámites');
    const ics = await downloadAttachment(staff, `asesoria-${code}.ics`);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:asesoria-${code}@participa`);
    await staffContext.close();

    await tabTo(page, 'a[href*="/cambiar?clave="]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cambiar la hora de la asesoría');
    await expectNoViolations(page);
    await tabTo(page, 'input[name="slotId"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su asesoría cambió de hora');
    await expectNoViolations(page);
    const second = await heldSlot(code);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(await offered(page, 'formalizacion', first!)).toBe(true);

    await tabTo(page, 'a[href*="/cancelar?clave="]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancelar la asesoría');
    await expectNoViolations(page);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reserva cancelada');
    await expectNoViolations(page);
    expect(await heldSlot(code)).toBeNull();
    expect(await offered(page, 'formalizacion', second!)).toBe(true);
  });

  test('a form with errors says what to fix, accessibly', async ({ page }) => {
    await page.goto('/servicios/asesorias?tema=plan_de_negocio');
    await page.locator('.week a[href*="/reservar?"]').first().click();
    await page.getByLabel(/Nombre completo/).fill('Al');
    await page.getByRole('button', { name: 'Reservar la asesoría' }).click();
    await expect(page.getByRole('heading', { name: /Revise \d+ datos/ })).toBeVisible();
    await expectNoViolations(page);
  });

  test('a slot someone else booked sends the person back to the week, not to a form', async ({ page }) => {
    const [taken] = await sql()`
      select s.id, a.topics[1] as topic from public.advisory_slots s join public.advisors a on a.id = s.advisor_id
      where s.booking_id is not null and s.starts_at > now() + interval '25 hours' and s.starts_at < now() + interval '29 days' limit 1`;
    await page.goto(`/servicios/asesorias/reservar?tema=${taken.topic}&horario=${taken.id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Otra persona ya reservó ese horario.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reservar la asesoría' })).toHaveCount(0);
    await expectNoViolations(page);
    await page.getByRole('link', { name: 'Elija otro horario' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /Elija un día y un horario libre/ })).toBeVisible();
  });

  test('phone-sized screens show the week view and the form without horizontal scrolling, and no JavaScript', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/servicios/asesorias?tema=mercadeo');
    const form = await page.locator('.week a[href*="/reservar?"]').first().getAttribute('href');
    for (const path of ['/servicios/asesorias', '/servicios/asesorias?tema=mercadeo', form!, '/informes/asesorias']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      expect(await page.locator(SCRIPTS_BESIDES_BEACON).count(), `${path} ships no JavaScript`).toBe(0);
    }
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    test('books through the server-rendered week view and form', async ({ page }) => {
      await page.goto('/servicios/asesorias');
      await page.getByRole('link', { name: 'Ventas digitales' }).click();
      await page.locator('.week a[href*="/reservar?"]').first().click();
      await page.getByLabel(/Nombre completo/).fill('Julián Correa');
      await page.getByLabel(/Número de documento/).fill(newDocument());
      await page.getByLabel(/Correo electrónico/).fill(uniqueEmail('julian'));
      await page.getByLabel(/Teléfono/).fill('3005550123');
      await page.getByLabel(/Etapa del emprendimiento/).selectOption('idea');
      await page.getByLabel(/En qué necesita ayuda/).fill('Quiero vender mis artesanías por internet.');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Reservar la asesoría' }).click();
      await expect(page).toHaveURL(BOOKING_URL);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su asesoría está reservada');
      expect(await page.locator(SCRIPTS_BESIDES_BEACON).count()).toBe(0);
    });
  });
});

test.describe('staff and the public figures', () => {
  test('the advisor marks attendance and writes the advice record', async ({ page }) => {
    // A session of the seeded advisor that started an hour or two ago (the public form refuses the past).
    const [advisor] = await sql()`select id from public.advisors where email = 'asesoria@agencia.gov.co'`;
    const { code, day } = await pastBooking(advisor.id, uniqueEmail('rosa'), { fullName: 'Rosa Elena Gil', area: 'formalizacion', need: 'Formalizar mi tienda', stage: 'operating_gte_1y' });
    await signInAs(page, 'advisor', 'asesoria@agencia.gov.co');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Asesorías' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda de asesorías');
    await expectNoViolations(page);
    await page.goto(`/staff/asesorias?vista=dia&fecha=${day}`);
    await expectNoViolations(page);
    await expect(page.getByRole('link', { name: 'Rosa Elena Gil' }).first()).toBeVisible();
    await page.locator(`a[href="/staff/asesorias/reserva/${code}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/staff/asesorias/reserva/${code}$`));
    await expect(page.getByText('Formalizar mi tienda')).toBeVisible();
    await expectNoViolations(page);
    await page.getByLabel('Asistió', { exact: true }).check();
    await page.getByLabel('Formalización y trámites').check();
    await page.getByLabel(/Próximos pasos/).fill('Registrar la tienda en la Cámara de Comercio y volver con el RUT.');
    await page.getByLabel(/Remisión/).fill('Cámara de Comercio de Medellín');
    await page.getByRole('button', { name: 'Guardar el registro' }).click();
    await expect(page.getByText('Registro de la asesoría guardado.')).toBeVisible();
    await expect(page.getByLabel('Asistió', { exact: true })).toBeChecked();
    await expectNoViolations(page);
    const [record] = await sql()`select r.attendance, r.referral from public.advisory_records r join public.advisory_bookings b on b.id = r.booking_id where b.code = ${code}`;
    expect(record).toEqual({ attendance: 'attended', referral: 'Cámara de Comercio de Medellín' });
  });

  test('an admin registers an advisor with a weekly rule, then moves the rule to another day', async ({ page }) => {
    const name = `Asesora ${Date.now().toString(36)}`;
    const email = uniqueEmail('asesora').replace('@example.co', '@agencia.gov.co');
    await signInAs(page, 'admin', 'admin@agencia.gov.co');
    await page.goto('/staff/asesorias/asesores');
    const create = page.locator('form[action="/api/admin/advisory/advisors"]');
    await create.getByLabel('Nombre').fill(name);
    await create.getByLabel(/^Correo/).fill(email);
    await create.getByLabel('Mercadeo').check();
    await create.getByLabel('Lugar (presencial)').fill('Sede norte, sala 3');
    await page.locator('#nuevo-r0-day').selectOption({ label: 'lunes' });
    await page.locator('#nuevo-r0-starts').fill('09:00');
    await page.locator('#nuevo-r0-ends').fill('11:00');
    await page.getByRole('button', { name: 'Registrar asesor' }).click();
    await expect(page.getByText('Asesor registrado; sus horarios ya están en la agenda.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expectNoViolations(page);
    const weekdays = async () =>
      (await sql()`select distinct extract(isodow from s.starts_at at time zone 'America/Bogota')::int as d
                   from public.advisory_slots s join public.advisors a on a.id = s.advisor_id
                   where a.email = ${email} and s.status = 'open'`).map((r) => r.d);
    expect(await weekdays()).toEqual([1]);

    const [{ id }] = await sql()`select id from public.advisors where email = ${email}`;
    await page.locator('summary', { hasText: `Cambiar las reglas semanales de ${name}` }).click();
    const rules = page.locator(`form[action="/api/admin/advisory/advisors/${id}/rules"]`);
    await rules.locator(`[id="${id}-r0-day"]`).selectOption({ label: 'martes' });
    await rules.getByRole('button', { name: 'Guardar reglas' }).click();
    await expect(page.getByText('Reglas guardadas.')).toBeVisible();
    expect(await weekdays()).toEqual([2]);
  });

  test('the admin’s advisors page and the public figures have no violations', async ({ page }) => {
    await signInAs(page, 'admin', 'admin@agencia.gov.co');
    await page.goto('/staff/asesorias');
    await page.getByLabel('Asesor').selectOption({ label: 'Andrés Felipe Mejía' });
    await page.getByRole('button', { name: 'Ver agenda' }).click();
    await expect(page).toHaveURL(/asesor=[0-9a-f-]{36}/);
    await expect(page.getByRole('cell', { name: 'Laura Restrepo Arango' })).toHaveCount(0);
    await expectNoViolations(page);
    await page.goto('/staff/asesorias/asesores');
    await expect(page.getByRole('heading', { level: 2, name: 'Laura Restrepo Arango' })).toBeVisible();
    await expectNoViolations(page);
    await page.goto('/informes/asesorias');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifras de las asesorías a emprendedores');
    await expectNoViolations(page);
  });
});
