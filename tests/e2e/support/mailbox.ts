import { expect, type Page } from '@playwright/test';
import { drain } from '../../../src/lib/email/drain.ts';
import { localMailboxSender } from '../../../src/lib/email/senders/local-mailbox.ts';
import { staffToken } from '../../support/staff.ts';
import { expectNoViolations } from './axe.ts';
import { sql } from './tickets.ts';

/**
 * Sends what is queued for `recipient` into the local mailbox, as the host's sender would. The served test
 * build runs none (EMAIL_DRAIN_SECONDS=0, which also drops the drain after each write), so the test drains,
 * only its own messages.
 */
export async function deliverMailTo(recipient: string): Promise<void> {
  const queued = await sql()`select id from private.email_outbox where recipient = ${recipient} and status = 'pending'`;
  expect(queued.length, `mail queued for ${recipient}`).toBeGreaterThan(0);
  expect(await drain({ sender: localMailboxSender, ids: queued.map((r) => Number(r.id)) })).toMatchObject({ sent: queued.length, failed: 0 });
}

/** A communications officer, signed in through /staff/entrar with a token. */
export async function signInCommunications(page: Page): Promise<void> {
  const token = await staffToken('communications', 'comunicaciones@agencia.gov.co');
  await page.goto(`/staff/entrar?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

// The message's HTML runs in a frame sandboxed without scripts, so axe cannot look inside it: it checks the
// page and the frame element (its title).
const MAIL_HTML = 'iframe.mail-html';

/** Opens the local mailbox, then the message with this subject, checking both pages with axe. */
export async function openMail(page: Page, subject: string | RegExp): Promise<void> {
  await page.goto('/staff/correo');
  await expect(page.getByRole('heading', { level: 1, name: 'Correo enviado' })).toBeVisible();
  await expectNoViolations(page, MAIL_HTML);
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expectNoViolations(page, MAIL_HTML);
}

/** The message's HTML as the citizen's mail client shows it. */
export const mailHtml = (page: Page) => page.frameLocator(MAIL_HTML);

/** Downloads the attachment through its link and returns its text. */
export async function downloadAttachment(page: Page, filename: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: filename }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(filename);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
