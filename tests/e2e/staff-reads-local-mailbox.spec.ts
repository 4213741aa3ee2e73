import { expectNoViolations } from './support/axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { drain } from '../../src/lib/email/drain.ts';
import { localMailboxSender } from '../../src/lib/email/senders/local-mailbox.ts';
import { TEMPLATES } from '../../src/lib/email/templates.ts';
import { ATTACHMENT_TEMPLATES, enqueueWithAttachment } from '../email/outbox.ts';
import { staffToken } from '../support/staff.ts';


// The message's HTML runs in a frame sandboxed without scripts, so no tool can look inside it: axe checks
// the page and the frame element (its title), and the template's own HTML is the template's tests' business.

test('a communications officer reads the ticket e-mail a citizen was sent, without SMTP', async ({ page }) => {
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  const id = await enqueueWithAttachment('ciudadana@example.org', code);
  await drain({ sender: localMailboxSender, templates: { ...TEMPLATES, ...ATTACHMENT_TEMPLATES }, ids: [id] });

  const token = await staffToken('communications', 'comunicaciones@agencia.gov.co');
  await page.goto(`/staff/entrar?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('link', { name: 'Correo enviado' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Correo enviado' })).toBeVisible();
  await expectNoViolations(page, 'iframe.mail-html');

  await page.getByRole('link', { name: `Su boleta ${code}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Su boleta ${code}` })).toBeVisible();
  await expect(page.getByText(`Código: ${code}`).first()).toBeVisible();
  await expect(page.locator('iframe.mail-html')).toHaveAttribute('title', `Versión HTML de «Su boleta ${code}»`);
  const html = page.frameLocator('iframe.mail-html');
  await expect(html.getByText(code)).toBeVisible();
  await expectNoViolations(page, 'iframe.mail-html');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `boleta-${code}.txt` }).click();
  expect((await download).suggestedFilename()).toBe(`boleta-${code}.txt`);
});
