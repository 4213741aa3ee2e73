import type { QuestionCondition, SurveyQuestion } from './schemas.ts';

/** Unanswered: missing, blank text, nothing selected, or a matrix with no row answered. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/** The answer as the texts a condition compares with: option values, or a number's digits. */
function answerTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(answerTexts);
  return [];
}

export function conditionMet(condition: QuestionCondition | null, shown: Record<string, unknown>): boolean {
  if (!condition) return true;
  const answer = shown[condition.question];
  return answerTexts(answer).some((text) => condition.anyOf.includes(text));
}

/**
 * Which questions the respondent is asked, given their answers: in order, a question shows when its
 * condition matches the answer of an earlier question that was itself shown. The same rule runs in
 * SQL (private.survey_condition_met), the answer schema and the paged form.
 */
export function shownQuestionIds(questions: SurveyQuestion[], answers: Record<string, unknown>): Set<string> {
  const shown = new Set<string>();
  const shownAnswers: Record<string, unknown> = {};
  for (const q of questions) {
    if (!conditionMet(q.condition, shownAnswers)) continue;
    shown.add(q.id);
    if (!isBlank(answers[q.id])) shownAnswers[q.id] = answers[q.id];
  }
  return shown;
}

/** "«Sí»", "«1» o «2»", "«A», «B» o «C»": the answers that show a conditional question. */
export function describeCondition(condition: QuestionCondition, questions: SurveyQuestion[]): { question: string; answers: string } {
  const source = questions.find((q) => q.id === condition.question);
  const labelOf = (value: string) => source?.options.find((o) => o.value === value)?.label ?? value;
  const labels = condition.anyOf.map((value) => `«${labelOf(value)}»`);
  const answers = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} o ${labels.at(-1)}`;
  return { question: source?.label ?? condition.question, answers };
}
