import { expectNoViolations } from './support/axe.ts';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { staffToken } from '../support/staff.ts';
import { createSurvey } from '../support/surveys.ts';
import { SCRIPTS_BESIDES_BEACON } from '../support/beacon.ts';



async function signIn(context: BrowserContext, baseURL: string, token: string) {
  await context.clearCookies();
  await context.addCookies([{ name: 'participa_staff', value: token, url: baseURL, httpOnly: true, sameSite: 'Strict' }]);
}

const tomorrowAtTen = () => {
  const bogota = new Date(Date.now() - 5 * 3_600_000 + 86_400_000);
  return `${bogota.toISOString().slice(0, 10)}T10:00`;
};

test('communications imports a call list and an interviewer works it: a survey, a callback and a refusal', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000); // a whole shift in one journey, with an axe scan at every step
  const slug = await createSurvey();
  const campaign = `/staff/telefonico/${slug}`;

  // Communications pastes the list; a bad row is named and nothing is imported until it is fixed.
  await signIn(context, baseURL!, await staffToken('communications', 'comunicaciones-e2e@agencia.gov.co'));
  await page.goto(campaign);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Llamadas: Encuesta de prueba');
  await expectNoViolations(page);
  const header = 'nombre,telefono,servicio,base_consentimiento,fecha_consentimiento';
  const rows = [
    'Ana Rojas,300 111 2233,Boletería,autorizacion_previa,2026-03-15',
    'Beto Díaz,(604) 444 5566,Asesoría,solicitud_del_titular,01/03/2026',
    'Carla Mejía,315 222 3344,Boletería,autorizacion_previa,2026-02-20',
  ];
  await page.getByLabel('Contenido del archivo CSV').fill([header, ...rows.slice(0, 2), 'Carla Mejía,2223344,Boletería,verbal,2026-02-20'].join('\n'));
  await page.getByRole('button', { name: 'Importar contactos' }).click();
  await expect(page.getByText('Fila 4, telefono: al fijo le falta el indicativo')).toBeVisible();
  await expect(page.getByText('Fila 4, base_consentimiento: use una de estas bases')).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel('Contenido del archivo CSV').fill([header, ...rows].join('\n'));
  await page.getByRole('button', { name: 'Importar contactos' }).click();
  await expect(page.getByText('Se importaron 3 contactos.')).toBeVisible();

  // The interviewer takes the first contact and fills the survey on her behalf.
  await signIn(context, baseURL!, await staffToken('interviewer', 'encuestadora-e2e@agencia.gov.co'));
  await page.goto(campaign);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Llamar al siguiente' }).click();
  await expect(page).toHaveURL(/\/staff\/telefonico\/llamada\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Ana Rojas' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Llamar al +57 300 111 2233' })).toHaveAttribute('href', 'tel:+573001112233');
  await expectNoViolations(page);

  await page.getByRole('button', { name: 'Guardar la encuesta y terminar la llamada' }).click();
  await expect(page.getByText('No se guardó la encuesta: revise lo marcado')).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel('Ana Rojas escuchó el aviso y autorizó el tratamiento de sus datos').check();
  await page.locator('input[name="answers.servicio"][value="asesoria"]').check();
  await page.locator('input[name="answers.calificacion"][value="5"]').check();
  await page.locator('input[name="answers.recomendacion"][value="9"]').check();
  await page.getByRole('button', { name: 'Guardar la encuesta y terminar la llamada' }).click();
  await expect(page).toHaveURL(new RegExp(`${campaign}\\?ok=completada$`));
  await expect(page.getByText('Encuesta registrada.')).toBeVisible();

  // Beto asks to be called back tomorrow: without a time the form says so; with one, he leaves the queue.
  await page.getByRole('button', { name: 'Llamar al siguiente' }).click();
  await expect(page.getByRole('heading', { name: 'Beto Díaz' })).toBeVisible();
  await page.getByLabel(/Pidió que lo llamen en otro momento/).check();
  await page.getByRole('button', { name: 'Registrar el resultado' }).click();
  await expect(page.getByText('Indique la fecha y la hora acordadas para volver a llamar.').first()).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel(/Pidió que lo llamen en otro momento/).check();
  await page.getByLabel('Fecha y hora para volver a llamar (hora de Colombia)').fill(tomorrowAtTen());
  await page.getByLabel('Notas (opcional)').fill('Prefiere en la mañana.');
  await page.getByRole('button', { name: 'Registrar el resultado' }).click();
  await expect(page.getByText('el contacto vuelve a la lista a la hora acordada')).toBeVisible();

  // Carla refuses. Then nobody is due: Beto comes back tomorrow.
  await page.getByRole('button', { name: 'Llamar al siguiente' }).click();
  await expect(page.getByRole('heading', { name: 'Carla Mejía' })).toBeVisible();
  await page.getByLabel(/No quiso responder/).check();
  await page.getByRole('button', { name: 'Registrar el resultado' }).click();
  await expect(page.getByText('la persona no quiso responder')).toBeVisible();
  await page.getByRole('button', { name: 'Llamar al siguiente' }).click();
  await expect(page.getByText('No hay más contactos por llamar en este momento.')).toBeVisible();
  await expectNoViolations(page);

  // The public report shows the result, printable and as CSV, with no personal data.
  await context.clearCookies();
  await page.goto(`/informes/telefonico/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Informe de la encuesta telefónica');
  await expect(page.locator('.figures')).toContainText('100,0 %'); // contact rate: 3 of 3 answered
  await expect(page.locator('.figures')).toContainText('33,3 %'); // completion: 1 of 3
  await expect(page.getByRole('link', { name: 'Descargar las cifras en CSV' })).toHaveAttribute('href', `/informes/telefonico/${slug}.csv`);
  await expect(page.locator('body')).not.toContainText('Ana Rojas');
  await expectNoViolations(page);
  expect(await page.locator(SCRIPTS_BESIDES_BEACON).count()).toBe(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.report-actions').first()).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Resultados por servicio' })).toBeVisible();
});

test('the staff telephone pages are usable on a phone-sized screen without horizontal scrolling', async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  const slug = await createSurvey();
  await signIn(context, baseURL!, await staffToken('admin', 'admin-e2e@agencia.gov.co'));
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/staff/telefonico', `/staff/telefonico/${slug}`, `/informes/telefonico/${slug}`, '/informes/telefonico']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectNoViolations(page);
  }
});
