import { randomUUID } from 'node:crypto';
import { expect, test, type Page, type Request } from '@playwright/test';
import { sql } from './support/tickets.ts';

// Headless Chromium says "HeadlessChrome" and is filtered as a bot: this journey is a person's browser.
const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
test.use({ userAgent: DESKTOP_CHROME });

const isCollect = (r: Request) => new URL(r.url()).pathname === '/api/collect';

function collectRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (isCollect(r)) seen.push(r);
  });
  return seen;
}

test('a visit is counted with the path and campaign only: no cookie, no storage, nothing personal', async ({ page, context, baseURL }) => {
  // A staff cookie on the site: the beacon must not carry it.
  await context.addCookies([{ name: 'participa_staff', value: 'no-debe-viajar', url: baseURL! }]);
  const campaign = `e2e-${randomUUID()}`;
  const [collect] = await Promise.all([
    page.waitForRequest(isCollect),
    page.goto(`/?utm_source=Facebook&utm_medium=social&utm_campaign=${campaign}&nombre=Ana`),
  ]);

  expect(collect.method()).toBe('POST');
  expect(collect.postDataJSON()).toEqual({ path: '/', utm: { source: 'Facebook', medium: 'social', campaign } });
  const headers = await collect.allHeaders();
  expect(headers.cookie).toBeUndefined();
  const response = await collect.response();
  expect(response?.status()).toBe(202);
  expect((await response!.allHeaders())['set-cookie']).toBeUndefined();

  expect((await context.cookies()).map((c) => c.name)).toEqual(['participa_staff']);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);

  const rows = await sql()`select path, referrer_host, utm_source, utm_medium, device, browser, visitor from public.page_views where utm_campaign = ${campaign}`;
  expect(rows).toEqual([{ path: '/', referrer_host: null, utm_source: 'facebook', utm_medium: 'social', device: 'desktop', browser: 'Chrome', visitor: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
});

test('moving inside the site sends the next path with our own origin as referrer, which is not stored as a source', async ({ page }) => {
  const requests = collectRequests(page);
  await page.goto('/');
  await Promise.all([page.waitForRequest((r) => isCollect(r) && r.postDataJSON().path === '/encuestas'), page.getByRole('link', { name: 'Encuestas', exact: true }).first().click()]);
  const body = requests.at(-1)!.postDataJSON();
  expect(Object.keys(body).sort()).toEqual(['path', 'referrer']);
  expect(new URL(body.referrer).pathname).toBe('/');
});

for (const [signal, init] of [
  ['Global Privacy Control', () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })],
  ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
] as const) {
  test(`a browser sending ${signal} is not counted`, async ({ page }) => {
    await page.addInitScript(init);
    // The beacon is added after the first paint; its script element's load event fires once it has run.
    await page.addInitScript(() =>
      document.addEventListener('load', (e) => (e.target as HTMLScriptElement).src?.endsWith('/visitas.js') && document.documentElement.setAttribute('data-beacon-ran', ''), true),
    );
    const requests = collectRequests(page);
    await page.goto('/encuestas');
    await expect(page.locator('html[data-beacon-ran]')).toHaveCount(1);
    expect(requests).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the pages work the same and nothing is sent', async ({ page }) => {
    const requests = collectRequests(page);
    await page.goto('/', { waitUntil: 'load' });
    await page.getByRole('link', { name: 'Encuestas', exact: true }).first().click();
    await expect(page).toHaveURL(/\/encuestas$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(requests).toEqual([]);
  });
});
