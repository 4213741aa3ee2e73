import type { Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { saveSurvey } from './save-survey.ts';
import type { SavedSurvey } from './types.ts';

/** «Nueva encuesta»: a draft with its address and title, never overwriting an existing one. */
export function createSurvey(data: Record<string, unknown>, caller: Caller): Promise<Result<SavedSurvey>> {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const planActivity = text(data.planActivity).trim();
  return saveSurvey(
    { slug: text(data.slug).trim(), title: text(data.title), description: text(data.description), planActivity: planActivity || null, questions: [] },
    caller,
    { createOnly: true },
  );
}
