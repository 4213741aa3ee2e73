import { expect, test } from '@playwright/test';
import { FIXTURE_VERDICTS } from '../diagnosis/fixture.ts';
import { VERDICTS } from '../../src/lib/diagnosis/schemas.ts';
import { tabTo } from './support/keyboard.ts';
import { chooseRadio, signInAs } from './support/paper-diagnosis.ts';
import { expectNoViolations } from './support/axe.ts';

// The hand-computed scores of the fixture (tests/diagnosis/fixture.ts), as the page writes them, and the
// seeded 2025 assessment beside them (50,0 in planning, accountability and digital, 100,0 in data, 57,7 overall).
const EXPECTED = [
  ['planeacion', '50,0 de 100', 'Intermedio', '50,0 de 100 · Intermedio', 'sin cambio'],
  ['rendicion', '87,5 de 100', 'Avanzado', '50,0 de 100 · Intermedio', '+37,5'],
  ['digital', '16,7 de 100', 'Inicial', '50,0 de 100 · Intermedio', '−33,3'],
  ['datos', '83,3 de 100', 'Avanzado', '100,0 de 100 · Avanzado', '−16,7'],
  ['general', '61,5 de 100', 'Intermedio', '57,7 de 100 · Intermedio', '+3,8'],
] as const;

test('an admin completes the 2026 diagnosis by keyboard; the scores match the hand-computed fixture and it is published', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(context, baseURL!, 'admin', 'admin-diagnostico-e2e@agencia.gov.co');
  await page.goto('/staff');
  await tabTo(page, 'a[href="/staff/diagnostico"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Autodiagnóstico de participación' })).toBeVisible();
  await expectNoViolations(page);

  // Start 2026 (the year field comes filled with the current year).
  await tabTo(page, '#anio');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Autodiagnóstico iniciado.');
  await tabTo(page, 'a[href="/staff/diagnostico/2026"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Autodiagnóstico 2026' })).toBeVisible();
  await expectNoViolations(page);

  // Publishing before every requirement is assessed is refused, saying how many are left.
  await tabTo(page, 'form[action="/api/admin/diagnosis/2026/publish"] button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Faltan 14 requisitos por evaluar');

  // Every verdict of the fixture, and a proposed action where it does not comply.
  for (const [code, verdict] of Object.entries(FIXTURE_VERDICTS)) {
    await chooseRadio(page, `answers.${code}.verdict`, VERDICTS.indexOf(verdict));
    if (verdict === 'does_not') {
      await tabTo(page, `#${code.toLowerCase()}-accion`);
      await page.keyboard.type(`Plan para cumplir ${code} en 2027.`);
    }
  }
  // A link typed without its protocol is refused beside its box; nothing typed is lost.
  await tabTo(page, '#part-01-evidencias');
  await page.keyboard.type('www.agencia.gov.co/plan');
  await tabTo(page, 'form.diagnosis-form button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(/^Error: Autodiagnóstico 2026/);
  const summary = page.locator('.form-errors');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(/^PART-01, enlaces de evidencia: Cada enlace debe empezar por https:\/\//);
  await expect(page.locator('input[name="answers.RC-03.verdict"][value="complies"]')).toBeChecked();
  await expect(page.locator('#part-03-accion')).toHaveValue('Plan para cumplir PART-03 en 2027.');
  await expectNoViolations(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#part-01-evidencias')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('/#actividad-1-1');
  await tabTo(page, 'form.diagnosis-form button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Valoraciones guardadas.');

  for (const [dimension, score, level, before, change] of EXPECTED) {
    const cells = page.locator(`tr[data-dimension="${dimension}"] td`);
    await expect(cells.nth(0), dimension).toHaveText(score);
    await expect(cells.nth(1), dimension).toHaveText(level);
    await expect(cells.nth(3), dimension).toHaveText(before);
    await expect(cells.nth(4), dimension).toHaveText(change);
  }
  await expectNoViolations(page);

  await tabTo(page, 'form[action="/api/admin/diagnosis/2026/publish"] button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Autodiagnóstico publicado: ya es evidencia de la actividad 1.3.');
  await expect(page.locator('form.diagnosis-form')).toHaveCount(0);
  await expectNoViolations(page);

  // A proposed action becomes an improvement action, tracked with those of the accountability report.
  // The due date comes suggested three months out; the responsible area from the checklist.
  await expect(page.locator('#part-03-fecha')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await tabTo(page, 'li[data-proposal="PART-03"] button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Acción de mejora creada.');
  await expect(page.locator('li[data-proposal="PART-03"]')).toContainText('Ya es una acción de mejora.');
  await expect(page.getByRole('row', { name: /Plan para cumplir PART-03 en 2027/ })).toContainText('Planeada');
  await expectNoViolations(page);

  // The public report, linked from the plan on the home page.
  await page.goto('/');
  await page.locator('a[href="/informes/diagnostico/2026"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Autodiagnóstico de participación ciudadana 2026' })).toBeVisible();
  for (const [dimension, score, level] of EXPECTED) {
    await expect(page.locator(`tr[data-dimension="${dimension}"]`)).toContainText(`${score}`);
    await expect(page.locator(`tr[data-dimension="${dimension}"]`)).toContainText(level);
  }
  await expect(page.locator('[data-requirement="PART-03"]')).toContainText('Plan para cumplir PART-03 en 2027.');
  await expect(page.getByRole('row', { name: /Plan para cumplir PART-03 en 2027/ })).toContainText('Planeación');
  await expectNoViolations(page);

  await page.goto('/informes/diagnostico');
  await expect(page.getByRole('link', { name: 'Autodiagnóstico 2025' })).toBeVisible();
  await expectNoViolations(page);
});
