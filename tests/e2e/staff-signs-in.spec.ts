import { expectNoViolations } from './support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { lastCodeFor, mailboxFor } from '../support/staff.ts';
import { tabTo } from './support/keyboard.ts';



// Seeded demo staff (supabase/seed.sql, local roster); no other test asks codes for them.
const ADVISOR = 'asesoria@agencia.gov.co';
const BOX_OFFICE = 'taquilla@agencia.gov.co';

test('a staff member signs in with a code using only the keyboard, then signs out', async ({ page }) => {
  await page.goto('/staff');
  await tabTo(page, 'a[href="/staff/entrar"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/entrar$/);
  await expectNoViolations(page);

  await tabTo(page, '#correo');
  await page.keyboard.type(ADVISOR);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/entrar\/codigo\?correo=/);
  await expect(page.getByRole('status')).toContainText('le enviamos un código de 6 dígitos');
  // The code box takes the focus: the next thing to do is type the code.
  await expect(page.locator('#codigo')).toBeFocused();
  await expectNoViolations(page);

  const code = await lastCodeFor(ADVISOR);
  await page.keyboard.type(code === '000000' ? '111111' : '000000');
  await page.keyboard.press('Enter');
  await expect(page.locator('#codigo-error')).toHaveText(/El código no es correcto/);
  await expect(page.locator('#codigo')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);

  await tabTo(page, '#codigo');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByText(`Sesión de ${ADVISOR}`)).toBeVisible();
  await expectNoViolations(page);

  await tabTo(page, 'form[action="/api/staff/session/end"] button');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/entrar\?sesion=cerrada$/);
  await expect(page.getByRole('status')).toHaveText(/Cerró la sesión/);
  await expectNoViolations(page);
  expect(await page.context().cookies()).toEqual([]);
  const staff = await page.goto('/staff');
  expect(staff?.status()).toBe(401);
});

test('the link in the e-mail signs in without JavaScript, after pressing «Entrar»', async ({ page, browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto('/staff/entrar');
  await noJs.getByLabel('Correo de la entidad').fill(BOX_OFFICE);
  await noJs.getByRole('button', { name: 'Enviarme un código' }).click();
  await expect(noJs).toHaveURL(/\/staff\/entrar\/codigo\?correo=/);
  const link = new URL((await mailboxFor(BOX_OFFICE)).at(-1)!.link);

  // Opening the link spends nothing (a mail scanner may open it first): the person confirms.
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirme su acceso');
  await expect(page.locator('#codigo')).toHaveValue(/^\d{6}$/);
  await expectNoViolations(page);

  await noJs.goto(link.pathname + link.search);
  await noJs.getByRole('button', { name: 'Entrar' }).click();
  await expect(noJs).toHaveURL(/\/staff$/);
  await expect(noJs.getByText(`Sesión de ${BOX_OFFICE}`)).toBeVisible();
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'participa_staff', httpOnly: true, sameSite: 'Strict' });
  await context.close();
});

test('asking for a code with a malformed address shows the error beside the field', async ({ page }) => {
  await page.goto('/staff/entrar');
  await page.getByLabel('Correo de la entidad').fill('asesoria-sin-arroba');
  await page.getByRole('button', { name: 'Enviarme un código' }).click();
  await expect(page.locator('#correo-error')).toHaveText(/Escriba su correo completo/);
  await expect(page.getByLabel('Correo de la entidad')).toHaveValue('asesoria-sin-arroba');
  await expectNoViolations(page);
});
