import { conditionMet, describeCondition, isBlank, shownQuestionIds } from './conditions.ts';
import { OTHER_SUFFIX, type SurveyDefinition, type SurveyQuestion } from './schemas.ts';

/**
 * The public form, one section per page, without JavaScript: each page posts every answer so far
 * (earlier and later pages ride along as hidden inputs) and the server decides what comes next.
 */

export type FormAnswers = Record<string, unknown>;

/** One page: consecutive questions of the same section (a survey without sections is one page). */
export type SurveyPage = { index: number; section: string | null; questions: SurveyQuestion[] };

export function pagesOf(survey: Pick<SurveyDefinition, 'questions'>): SurveyPage[] {
  const pages: SurveyPage[] = [];
  for (const question of survey.questions) {
    const section = question.section ?? null;
    const last = pages.at(-1);
    if (last && last.section === section) last.questions.push(question);
    else pages.push({ index: pages.length, section, questions: [question] });
  }
  return pages.length > 0 ? pages : [{ index: 0, section: null, questions: [] }];
}

/**
 * How a question appears on its page:
 * - `show`: always asked, or its condition depends on an earlier page and is met;
 * - `note`: its condition depends on an answer on this same page (unknown to the server until the
 *   page is posted), so it is shown with «Responda solo si …»;
 * - `skip`: its condition depends on an earlier page and is not met.
 * With `earlierUnknown` (a page opened by its address, no answers posted) every condition gets a note.
 */
export type Presented = { question: SurveyQuestion; mode: 'show' | 'note' | 'skip'; note: string | null };

export function presentPage(survey: Pick<SurveyDefinition, 'questions'>, pages: SurveyPage[], pageIndex: number, answers: FormAnswers, earlierUnknown = false): Presented[] {
  const pageOf = new Map(pages.flatMap((p) => p.questions.map((q) => [q.id, p.index] as const)));
  const shown = shownQuestionIds(survey.questions, answers);
  const modes = new Map<string, Presented['mode']>();
  return (pages[pageIndex]?.questions ?? []).map((question) => {
    const condition = question.condition;
    let mode: Presented['mode'] = 'show';
    if (condition) {
      const samePage = pageOf.get(condition.question) === pageIndex;
      const sourceMode = modes.get(condition.question);
      if (samePage) mode = sourceMode === 'skip' ? 'skip' : 'note';
      else if (earlierUnknown) mode = 'note';
      else mode = shown.has(question.id) ? 'show' : 'skip';
    }
    modes.set(question.id, mode);
    return { question, mode, note: mode === 'note' && condition ? conditionNote(question, survey.questions) : null };
  });
}

export function conditionNote(question: SurveyQuestion, questions: SurveyQuestion[]): string | null {
  if (!question.condition) return null;
  const { question: label, answers } = describeCondition(question.condition, questions);
  return `Responda solo si en «${label}» respondió ${answers}.`;
}

/** Pages with at least one question to ask, given the answers so far. */
export function visiblePages(survey: Pick<SurveyDefinition, 'questions'>, pages: SurveyPage[], answers: FormAnswers): number[] {
  return pages.filter((p) => presentPage(survey, pages, p.index, answers).some((x) => x.mode !== 'skip')).map((p) => p.index);
}

/**
 * Drops answers to questions an earlier page's answer now hides (the respondent went back and
 * changed it), so the final submission never carries an answer that no longer applies. Answers
 * hidden by a condition on their own page stay: the respondent saw the note and chose to answer.
 */
export function pruneHiddenAnswers(survey: Pick<SurveyDefinition, 'questions'>, answers: FormAnswers): FormAnswers {
  const pages = pagesOf(survey);
  const pageOf = new Map(pages.flatMap((p) => p.questions.map((q) => [q.id, p.index] as const)));
  const kept: FormAnswers = { ...answers };
  const shownAnswers: FormAnswers = {};
  const dropped = new Set<string>();
  for (const q of survey.questions) {
    const source = q.condition?.question;
    // Hidden for sure: by an earlier page, or by a question that is itself hidden that way.
    const decided = source !== undefined && (pageOf.get(source) !== pageOf.get(q.id) || dropped.has(source));
    if (decided && !conditionMet(q.condition, shownAnswers)) {
      dropped.add(q.id);
      delete kept[q.id];
      delete kept[`${q.id}${OTHER_SUFFIX}`];
      continue;
    }
    if (conditionMet(q.condition, shownAnswers) && !isBlank(kept[q.id])) shownAnswers[q.id] = kept[q.id];
  }
  return kept;
}

/** The answer keys a page owns: its questions and their «Otro» words. */
export function pageKeys(page: SurveyPage | undefined): Set<string> {
  return new Set((page?.questions ?? []).flatMap((q) => [q.id, `${q.id}${OTHER_SUFFIX}`]));
}

/** Errors of `answers.<key>` for the questions of one page. */
export function errorsOfPage(errors: Record<string, string>, page: SurveyPage | undefined): Record<string, string> {
  const keys = pageKeys(page);
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path.startsWith('answers.') && keys.has(path.slice('answers.'.length))));
}

/** The first page (in order) with an error on one of its questions, if any. */
export function firstPageWithErrors(pages: SurveyPage[], errors: Record<string, string>): number | null {
  const page = pages.find((p) => Object.keys(errorsOfPage(errors, p)).length > 0);
  return page ? page.index : null;
}
