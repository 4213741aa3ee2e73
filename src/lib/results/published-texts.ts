/** How many different published texts a question shows on its results page; the rest are in the open data. */
export const TEXTS_SHOWN = 10;

export type GroupedTexts = { items: { text: string; count: number }[]; more: number };

/**
 * The published free texts of a question as people read them: the same words once, with how many wrote
 * them, the most repeated first (then in their published order); past `shown`, only how many more there
 * are, so a survey with hundreds of answers keeps a page that loads fast on a phone.
 */
export function groupTexts(published: readonly string[], shown = TEXTS_SHOWN): GroupedTexts {
  const counts = new Map<string, number>();
  for (const text of published) counts.set(text, (counts.get(text) ?? 0) + 1);
  const items = [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  return { items: items.slice(0, shown), more: items.slice(shown).reduce((sum, item) => sum + item.count, 0) };
}
