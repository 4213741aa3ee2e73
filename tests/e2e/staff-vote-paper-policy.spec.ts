import { expect, test, type Browser } from '@playwright/test';
import { postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { tabTo } from './support/keyboard.ts';
import { signInAs, uniqueStaffEmail } from './support/paper-diagnosis.ts';
import { expectNoViolations } from './support/axe.ts';
import { sql } from './support/tickets.ts';

/** One staff member on their own phone: a team, then a proposal, by keyboard. */
async function staffMember(browser: Browser, baseURL: string, area: string, proposal: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(context, baseURL, 'advisor', uniqueStaffEmail('politica-e2e'));
  await page.goto('/staff/papel');
  await tabTo(page, '#papel-area');
  await page.keyboard.type(area);
  await tabTo(page, 'form[action="/api/admin/paper/team"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Equipo guardado.');

  await tabTo(page, 'a[href="/staff/papel/politica"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Política de uso eficiente del papel' })).toBeVisible();
  await tabTo(page, '#medida-titulo');
  await page.keyboard.type(proposal);
  await tabTo(page, 'form[action="/api/admin/paper/measures"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Medida propuesta: ya se puede votar.');
  await expectNoViolations(page);
  return { page, context };
}

async function support(page: import('@playwright/test').Page, title: string) {
  const id = await page.locator('li.card').filter({ hasText: title }).getAttribute('data-measure');
  await tabTo(page, `form[action="/api/admin/paper/measures/${id}/vote"] button`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Voto registrado.');
  await expect(page.locator('li.card').filter({ hasText: title }).getByText('Usted apoyó esta medida.')).toBeVisible();
}

test('two staff members propose and vote; once the vote closes the policy page publishes the winning measure', async ({ browser, baseURL, page: visitor }) => {
  let page = visitor;
  test.setTimeout(120_000);
  // An admin opens this run's vote (an earlier one still open is closed first: one vote at a time).
  await sql()`update public.paper_policy_rounds set closes_at = now() where closes_at > now()`;
  const title = `Política de papel e2e ${Date.now().toString(36)}`;
  const opened = await postJson('/api/admin/paper/policy', { title, closesAt: new Date(Date.now() + 3_600_000).toISOString() }, { headers: await bearer('admin') });
  expect(opened.status, opened.text).toBe(201);

  const suffix = Date.now().toString(36);
  const both = `Escanear en lugar de fotocopiar ${suffix}`;
  const one = `Bandeja de reciclaje en cada piso ${suffix}`;
  const ana = await staffMember(browser, baseURL!, 'Jurídica', both);
  const beto = await staffMember(browser, baseURL!, 'Planeación', one);

  // Ana supports both measures, Beto only the first: 2 of 2 and 1 of 2.
  await ana.page.reload();
  await support(ana.page, both);
  await support(ana.page, one);
  await support(beto.page, both);
  await expectNoViolations(beto.page);

  // Before the closing date the public page only announces the vote.
  await page.goto('/informes/politica-papel');
  await expect(page.getByText(`El personal está votando «${title}»`)).toBeVisible();

  // The closing date passes. A new visitor reads the result (the page may be cached for a minute).
  await sql()`update public.paper_policy_rounds set closes_at = now() where id = ${opened.body.id}`;
  const reader = await browser.newContext({ baseURL });
  page = await reader.newPage();
  await page.goto('/informes/politica-papel');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const adopted = page.locator('ol.paper-policy > li');
  await expect(adopted).toHaveCount(1);
  await expect(adopted).toContainText(`${both} (2 de 2 apoyos)`);
  await expect(page.getByText(`${one}: 1 apoyo`)).toBeVisible();
  await expect(page.locator('.figures li').filter({ hasText: 'personas votaron' })).toContainText('2');
  await expectNoViolations(page);

  // The staff page now says the vote closed, with no buttons left.
  await ana.page.reload();
  await expect(ana.page.getByText(/La votación cerró el/)).toBeVisible();
  await expect(ana.page.getByRole('button', { name: /^Apoyar/ })).toHaveCount(0);
  for (const context of [ana.context, beto.context, reader]) await context.close();
});
