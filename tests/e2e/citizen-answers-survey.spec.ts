import { expect, test } from '@playwright/test';
import { tabTo } from './support/keyboard.ts';
import { answerAllPages, answerWithClicks, answerWithKeyboard, goNext, surveyDefinition } from './support/survey.ts';

const SLUG = 'oferta-de-servicios';

test.describe('a citizen answers survey 1.1', () => {
  test('using only the keyboard, page by page', async ({ page, request }) => {
    const { questions } = await surveyDefinition(request, SLUG);
    await page.goto(`/encuestas/${SLUG}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Parte 1 de');
    await answerAllPages(page, questions, answerWithKeyboard, 'keyboard');
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[value="enviar"]');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}/gracias$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/gracias/i);
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    test('submits the server-rendered form, section by section', async ({ page, request }) => {
      const { questions } = await surveyDefinition(request, SLUG);
      await page.goto(`/encuestas/${SLUG}?utm_source=facebook`);
      await answerAllPages(page, questions, answerWithClicks, 'clicks');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}/gracias$`));
    });

    test('an invalid page shows each error, linked to its field, and keeps the answers', async ({ page, request }) => {
      const { questions } = await surveyDefinition(request, SLUG);
      const first = questions.find((q) => q.allowOther)!;
      await page.goto(`/encuestas/${SLUG}`);
      await page.locator(`#q-${first.id}-otro`).fill('Texto que no se debe perder');
      await page.getByRole('button', { name: 'Siguiente' }).click();
      await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}$`));
      const summary = page.locator('.error-summary');
      await expect(summary).toBeVisible();
      const onFirstPage = await page.locator('form [data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
      const required = questions.filter((q) => q.required && onFirstPage.includes(q.id));
      // One link per required question of the page, plus the «Otro» words written without marking «Otro».
      await expect(summary.getByRole('link')).toHaveCount(required.length + 1);
      await expect(page.getByText('Esta pregunta es obligatoria.').first()).toBeVisible();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expect(page.locator(`#q-${first.id}-otro`)).toHaveValue('Texto que no se debe perder');
      await summary.getByRole('link').first().click();
      await expect(page).toHaveURL(new RegExp(`#q-${required[0].id}$`));

      // Fix the page, go on, and forget the consent on the last one.
      for (const q of required) await answerWithClicks(page, q);
      await goNext(page, 'clicks');
      await answerAllPages(page, questions, answerWithClicks, 'clicks', 'required');
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await expect(page.locator('.error-summary').getByRole('link', { name: /Autorización de datos personales/ })).toBeVisible();
      // «Anterior» goes back without losing what was answered.
      await page.getByRole('button', { name: 'Anterior' }).click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Parte 2 de');
      await goNext(page, 'clicks');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await expect(page).toHaveURL(new RegExp(`/encuestas/${SLUG}/gracias$`));
    });
  });
});
