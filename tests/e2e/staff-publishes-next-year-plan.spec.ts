import { expect, test, type Page } from '@playwright/test';
import { tabTo } from './support/keyboard.ts';
import { signInAs } from './support/paper-diagnosis.ts';
import { expectNoViolations } from './support/tickets.ts';

// Runs after every other browser journey (its own Playwright project, see playwright.config.ts): publishing
// next year's plan in force today changes the home page that the others read.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
const YEAR = Math.max(2027, Number(today.slice(0, 4)) + 1);

async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function submit(page: Page, selector: string) {
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
}

test(`an admin copies the 2026 plan into ${YEAR}, edits and adds activities, publishes it, and the home page shows it`, async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(context, baseURL!, 'admin', 'admin-plan-e2e@agencia.gov.co');
  await page.goto('/staff');
  await submit(page, 'a[href="/staff/plan"]');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan de participación por vigencias' })).toBeVisible();
  await expectNoViolations(page);

  // Next year's draft, copied from the plan in force (the form's default).
  await typeInto(page, '#f-year', String(YEAR));
  await expect(page.locator('#f-copyFrom')).toHaveValue('2026');
  await submit(page, 'form:has(#f-year) button[type="submit"]');
  await expect(page).toHaveURL(new RegExp(`/staff/plan/${YEAR}\\?ok=creado$`));
  await expect(page.getByRole('status')).toHaveText(`Borrador del plan ${YEAR} creado.`);
  await expectNoViolations(page);

  // 2.2 gets new dates and another area; an end before the start is refused beside its box, nothing typed lost.
  await submit(page, `a[href="/staff/plan/${YEAR}/actividades/2.2"]`);
  await expect(page.getByRole('heading', { level: 1, name: `Actividad 2.2 del plan ${YEAR}` })).toBeVisible();
  await typeInto(page, '#f-responsibleArea', 'Oficina de Comunicaciones Digitales');
  await typeInto(page, '#f-startsOn', `${YEAR}-03-01`);
  await typeInto(page, '#f-endsOn', `${YEAR}-02-01`);
  await submit(page, 'form.form button[type="submit"]');
  await expect(page).toHaveTitle(/^Error: Actividad 2\.2/);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Fecha de fin — La fecha de fin no puede ser anterior a la de inicio.');
  await expect(page.locator('#f-responsibleArea')).toHaveValue('Oficina de Comunicaciones Digitales');
  await expectNoViolations(page);
  await typeInto(page, '#f-endsOn', `${YEAR}-06-30`);
  await submit(page, 'form.form button[type="submit"]');
  await expect(page).toHaveURL(new RegExp(`/staff/plan/${YEAR}\\?ok=actividad$`));
  await expect(page.locator('[data-activity="2.2"]')).toContainText('Oficina de Comunicaciones Digitales');

  // A new activity in phase 5.
  await submit(page, `a[href="/staff/plan/${YEAR}/actividades/nueva"]`);
  await expect(page.getByRole('heading', { level: 1, name: `Nueva actividad del plan ${YEAR}` })).toBeVisible();
  await expectNoViolations(page);
  await typeInto(page, '#f-code', '5.4');
  await tabTo(page, '#f-phase');
  await page.keyboard.type('5');
  await typeInto(page, '#f-title', 'Laboratorio ciudadano de datos abiertos');
  await typeInto(page, '#f-objective', 'Abrir los datos de la participación para que la ciudadanía los use.');
  await typeInto(page, '#f-product', 'Un conjunto de datos abiertos publicado');
  await typeInto(page, '#f-responsibleArea', 'Tecnologías de la Información');
  await typeInto(page, '#f-startsOn', `${YEAR}-04-01`);
  await typeInto(page, '#f-endsOn', `${YEAR}-09-30`);
  await submit(page, 'form.form button[type="submit"]');
  await expect(page).toHaveURL(new RegExp(`/staff/plan/${YEAR}\\?ok=actividad$`));
  await expect(page.locator('section:has(#fase-5) [data-activity="5.4"]')).toContainText('Laboratorio ciudadano de datos abiertos');

  // Published whole, in force from today.
  await typeInto(page, '#f-changes', `Plan de participación de la vigencia ${YEAR}: nuevas fechas de 2.2 y la actividad 5.4.`);
  await typeInto(page, '#f-effectiveFrom', today);
  await submit(page, 'form:has(#f-version) button[type="submit"]');
  await expect(page.getByRole('status')).toHaveText('Plan publicado.');
  await expectNoViolations(page);

  await page.goto('/');
  await expect(page.getByText(`Plan de la vigencia ${YEAR}, versión ${YEAR}-1.`)).toBeVisible();
  await expect(page.locator('#actividad-5-4')).toContainText('Laboratorio ciudadano de datos abiertos');
  await expect(page.locator('#actividad-2-2')).toContainText('Oficina de Comunicaciones Digitales');
  await expectNoViolations(page);

  // Last year's plan stays readable with its statuses and evidence, linked from the plan page.
  await page.goto('/participa/plan');
  await submit(page, 'a[href="/participa/plan/2026"]');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan de participación ciudadana 2026' })).toBeVisible();
  const last = page.locator('#actividad-2-2');
  await expect(last).toContainText('Realizada');
  await expect(last).not.toContainText('Oficina de Comunicaciones Digitales');
  await expect(last.getByRole('link', { name: 'Encuesta de percepción publicada en la herramienta web' })).toHaveAttribute('href', '/encuestas/percepcion-redes');
  await expectNoViolations(page);
});
