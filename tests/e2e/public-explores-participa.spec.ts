import { expect, test } from '@playwright/test';
import { signInCommunications } from './support/mailbox.ts';
import { expectNoViolations, sql } from './support/tickets.ts';
import { isBeacon, SCRIPTS_BESIDES_BEACON } from '../support/beacon.ts';

const PUBLIC_PAGES = [
  '/participa',
  '/participa/diagnostico',
  '/participa/planeacion',
  '/participa/consulta-ciudadana',
  '/participa/colaboracion-e-innovacion',
  '/participa/rendicion-de-cuentas',
  '/participa/control-social',
  '/participa/convocatorias',
  '/participa/convocatorias/responda-la-encuesta-de-oferta',
  '/participa/calendario',
  '/participa/procedimiento',
  '/participa/estrategia',
  '/participa/estrategia-rendicion-de-cuentas',
  '/participa/plan',
  '/participa/capacitaciones',
  '/participa/suscribirse',
  '/participa/suscripcion/confirmar?token=0',
  '/participa/suscripcion/cancelar?token=0',
  '/resultados',
  '/mapa-del-sitio',
  '/accesibilidad',
  '/terminos-de-uso',
  '/derechos-de-autor',
];

for (const path of PUBLIC_PAGES) {
  test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoViolations(page);
  });
}

test('the Participa pages ship no JavaScript', async ({ page }) => {
  test.setTimeout(60_000);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && !isBeacon(r.url())) scripts.push(r.url());
  });
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    expect(await page.locator(SCRIPTS_BESIDES_BEACON).count(), path).toBe(0);
  }
  expect(scripts).toEqual([]);
});

test('phone-sized screens show the Participa pages, with the GOV.CO bar and the footer, without horizontal scrolling', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 740 });
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: /Portal único del Estado colombiano GOV\.CO/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

for (const path of ['/staff/comunicaciones', '/staff/comunicaciones/incidencia', '/staff/comunicaciones/capacitaciones']) {
  test(`axe finds no violations on the staff page ${path}`, async ({ page }) => {
    await signInCommunications(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
}

test('from the home page to the Menú Participa: six sections, each listing the activities the plan maps to it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Participa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Participa' })).toBeVisible();
  const sections = await sql()`
    select s.code, s.title, array_agg(m.activity_code order by m.activity_code) as codes
    from public.participa_sections s join public.participa_section_activities m on m.section_code = s.code and m.plan_year = private.plan_year_in_force()
    group by s.code, s.title order by s.code`;
  expect(sections).toHaveLength(6);
  for (const section of sections) {
    await page.goto('/participa');
    await page.getByRole('main').getByRole('link', { name: section.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();
    const listed = await page.locator('[data-activity]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-activity')).sort());
    expect(listed, section.title).toEqual(section.codes);
  }
});

test('an incidence entry links to the survey\'s real published results', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Resultados' }).click();
  const entry = page.locator('#incidencia-survey-oferta-de-servicios');
  await expect(entry.getByRole('heading', { name: 'Encuesta sobre la oferta de servicios' })).toBeVisible();
  await expect(entry.getByText('Ustedes dijeron')).toBeVisible();
  await expect(entry.getByText('Servicio de reservas publicado en /servicios/asesorias.')).toBeVisible();
  await entry.getByRole('link', { name: /ver los resultados/ }).click();
  await expect(page).toHaveURL(/\/resultados\/oferta-de-servicios$/);
  const [survey] = await sql()`select title from public.surveys where slug = 'oferta-de-servicios'`;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(survey.title);
});
