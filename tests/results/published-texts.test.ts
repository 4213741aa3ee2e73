import { describe, expect, it } from 'vitest';
import { groupTexts } from '../../src/lib/results/published-texts.ts';

describe('groupTexts: the published free texts of a question as the results page shows them', () => {
  it('shows the same words once with how many wrote them, the most repeated first, then in published order', () => {
    expect(groupTexts(['Por la emisora', 'En el colegio', 'Por la junta', 'En el colegio', 'Por la junta', 'Por la junta'])).toEqual({
      items: [
        { text: 'Por la junta', count: 3 },
        { text: 'En el colegio', count: 2 },
        { text: 'Por la emisora', count: 1 },
      ],
      more: 0,
    });
  });

  it('past the shown ones, counts how many answers are left for the open data', () => {
    const published = ['a', 'a', 'b', 'c', 'c', 'c', 'd', 'e', 'e'];
    expect(groupTexts(published, 2)).toEqual({ items: [{ text: 'c', count: 3 }, { text: 'a', count: 2 }], more: 4 });
    expect(groupTexts([], 2)).toEqual({ items: [], more: 0 });
  });
});
