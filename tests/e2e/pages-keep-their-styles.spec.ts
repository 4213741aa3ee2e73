import { expect, test } from '@playwright/test';
import { staffToken } from '../support/staff.ts';

// Pages carry their CSS inline and their CSP admits it by hash: a page whose styles the browser refused would
// still "work", unstyled, and no other test would notice.
const PAGES = [
  '/', // on demand
  '/encuestas/oferta-de-servicios', // on demand, a form
  '/accesibilidad', // prerendered: <meta> policy beside netlify.toml's header
  '/participa/procedimiento', // prerendered
  '/staff', // staff
];

test('every kind of page is styled, with no Content Security Policy violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(`/staff/entrar?token=${encodeURIComponent(await staffToken('admin'))}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
  for (const path of PAGES) {
    await page.goto(path);
    // The skip link is moved off screen by the site's CSS; unstyled, it would sit in the page at its place.
    const skip = page.locator('.skip-link');
    const box = await skip.boundingBox();
    expect(box === null || box.y + box.height <= 0 || box.x + box.width <= 0, `skip link hidden by CSS on ${path}`).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).margin), `body styled on ${path}`).toBe('0px');
  }
  expect(violations).toEqual([]);
});
