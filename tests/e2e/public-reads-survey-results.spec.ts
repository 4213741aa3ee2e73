import { expectNoViolations } from './support/axe.ts';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { staffToken } from '../support/staff.ts';
import { isBeacon } from '../support/beacon.ts';

const SLUG = 'oferta-de-servicios';


type Question = {
  id: string;
  type: string;
  options: { value: string }[];
  items?: { key: string }[];
  min?: number | null;
  condition?: { question: string; anyOf: string[] } | null;
};

/** An answer to every question shown (conditions followed), varied by n so the charts have several bars. */
function answersFor(questions: Question[], n: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.condition && ![answers[q.condition.question]].flat().some((v) => q.condition!.anyOf.includes(String(v)))) continue;
    const values = q.options.map((o) => o.value).filter((v) => v !== 'otro');
    const pick = values[n % Math.max(values.length, 1)];
    const answer = {
      single_choice: pick,
      multiple_choice: values.slice(0, Math.max(q.min ?? 1, 1 + (n % 2))),
      scale_5: 1 + (n % 5),
      nps: (n * 3) % 11,
      matrix: Object.fromEntries((q.items ?? []).map((item, i) => [item.key, values[(n + i) % values.length]])),
      number: (q.min ?? 18) + n,
      date: `2026-1${n % 2}-0${1 + n}`,
      short_text: 'Más horarios en la tarde',
      long_text: 'Que la información esté en un solo lugar',
    }[q.type];
    if (answer !== undefined) answers[q.id] = answer;
  }
  return answers;
}

async function arrange(request: APIRequestContext) {
  const definition = await (await request.get(`/api/surveys/${SLUG}`)).json();
  const sources = ['facebook', 'instagram', null, null];
  for (const [n, source] of sources.entries()) {
    const body = { answers: answersFor(definition.questions, n), consent: true, ...(source ? { channel: 'social', source } : {}) };
    const reply = await request.post(`/api/surveys/${SLUG}/responses`, {
      data: body,
      headers: { 'x-nf-client-connection-ip': `10.77.${n}.${Math.floor(Math.random() * 250)}` },
    });
    expect(reply.status(), await reply.text()).toBe(201);
  }
  const published = await request.post(`/api/admin/surveys/${SLUG}/results/publish`, {
    data: { published: true },
    headers: { Authorization: `Bearer ${await staffToken('communications', 'comunicaciones@agencia.gov.co')}` },
  });
  expect(published.status()).toBe(200);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await arrange(request);
});

test('a citizen finds the published results in the index, with their plan activity', async ({ page }) => {
  await page.goto('/resultados');
  const card = page.getByRole('article', { name: 'Encuesta sobre la oferta de servicios', exact: true });
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: /Actividad 1\.1 del plan/ })).toBeVisible();
  await expectNoViolations(page);
});

test('a citizen reads each question as a chart and as a table with the same numbers', async ({ page, request }) => {
  const definition = await (await request.get(`/api/surveys/${SLUG}`)).json();
  const label: string = definition.questions.find((q: Question & { label: string }) => q.type === 'single_choice').label;
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && !isBeacon(r.url())) scripts.push(r.url());
  });
  await page.goto(`/resultados/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Encuesta sobre la oferta de servicios');
  const chart = page.getByRole('img', { name: `Gráfico de barras: ${label} Los mismos datos están en la tabla siguiente.` });
  await expect(chart).toBeVisible();
  const table = page.getByRole('table', { name: label, exact: true });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Porcentaje' })).toBeVisible();
  await expect(page.getByText('Índice de recomendación (NPS)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alcance por red social' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Respuestas anonimizadas (CSV)' })).toBeVisible();
  await expectNoViolations(page);
  expect(scripts).toEqual([]);
});

test('a communications officer sees the moderation list, share links and follower form without violations', async ({ page }) => {
  const token = await staffToken('communications', 'comunicaciones@agencia.gov.co');
  await page.goto(`/staff/entrar?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.goto(`/staff/resultados/${SLUG}`);
  await expect(page.getByLabel('Enlace para Facebook')).toHaveValue(new RegExp(`/encuestas/${SLUG}\\?utm_source=facebook&utm_medium=social&utm_campaign=${SLUG}$`));
  await expect(page.getByRole('button', { name: 'Retirar los resultados' })).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/staff/resultados');
  await expect(page.getByRole('button', { name: 'Registrar seguidores' })).toBeVisible();
  await expectNoViolations(page);
});
