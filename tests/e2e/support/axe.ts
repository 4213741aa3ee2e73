import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 A/AA, as DESIGN.md asks of every public and staff page. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** `exclude`: a selector axe cannot look into (the mailbox's sandboxed frame of a message's HTML). */
export async function expectNoViolations(page: Page, exclude?: string) {
  const axe = new AxeBuilder({ page }).withTags(WCAG_22_AA);
  const { violations } = await (exclude ? axe.exclude(exclude) : axe).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
