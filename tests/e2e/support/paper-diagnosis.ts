import type { BrowserContext, Page } from '@playwright/test';
import type { StaffRole } from '../../../src/lib/auth/claims.ts';
import { staffToken } from '../../support/staff.ts';
import { tabTo } from './keyboard.ts';

/** Signs a staff member in with the session cookie the sign-in page would set. */
export async function signInAs(context: BrowserContext, baseURL: string, role: StaffRole, email: string): Promise<void> {
  await context.clearCookies();
  await context.addCookies([{ name: 'participa_staff', value: await staffToken(role, email), url: baseURL, httpOnly: true, sameSite: 'Strict' }]);
}

/** A fresh person for each run: the e-mail is who plays (the token's sub). */
export const uniqueStaffEmail = (name: string) => `${name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@agencia.gov.co`;

/**
 * Chooses the `index`-th radio of a group with the keyboard: Tab lands on the group (its checked radio, or
 * the first), Space checks it, and each ArrowDown moves to and checks the next one.
 */
export async function chooseRadio(page: Page, name: string, index: number): Promise<void> {
  await tabTo(page, `input[type="radio"][name="${name}"]`);
  const position = await page.evaluate(() => {
    const focused = document.activeElement as HTMLInputElement;
    return [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(focused.name)}"]`)].indexOf(focused);
  });
  await page.keyboard.press('Space');
  const moves = index - position;
  for (let i = 0; i < Math.abs(moves); i++) await page.keyboard.press(moves > 0 ? 'ArrowDown' : 'ArrowUp');
}
