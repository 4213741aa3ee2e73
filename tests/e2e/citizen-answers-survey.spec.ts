import { expect, test } from '@playwright/test';
import { tabTo } from './support/keyboard.ts';
import { answerWithClicks, answerWithKeyboard, surveyDefinition } from './support/survey.ts';

const SLUG = 'oferta-de-servicios';

test.describe('a citizen answers survey 1.1', () => {
  test('using only the keyboard', async ({ page, request }) => {
    const { questions } = await surveyDefinition(request, SLUG);
    await page.goto(`/encuestas/${SLUG}`);
    for (const q of questions) await answerWithKeyboard(page, q);
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}/gracias$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/gracias/i);
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    test('submits the server-rendered form', async ({ page, request }) => {
      const { questions } = await surveyDefinition(request, SLUG);
      await page.goto(`/encuestas/${SLUG}`);
      for (const q of questions) await answerWithClicks(page, q);
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}/gracias$`));
    });

    test('an invalid submission shows each error and keeps the answers', async ({ page, request }) => {
      const { questions } = await surveyDefinition(request, SLUG);
      const text = questions.find((q) => q.type === 'long_text' || q.type === 'short_text')!;
      await page.goto(`/encuestas/${SLUG}`);
      await page.locator(`[name="answers.${text.id}"]`).fill('Texto que no se debe perder');
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}$`));
      const summary = page.locator('.error-summary, [data-error-summary]').first();
      await expect(summary).toBeVisible();
      const required = questions.filter((q) => q.required);
      await expect(summary.getByRole('link')).toHaveCount(required.length + 1);
      await expect(page.getByText('Esta pregunta es obligatoria.').first()).toBeVisible();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expect(page.locator(`[name="answers.${text.id}"]`)).toHaveValue('Texto que no se debe perder');

      for (const q of required) await answerWithClicks(page, q);
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}/gracias$`));
    });
  });
});
