import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { tabTo } from './keyboard.ts';

export type Question = {
  id: string;
  type: string;
  required: boolean;
  options: { value: string; label: string }[];
  items: { key: string; label: string }[];
  min: number | null;
  max: number | null;
  allowOther: boolean;
  condition: { question: string; anyOf: string[] } | null;
};

export async function surveyDefinition(request: APIRequestContext, slug: string): Promise<{ questions: Question[] }> {
  const response = await request.get(`/api/surveys/${slug}`);
  return response.json();
}

const field = (q: Question) => `[name="answers.${q.id}"]`;
const row = (q: Question, item: string) => `[name="answers.${q.id}.${item}"]`;
const otherBox = (q: Question) => `#q-${q.id}-otro`;
const OTHER_WORDS = 'Una opción que no estaba en la lista';

/** What the driver chose, by question: the condition of a later question is judged against it. */
export type Chosen = Record<string, string[]>;

const matches = (q: Question, chosen: Chosen) => !q.condition || (chosen[q.condition.question] ?? []).some((v) => q.condition!.anyOf.includes(v));

async function checkedValues(page: Page, q: Question): Promise<string[]> {
  return page.locator(`${field(q)}:checked`).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/** Answers one question with the keyboard only: Tab to it, then Space, arrows or typing. */
export async function answerWithKeyboard(page: Page, q: Question): Promise<string[]> {
  switch (q.type) {
    case 'single_choice':
    case 'scale_5':
    case 'nps': {
      await tabTo(page, field(q));
      // Arrow keys move within a radio group and select; from the first option ArrowUp wraps to the last.
      await page.keyboard.press('ArrowUp');
      const values = await checkedValues(page, q);
      if (values.includes('otro')) {
        await tabTo(page, otherBox(q));
        await page.keyboard.type(OTHER_WORDS);
      }
      return values;
    }
    case 'multiple_choice':
      await tabTo(page, `${field(q)}[value="${q.options[0].value}"]`);
      await page.keyboard.press('Space');
      return [q.options[0].value];
    case 'matrix':
      for (const item of q.items) {
        // Tab enters each row's radio group on its first option; Space selects it.
        await tabTo(page, row(q, item.key));
        await page.keyboard.press('Space');
      }
      return [];
    case 'number':
      await tabTo(page, field(q));
      await page.keyboard.type(String(q.min ?? 1));
      return [];
    case 'date':
      // The date control's segments follow the browser's locale; the value is what matters here.
      await tabTo(page, field(q));
      await page.locator(field(q)).fill('2026-11-20');
      return [];
    case 'short_text':
    case 'long_text':
      await tabTo(page, field(q));
      await page.keyboard.type('Respuesta escrita con el teclado.');
      return [];
    default:
      throw new Error(`no keyboard driver for ${q.type}`);
  }
}

/** Answers one question with pointer clicks (used with JavaScript disabled). */
export async function answerWithClicks(page: Page, q: Question): Promise<string[]> {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'scale_5':
    case 'nps': {
      await page.locator(field(q)).last().check();
      const values = await checkedValues(page, q);
      if (values.includes('otro')) await page.locator(otherBox(q)).fill(OTHER_WORDS);
      return values;
    }
    case 'matrix':
      for (const item of q.items) await page.locator(row(q, item.key)).last().check();
      return [];
    case 'number':
      await page.locator(field(q)).fill(String(q.max ?? q.min ?? 2));
      return [];
    case 'date':
      await page.locator(field(q)).fill('2026-11-20');
      return [];
    case 'short_text':
    case 'long_text':
      await page.locator(field(q)).fill('Respuesta sin JavaScript.');
      return [];
    default:
      throw new Error(`no click driver for ${q.type}`);
  }
}

/** The questions shown on the current page, in order (a skipped or later question has no field here). */
async function onThisPage(page: Page, questions: Question[]): Promise<Question[]> {
  const ids = await page.locator('form [data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
  return questions.filter((q) => ids.includes(q.id));
}

export type Driver = (page: Page, q: Question) => Promise<string[]>;

/**
 * Answers a survey page by page: every question shown (a conditional one only when the answers
 * chosen so far meet its condition), then «Siguiente», until the last page, where it stops before
 * the consent. `only` limits it to required questions.
 */
export async function answerAllPages(page: Page, questions: Question[], driver: Driver, how: 'keyboard' | 'clicks', only: 'all' | 'required' = 'all'): Promise<Chosen> {
  const chosen: Chosen = {};
  for (let guard = 0; guard < 20; guard++) {
    for (const q of await onThisPage(page, questions)) {
      if (!matches(q, chosen) || (only === 'required' && !q.required)) continue;
      chosen[q.id] = await driver(page, q);
    }
    if ((await page.locator('#consent').count()) > 0) return chosen;
    await goNext(page, how);
  }
  throw new Error('the survey never reached its last page');
}

/** Presses «Siguiente» and waits for the next page to load. */
export async function goNext(page: Page, how: 'keyboard' | 'clicks'): Promise<void> {
  const section = await page.locator('input[name="seccion"]').inputValue();
  if (how === 'keyboard') {
    await tabTo(page, 'button[value="siguiente"]');
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: 'Siguiente' }).click();
  }
  await expect(page.locator('input[name="seccion"]')).not.toHaveValue(section);
}
