import { expect, test, type Page } from '@playwright/test';
import { toBogotaInputValue } from '../../src/lib/bogota-time.ts';
import { deliverMailTo, openMail, signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';

const run = Date.now().toString(36);
const slugs = [`e2e-${run}-1`, `e2e-${run}-2`];
const inDays = (days: number, hours = 0) => toBogotaInputValue(new Date(Date.now() + days * 86_400_000 + hours * 3_600_000));

async function createHearing(page: Page, slug: string, title: string, startsInDays: number) {
  await page.getByText('Nueva audiencia', { exact: true }).click();
  const form = page.locator('form[action="/api/admin/hearings"]');
  await form.getByLabel('Dirección', { exact: true }).fill(slug);
  await form.getByLabel('Título', { exact: true }).fill(title);
  await form.getByLabel('Inicio (hora de Colombia)', { exact: true }).fill(inDays(startsInDays));
  await form.getByLabel('Fin (hora de Colombia)', { exact: true }).fill(inDays(startsInDays, 2));
  await form.getByLabel(/^Enlace de la transmisión/).fill('https://www.youtube.com/watch?v=e2e');
  await form.getByLabel(/^Agenda/).fill('Informe de gestión\nPreguntas ciudadanas');
  await form.getByRole('button', { name: 'Crear la audiencia' }).click();
  await expect(page.getByRole('status')).toHaveText('Audiencia creada, con su encuesta de evaluación.');
}

async function askQuestion(page: Page, slug: string, text: string, email: string) {
  await page.goto(`/rendicion-de-cuentas/audiencias/${slug}`);
  await page.getByLabel(/Su pregunta/).fill(text);
  await page.getByLabel(/Correo electrónico/).fill(email);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Enviar pregunta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recibimos su pregunta');
}

async function answer(page: Page, number: number, mode: 'live' | 'written', text: string) {
  await page.getByText(`Responder la pregunta ${number}`, { exact: true }).click();
  const form = page.locator(`#q${number}-answer`).locator('xpath=ancestor::form');
  await form.getByLabel(mode === 'live' ? 'En vivo, durante la audiencia' : 'Por escrito', { exact: true }).check();
  if (mode === 'live') await form.getByLabel(/^Minuto de la grabación/).fill('00:12:30');
  await form.getByLabel('Respuesta', { exact: true }).fill(text);
  await form.getByRole('button', { name: `Guardar y enviar la respuesta ${number}` }).click();
  await expect(page.getByRole('status')).toHaveText('Respuesta guardada y enviada por correo.');
}

test('staff schedule two hearings, citizens ask (one without JavaScript), staff answer all, the evaluation is answered and the report counts it', async ({ page, browser }) => {
  test.slow();
  // Staff: the schedule and two hearings.
  await signInCommunications(page);
  await page.goto('/staff');
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Rendición de cuentas' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Rendición de cuentas \d{4}$/);
  await expectNoViolations(page);
  const year = (await page.getByRole('heading', { level: 1 }).textContent())!.slice(-4);

  await page.getByText('Nueva actividad del cronograma', { exact: true }).click();
  const activity = page.locator('form[action="/api/admin/accountability/activities"]');
  await activity.getByLabel('Actividad', { exact: true }).fill(`Audiencias de prueba ${run}`);
  await activity.getByLabel('Tipo', { exact: true }).selectOption('hearing');
  await activity.getByLabel('Inicio', { exact: true }).fill(`${year}-01-15`);
  await activity.getByLabel('Fin', { exact: true }).fill(`${year}-12-31`);
  await activity.getByLabel('Área responsable', { exact: true }).fill('Oficina Asesora de Planeación');
  await activity.getByLabel('Canal o medio', { exact: true }).fill('YouTube');
  await activity.getByRole('button', { name: 'Agregar la actividad' }).click();
  await expect(page.getByRole('status')).toHaveText('Actividad guardada.');
  await expect(page.getByRole('heading', { name: `Audiencias de prueba ${run}` })).toBeVisible();

  await createHearing(page, slugs[0], `Audiencia de prueba ${run} uno`, 3);
  await createHearing(page, slugs[1], `Audiencia de prueba ${run} dos`, 5);
  await expectNoViolations(page);

  // Citizens: one with JavaScript, one without (a plain form post), and a repeated question.
  const citizen = await browser.newContext();
  const withJs = await citizen.newPage();
  await withJs.goto(`/rendicion-de-cuentas/audiencias/${slugs[0]}`);
  await expectNoViolations(withJs);
  await askQuestion(withJs, slugs[0], '¿Cuánto presupuesto se ejecutó en los servicios en línea?', `con.js.${run}@example.co`);
  await expectNoViolations(withJs);
  await askQuestion(withJs, slugs[0], '¿Cuánto dinero se gastó en los servicios en línea?', `repetida.${run}@example.co`);
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const withoutJs = await noScript.newPage();
  await askQuestion(withoutJs, slugs[1], '¿Cuándo abren la próxima convocatoria de emprendimiento?', `sin.js.${run}@example.co`);
  await expect(withoutJs.getByText('Su pregunta es la número 1')).toBeVisible();

  // Staff: merge the repeated question, answer the rest (live and in writing).
  await page.goto(`/staff/rendicion-de-cuentas/audiencias/${slugs[0]}`);
  await expectNoViolations(page);
  await page.getByText('Moderar la pregunta 2', { exact: true }).click();
  await page.locator('#q2-merge-into').fill('1');
  await page.getByRole('button', { name: 'Unir la pregunta 2' }).click();
  await expect(page.getByRole('status')).toHaveText('Pregunta moderada.');
  await answer(page, 1, 'live', 'Se ejecutó el 92 % del presupuesto de servicios en línea.');
  await expect(page.getByRole('heading', { name: 'Preguntas por resolver (0)' })).toBeVisible();
  await expectNoViolations(page);
  await page.goto(`/staff/rendicion-de-cuentas/audiencias/${slugs[1]}`);
  await answer(page, 1, 'written', 'La próxima convocatoria abre en febrero; la anunciaremos en el sitio.');
  await page.locator('#asistencia-onlineViewers').fill('250');
  await page.locator('#asistencia-inPersonAttendees').fill('30');
  await page.getByRole('button', { name: 'Guardar la asistencia' }).click();
  await expect(page.getByRole('status')).toHaveText('Asistencia guardada.');

  // The citizen's answer arrives by e-mail, through the outbox, with the evaluation survey.
  await deliverMailTo(`con.js.${run}@example.co`);
  await openMail(page, `Respuesta a su pregunta: Audiencia de prueba ${run} uno`);
  await expect(page.locator('.mail-text')).toContainText('Respuesta: Se ejecutó el 92 % del presupuesto de servicios en línea.');
  await expect(page.locator('.mail-text')).toContainText(`/encuestas/evaluacion-${slugs[0]}`);

  // The public pages show every answer.
  await withJs.goto(`/rendicion-de-cuentas/audiencias/${slugs[0]}`);
  await expect(withJs.getByText('2 de 2 preguntas tienen respuesta.')).toBeVisible();
  await expect(withJs.getByText('Se ejecutó el 92 % del presupuesto de servicios en línea.')).toBeVisible();
  await expect(withJs.getByRole('link', { name: 'minuto 12:30 de la grabación' })).toBeVisible();
  await expect(withJs.getByText('Coincide con otra pregunta')).toBeVisible();
  await expectNoViolations(withJs);
  await withoutJs.goto(`/rendicion-de-cuentas/audiencias/${slugs[1]}`);
  await expect(withoutJs.getByText('La próxima convocatoria abre en febrero; la anunciaremos en el sitio.')).toBeVisible();

  // The evaluation survey, from the hearing page.
  await withJs.getByRole('link', { name: 'Responder la encuesta de evaluación' }).click();
  await expect(withJs).toHaveURL(new RegExp(`/encuestas/evaluacion-${slugs[0]}$`));
  await withJs.locator('[name="answers.claridad"][value="5"]').check();
  await withJs.locator('[name="answers.utilidad"][value="4"]').check();
  await withJs.locator('[name="answers.pregunta_respondida"][value="si"]').check();
  await withJs.locator('[name="answers.medio"][value="en_vivo"]').check();
  await withJs.locator('#consent').check();
  await withJs.getByRole('button', { name: /Enviar respuestas/ }).click();
  await expect(withJs).toHaveURL(new RegExp(`/encuestas/evaluacion-${slugs[0]}/gracias`));

  // The report counts it all, and every public page passes axe.
  await withJs.goto(`/rendicion-de-cuentas/informe/${year}`);
  const row = withJs.getByRole('row', { name: new RegExp(`Audiencia de prueba ${run} uno`) }).first();
  await expect(row).toContainText('2');
  await expect(withJs.locator('table', { hasText: 'Resultados de las encuestas de evaluación' }).getByRole('row', { name: new RegExp(`${run} uno`) })).toContainText('5 de 5');
  await expectNoViolations(withJs);
  await withJs.goto('/rendicion-de-cuentas');
  await expect(withJs.getByRole('link', { name: `Audiencia de prueba ${run} uno` })).toBeVisible();
  await expectNoViolations(withJs);
  await citizen.close();
  await noScript.close();
});

// One test per page, as the accessibility spec does: each axe run gets its own time budget on a busy machine.
for (const path of ['/rendicion-de-cuentas', '/rendicion-de-cuentas/audiencias/audiencia-1', '/rendicion-de-cuentas/audiencias/audiencia-2', '/rendicion-de-cuentas/informe/2026']) {
  test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoViolations(page);
  });
}

test('axe finds no violations on the question form showing its errors', async ({ page }) => {
  await page.goto('/rendicion-de-cuentas/audiencias/audiencia-1');
  await page.getByRole('button', { name: 'Enviar pregunta' }).click();
  await expect(page.getByRole('heading', { name: /Revise \d datos/ })).toBeVisible();
  await expectNoViolations(page);
});

test('phone-sized screens show the accountability pages without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  for (const path of ['/rendicion-de-cuentas', '/rendicion-de-cuentas/audiencias/audiencia-1', '/rendicion-de-cuentas/informe/2026']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
