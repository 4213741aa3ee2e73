import type { SurveyQuestion } from '../schemas.ts';
import type { QuestionInput } from './definition-schema.ts';

/** A builder question as the public form renders it (drafts have no public definition yet). */
export function asSurveyQuestion(q: QuestionInput): SurveyQuestion {
  return { ...q, maxLength: q.type === 'short_text' ? 200 : q.type === 'long_text' ? 2000 : null };
}
