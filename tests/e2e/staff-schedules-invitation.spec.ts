import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { signInCommunications } from './support/mailbox.ts';
import { expectNoViolations } from './support/axe.ts';

/** A time as the staff form's `datetime-local` box takes it, in Colombian time (UTC−5), to the second. */
const bogotaInput = (at: Date) => new Date(at.getTime() - 5 * 3_600_000).toISOString().slice(0, 19);

test('staff schedule an invitation; it appears at its time by itself, in the feeds, with working share links', async ({ page, request }) => {
  test.setTimeout(90_000);
  const slug = `e2e-convocatoria-${Date.now().toString(36)}`;
  const title = `Taller abierto ${slug}`;
  const publishAt = new Date(Date.now() + 15_000);

  await signInCommunications(page);
  await page.goto('/staff/comunicaciones');
  await expect(page.getByRole('heading', { level: 1, name: 'Convocatorias' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel('Dirección').fill(slug);
  await page.getByLabel('Título').fill(title);
  await page.getByLabel('Texto', { exact: true }).fill('Lo invitamos al taller sobre cómo participar en la rendición de cuentas.');
  await page.getByLabel('Invita a').selectOption('training');
  await page.getByLabel('Texto del botón').fill('Inscribirse al taller');
  await page.getByLabel('Enlace del botón').fill('/servicios/boleteria/taller-rendicion-de-cuentas');
  await page.getByLabel(/Actividad del plan/).selectOption('5.1');
  await page.getByLabel('Fecha del ejercicio').fill('2026-12-15T10:00');
  await page.getByLabel('Publicar desde').fill(bogotaInput(publishAt));
  await page.getByRole('button', { name: 'Programar convocatoria' }).click();

  await expect(page.getByRole('status')).toContainText('Convocatoria guardada');
  const item = page.locator(`[data-invitation="${slug}"]`);
  await expect(item).toContainText('Programada');

  // Not yet: the public page, the list and the feed do not have it before its time.
  expect((await request.get(`/participa/convocatorias/${slug}`)).status()).toBe(404);
  expect(await (await request.get('/participa/convocatorias/rss.xml')).text()).not.toContain(slug);

  // Nobody touches anything: at its time it is simply there.
  await expect
    .poll(async () => (await request.get(`/participa/convocatorias/${slug}`)).status(), { timeout: 45_000, intervals: [1_000] })
    .toBe(200);
  await page.goto('/participa/convocatorias');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoViolations(page);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
  // Without a picture of its own the invitation still shares a large card: the PNG drawn with its title.
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/compartir/convocatoria/${slug}\\.png$`));

  // One share link per network; the address each one shares opens this invitation, tagged for that network.
  const shares = page.getByRole('region', { name: 'Compartir esta invitación' }).or(page.locator('section[aria-labelledby="compartir"]'));
  for (const network of ['facebook', 'x', 'whatsapp', 'linkedin', 'telegram', 'email']) {
    const href = (await shares.locator(`a[data-network="${network}"]`).getAttribute('href'))!;
    const shared = decodeURIComponent(href).match(/https?:\/\/[^\s?&=]+\/participa\/convocatorias\/[a-z0-9-]+\?utm_source=[a-z]+&utm_medium=[a-z]+&utm_campaign=[a-z0-9-]+/)![0];
    const url = new URL(shared);
    expect(url.pathname).toBe(`/participa/convocatorias/${slug}`);
    expect(url.searchParams.get('utm_source')).toBe(network);
    expect(url.searchParams.get('utm_campaign')).toBe(slug);
    const opened = await request.get(`${url.pathname}${url.search}`);
    expect(opened.status(), network).toBe(200);
  }

  // The RSS and Atom feeds parse as XML (the browser's own parser) and hold it.
  for (const [feed, selector] of [['rss.xml', 'item > title'], ['atom.xml', 'entry > title']]) {
    const xml = await (await request.get(`/participa/convocatorias/${feed}`)).text();
    const titles = await page.evaluate(
      ([text, sel]) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error('not well-formed XML');
        return [...doc.querySelectorAll(sel)].map((t) => t.textContent);
      },
      [xml, selector],
    );
    expect(titles, feed).toContain(title);
  }

  // It has a date, so the iCal feed holds it too (parsed by an RFC 5545 parser).
  const ics = await (await request.get('/participa/calendario.ics')).text();
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const event = events.find((e) => e.uid === `convocatoria-${slug}@participa`);
  expect(event?.summary).toBe(title);
  expect(event?.startDate.toJSDate().toISOString()).toBe('2026-12-15T15:00:00.000Z');

  // Withdrawn from the staff list, it leaves the public pages at once.
  await page.goto('/staff/comunicaciones');
  await page.locator(`[data-invitation="${slug}"]`).getByRole('button', { name: /Retirar/ }).click();
  await expect(page.getByRole('status')).toContainText('Cambios guardados');
  await expect(page.locator(`[data-invitation="${slug}"]`)).toContainText('Retirada');
  expect((await request.get(`/participa/convocatorias/${slug}`)).status()).toBe(404);
});
