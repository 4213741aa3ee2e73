import { describe, expect, it } from 'vitest';
import { pagesOf, presentPage, pruneHiddenAnswers, visiblePages } from '../../src/lib/surveys/paged-form.ts';
import type { SurveyQuestion } from '../../src/lib/surveys/schemas.ts';

const q = (id: string, section: string | null, condition: SurveyQuestion['condition'] = null): SurveyQuestion => ({
  id, type: 'single_choice', label: `¿${id}?`, help: null, required: true, section,
  options: [{ value: 'si', label: 'Sí' }, { value: 'no', label: 'No' }], items: [], min: null, max: null, allowOther: false, condition, maxLength: null,
});

const survey = {
  questions: [
    q('a', 'Uno'),
    q('b', 'Uno', { question: 'a', anyOf: ['si'] }),
    q('c', 'Dos', { question: 'a', anyOf: ['si'] }),
    q('d', 'Dos', { question: 'c', anyOf: ['no'] }),
    q('e', 'Tres', { question: 'a', anyOf: ['si'] }),
  ],
};
const pages = pagesOf(survey);

describe('paged form', () => {
  it('makes one page per run of consecutive questions of a section', () => {
    expect(pages.map((p) => [p.section, p.questions.map((x) => x.id)])).toEqual([['Uno', ['a', 'b']], ['Dos', ['c', 'd']], ['Tres', ['e']]]);
    expect(pagesOf({ questions: [q('x', null), q('y', null)] })).toHaveLength(1);
  });

  it('notes same-page conditions and decides earlier-page ones from the answers', () => {
    const modes = (index: number, answers: Record<string, unknown>, unknown = false) =>
      presentPage(survey, pages, index, answers, unknown).map((p) => [p.question.id, p.mode]);
    expect(modes(0, {})).toEqual([['a', 'show'], ['b', 'note']]);
    expect(presentPage(survey, pages, 0, {})[1].note).toBe('Responda solo si en «¿a?» respondió «Sí».');
    expect(modes(1, { a: 'si' })).toEqual([['c', 'show'], ['d', 'note']]);
    expect(modes(1, { a: 'no' })).toEqual([['c', 'skip'], ['d', 'skip']]);
    expect(modes(1, {}, true)).toEqual([['c', 'note'], ['d', 'note']]);
  });

  it('skips pages with nothing to ask and drops answers earlier pages now hide', () => {
    expect(visiblePages(survey, pages, { a: 'no' })).toEqual([0]);
    expect(visiblePages(survey, pages, { a: 'si' })).toEqual([0, 1, 2]);
    expect(pruneHiddenAnswers(survey, { a: 'no', b: 'si', c: 'no', d: 'si', e: 'si' })).toEqual({ a: 'no', b: 'si' });
    expect(pruneHiddenAnswers(survey, { a: 'si', c: 'si', d: 'si' })).toEqual({ a: 'si', c: 'si', d: 'si' });
  });
});
