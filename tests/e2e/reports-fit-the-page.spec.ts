import { expectNoViolations } from './support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { staffToken } from '../support/staff.ts';


// The seed's published surveys (1.1, 1.2, 2.2) with a few hundred answers each: tables at their real width.
const PUBLIC_PAGES = [
  '/informes/telefonico',
  '/informes/telefonico/satisfaccion-telefonica',
  '/resultados',
  '/resultados/oferta-de-servicios',
  '/resultados/satisfaccion-telefonica',
  '/resultados/percepcion-redes',
];
const STAFF_PAGES = [
  '/staff/resultados',
  '/staff/resultados/oferta-de-servicios',
  '/staff/resultados/percepcion-redes',
  '/staff/telefonico',
  '/staff/telefonico/satisfaccion-telefonica',
];
const WIDTHS = [320, 1280];

/** Tables that neither fit the page nor sit in a focusable, labelled region that scrolls them. */
function tablesThatOverflow(page: Page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const within = (box: DOMRect) => box.left >= -0.5 && box.right <= viewport + 0.5;
    const nameOf = (el: Element) =>
      (el.getAttribute('aria-label') ??
        (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')).trim();
    const problems: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      const caption = table.caption?.textContent?.trim() ?? '(tabla sin título)';
      const region = table.parentElement?.closest('[role="region"]') ?? null;
      const clipped = region !== null && table.getBoundingClientRect().width > region.clientWidth + 0.5;
      if (within(table.getBoundingClientRect()) && !clipped) continue;
      if (!region) {
        problems.push(`${caption}: wider than the page and not in a scroll region`);
        continue;
      }
      const overflow = getComputedStyle(region).overflowX;
      if (!within(region.getBoundingClientRect())) problems.push(`${caption}: its region is wider than the page`);
      if (overflow !== 'auto' && overflow !== 'scroll') problems.push(`${caption}: its region does not scroll (overflow-x: ${overflow})`);
      if ((region as HTMLElement).tabIndex !== 0) problems.push(`${caption}: its region is not keyboard-focusable`);
      if (!nameOf(region)) problems.push(`${caption}: its region has no name`);
    }
    return problems;
  });
}

async function expectToFit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  expect(await tablesThatOverflow(page), path).toEqual([]);
  await expectNoViolations(page);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const path of PUBLIC_PAGES) {
      test(`${path}: no table overflows the page, and axe finds no violations`, async ({ page }) => {
        test.setTimeout(60_000); // the results pages carry a few dozen tables and charts
        await expectToFit(page, path);
      });
    }

    test('staff results and call-list pages: no table overflows the page, and axe finds no violations', async ({ page, context, baseURL }) => {
      test.setTimeout(120_000);
      const token = await staffToken('admin', 'admin-tablas@agencia.gov.co');
      await context.addCookies([{ name: 'participa_staff', value: token, url: baseURL!, httpOnly: true, sameSite: 'Strict' }]);
      for (const path of STAFF_PAGES) await expectToFit(page, path);
    });
  });
}

test('the telephone report splits its per-service figures into two tables that fit a 1,280 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/informes/telefonico/satisfaccion-telefonica');
  for (const name of ['Llamadas', 'Satisfacción y recomendación']) {
    const region = page.getByRole('region', { name, exact: true });
    await expect(region.getByRole('table')).toBeVisible();
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth), name).toBe(true);
  }
  const margin = await page.getByRole('columnheader', { name: 'Margen de error del NPS (95 %)' }).boundingBox();
  expect(margin!.x + margin!.width).toBeLessThanOrEqual(1280);
});

test('a keyboard user reaches a table wider than a phone and scrolls it', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto('/informes/telefonico/satisfaccion-telefonica');
  const region = page.getByRole('region', { name: 'Llamadas', exact: true });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
