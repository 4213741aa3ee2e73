import { expectNoViolations } from './support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { staffToken } from '../support/staff.ts';



type Added = { type: string; id: string; label: string; section: string; required?: boolean; options?: string; condition?: [string, string] };

async function addQuestion(page: Page, q: Added) {
  const form = page.locator('#nueva-pregunta-form');
  await form.getByLabel('Tipo de pregunta').selectOption(q.type);
  await form.getByLabel('Clave', { exact: true }).fill(q.id);
  await form.getByLabel('Enunciado').fill(q.label);
  await form.getByLabel(/^Sección/).fill(q.section);
  await form.getByLabel('Obligatoria').setChecked(q.required ?? true);
  if (q.options) await form.getByLabel(/^Opciones/).fill(q.options);
  if (q.condition) {
    await form.getByLabel('…en la pregunta').selectOption({ label: q.condition[0] });
    await form.getByLabel(/…se respondió/).fill(q.condition[1]);
  }
  await form.getByRole('button', { name: 'Añadir la pregunta' }).click();
  await expect(page).toHaveURL(/\?ok=agregada#pregunta-/);
  await expect(page.locator(`[data-question="${q.id}"] h3`)).toContainText(q.label);
}

test('communications builds a survey with a conditional question, opens it, and citizens answer it with and without JavaScript', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const slug = `prueba-e2e-${Date.now().toString(36)}`;

  // Staff: signed in by the session cookie the sign-in link would set. (The builder ships no script;
  // axe itself needs JavaScript, so accessibility is checked in contexts that have it.)
  const staff = await browser.newContext();
  await staff.addCookies([{ name: 'participa_staff', value: await staffToken('communications', 'comunicaciones@agencia.gov.co'), url: baseURL! }]);
  const page = await staff.newPage();
  await page.goto('/staff');
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Encuestas' }).click();
  await expect(page).toHaveURL(/\/staff\/encuestas$/);
  await expectNoViolations(page);

  const create = page.getByRole('region', { name: 'Nueva encuesta' });
  await create.getByLabel('Título').fill('Atención en la línea telefónica');
  await create.getByLabel('Dirección (slug)').fill(slug);
  await create.getByLabel('Actividad del plan').selectOption('1.2');
  await create.getByRole('button', { name: 'Crear encuesta' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/encuestas/${slug}\\?ok=creada`));
  await expect(page.getByRole('status')).toContainText('Encuesta creada como borrador');

  await addQuestion(page, { type: 'single_choice', id: 'uso', label: '¿Usó la línea de atención este año?', section: 'Su experiencia', options: 'si | Sí\nno | No' });
  await addQuestion(page, {
    type: 'long_text', id: 'mejoras', label: '¿Qué deberíamos mejorar de la línea?', section: 'Su experiencia',
    condition: ['¿Usó la línea de atención este año? (uso)', 'si'],
  });
  await addQuestion(page, { type: 'scale_5', id: 'satisfaccion', label: '¿Qué tan satisfecho está con la agencia?', section: 'Su opinión' });
  await expect(page.locator('[data-question="mejoras"]')).toContainText('Se muestra solo si en «¿Usó la línea de atención este año?» se respondió «Sí».');

  // A wrong edit is refused beside its field, and nothing is saved.
  await page.locator('[data-question="satisfaccion"] summary').click();
  const edit = page.locator('#p-satisfaccion-form');
  await edit.getByLabel('…en la pregunta').selectOption({ label: '¿Usó la línea de atención este año? (uso)' });
  await edit.getByLabel(/…se respondió/).fill('tal vez');
  await edit.getByRole('button', { name: /Guardar la pregunta/ }).click();
  await expect(page.getByRole('alert')).toContainText('no es una respuesta posible');
  await expect(page.locator('#p-satisfaccion-form')).toBeVisible();
  await expectNoViolations(page);

  await page.goto(`/staff/encuestas/${slug}/vista-previa`);
  await expect(page.getByText('Responda solo si en «¿Usó la línea de atención este año?» respondió «Sí».')).toBeVisible();
  await expectNoViolations(page);

  await page.goto(`/staff/encuestas/${slug}`);
  await page.getByRole('button', { name: 'Abrir la encuesta' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/encuestas/${slug}\\?ok=estado`));
  await expect(page.locator('#publicacion ~ p').first()).toContainText('Recibe respuestas');
  await expectNoViolations(page);

  // A citizen with JavaScript: said «Sí», so answers the conditional question.
  const withJs = await browser.newContext();
  const citizen = await withJs.newPage();
  await citizen.goto(`/encuestas/${slug}`);
  await expect(citizen.getByText('Responda solo si en «¿Usó la línea de atención este año?» respondió «Sí».')).toBeVisible();
  await expectNoViolations(citizen);
  await citizen.getByRole('button', { name: 'Siguiente' }).click();
  await expect(citizen.locator('.error-summary').getByRole('link')).toHaveText([/¿Usó la línea de atención este año\? — Esta pregunta es obligatoria\./]);
  await expectNoViolations(citizen);
  await citizen.getByLabel('Sí', { exact: true }).check();
  await citizen.getByLabel(/¿Qué deberíamos mejorar de la línea\?/).fill('Que contesten más rápido.');
  await citizen.getByRole('button', { name: 'Siguiente' }).click();
  await expect(citizen.getByRole('heading', { name: 'Parte 2 de 2: Su opinión' })).toBeVisible();
  await citizen.getByLabel('4 — Bueno').check();
  await citizen.locator('#consent').check();
  await citizen.getByRole('button', { name: 'Enviar respuestas' }).click();
  await expect(citizen).toHaveURL(new RegExp(`/encuestas/${slug}/gracias$`));

  // A citizen without JavaScript: said «No» but wrote in the conditional question anyway.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const other = await noJs.newPage();
  await other.goto(`/encuestas/${slug}`);
  await other.getByLabel('No', { exact: true }).check();
  await other.getByLabel(/¿Qué deberíamos mejorar de la línea\?/).fill('Nada');
  await other.getByRole('button', { name: 'Siguiente' }).click();
  const summary = other.locator('.error-summary');
  await expect(summary.getByRole('link', { name: /no aplica según sus respuestas anteriores/ })).toHaveAttribute('href', '#q-mejoras');
  await other.getByLabel(/¿Qué deberíamos mejorar de la línea\?/).fill('');
  await other.getByRole('button', { name: 'Siguiente' }).click();
  await other.getByRole('button', { name: 'Enviar respuestas' }).click();
  await expect(other.locator('.error-summary')).toContainText('Esta pregunta es obligatoria.');
  await other.getByLabel('2 — Malo').check();
  await other.locator('#consent').check();
  await other.getByRole('button', { name: 'Enviar respuestas' }).click();
  await expect(other).toHaveURL(new RegExp(`/encuestas/${slug}/gracias$`));

  // Back in the builder: two answers, and the structure is locked.
  await page.goto('/staff/encuestas');
  await expect(page.locator(`[data-survey="${slug}"]`)).toContainText('2 (estructura bloqueada)');
  await page.goto(`/staff/encuestas/${slug}`);
  await expect(page.getByText('Esta encuesta ya tiene respuestas.')).toBeVisible();
  await expect(page.locator('[data-question="uso"]').getByRole('link', { name: /Eliminar/ })).toHaveCount(0);

  await Promise.all([staff.close(), withJs.close(), noJs.close()]);
});
