import type { APIRequestContext, Page } from '@playwright/test';
import { tabTo } from './keyboard.ts';

export type Question = {
  id: string;
  type: string;
  required: boolean;
  options: { value: string; label: string }[];
};

export async function surveyDefinition(request: APIRequestContext, slug: string): Promise<{ questions: Question[] }> {
  const response = await request.get(`/api/surveys/${slug}`);
  return response.json();
}

const field = (q: Question) => `[name="answers.${q.id}"]`;

/** Answers one question with the keyboard only: Tab to it, then Space, arrows or typing. */
export async function answerWithKeyboard(page: Page, q: Question): Promise<void> {
  switch (q.type) {
    case 'single_choice':
    case 'scale_5':
    case 'nps':
      await tabTo(page, field(q));
      // Arrow keys move within a radio group and select; the last option is always valid.
      await page.keyboard.press('ArrowUp');
      return;
    case 'multiple_choice':
      await tabTo(page, `${field(q)}[value="${q.options[0].value}"]`);
      await page.keyboard.press('Space');
      return;
    case 'short_text':
    case 'long_text':
      await tabTo(page, field(q));
      await page.keyboard.type('Respuesta escrita con el teclado.');
      return;
    default:
      throw new Error(`no keyboard driver for ${q.type}`);
  }
}

/** Answers one question with pointer clicks (used with JavaScript disabled). */
export async function answerWithClicks(page: Page, q: Question): Promise<void> {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'scale_5':
    case 'nps':
      await page.locator(field(q)).last().check();
      return;
    case 'short_text':
    case 'long_text':
      await page.locator(field(q)).fill('Respuesta sin JavaScript.');
      return;
    default:
      throw new Error(`no click driver for ${q.type}`);
  }
}
