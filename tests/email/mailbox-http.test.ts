import { describe, expect, it } from 'vitest';
import { drain } from '../../src/lib/email/drain.ts';
import { localMailboxSender } from '../../src/lib/email/senders/local-mailbox.ts';
import { TEMPLATES } from '../../src/lib/email/templates.ts';
import { sql } from '../support/db.ts';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { ATTACHMENT_TEMPLATES, enqueueNotice, enqueueWithAttachment } from './outbox.ts';

const templates = { ...TEMPLATES, ...ATTACHMENT_TEMPLATES };
const mailboxIdOf = async (outboxId: number) => Number((await sql`select id from private.email_mailbox where outbox_id = ${outboxId}`)[0].id);

describe('/staff/correo, the local mailbox', () => {
  it('is for staff with the communications role only', async () => {
    const subject = `Privado ${Date.now()}`;
    const id = await enqueueNotice(subject);
    await drain({ sender: localMailboxSender, ids: [id] });
    const mail = await mailboxIdOf(id);

    for (const path of ['/staff/correo', `/staff/correo/${mail}`]) {
      const anonymous = await request(path);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.text).not.toContain(subject);
      const boxOffice = await request(path, { headers: await bearer('box_office') });
      expect(boxOffice.status, path).toBe(403);
      expect(boxOffice.text).not.toContain(subject);
    }
    expect((await request(`/api/admin/mail/${mail}/html`)).status).toBe(401);
    expect((await request(`/api/admin/mail/${mail}/html`, { headers: await bearer('advisor') })).status).toBe(403);
  });

  it('lists drained messages newest first, and the hub links to it', async () => {
    const stamp = Date.now();
    const first = await enqueueNotice(`Primero ${stamp}`, 'uno@example.org');
    await drain({ sender: localMailboxSender, ids: [first] });
    const second = await enqueueNotice(`Segundo ${stamp}`, 'dos@example.org');
    await drain({ sender: localMailboxSender, ids: [second] });

    const page = await request('/staff/correo', { headers: await bearer('communications') });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(page.text).toContain('dos@example.org');
    expect(page.text.indexOf(`Segundo ${stamp}`)).toBeGreaterThan(-1);
    expect(page.text.indexOf(`Segundo ${stamp}`)).toBeLessThan(page.text.indexOf(`Primero ${stamp}`));
    expect(page.text).toContain(`href="/staff/correo/${await mailboxIdOf(second)}"`);

    const hub = await request('/staff', { headers: await bearer('communications') });
    expect(hub.text).toContain('href="/staff/correo"');
    const interviewerHub = await request('/staff', { headers: await bearer('interviewer') });
    expect(interviewerHub.text).not.toContain('href="/staff/correo"');
  });

  it('shows one message: its text, its HTML in a sandbox, and its attachment to download', async () => {
    const code = `Z${Date.now().toString(36).toUpperCase()}`;
    const id = await enqueueWithAttachment('ciudadana@example.org', code);
    expect(await drain({ sender: localMailboxSender, templates, ids: [id] })).toMatchObject({ sent: 1 });
    const mail = await mailboxIdOf(id);
    const headers = await bearer('communications');

    const view = await request(`/staff/correo/${mail}`, { headers });
    expect(view.status).toBe(200);
    expect(view.text).toContain(`Su boleta ${code}`);
    expect(view.text).toContain(`Código: ${code}`);
    expect(view.text).toMatch(new RegExp(`<iframe[^>]+src="/api/admin/mail/${mail}/html"`));
    expect(view.text).toContain(`href="/api/admin/mail/${mail}/attachments/0"`);

    const html = await request(`/api/admin/mail/${mail}/html`, { headers });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(html.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(html.text).toBe(`<p>Código: <strong>${code}</strong></p>`);

    const file = await request(`/api/admin/mail/${mail}/attachments/0`, { headers });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''boleta-${code}.txt`);
    expect(file.text).toBe(`BOLETA ${code}`);

    expect((await request(`/api/admin/mail/${mail}/attachments/1`, { headers })).status).toBe(404);
    expect((await request('/staff/correo/999999999999', { headers })).status).toBe(404);
    expect((await request('/staff/correo/abc', { headers })).status).toBe(404);
    expect((await request('/api/admin/mail/abc/html', { headers })).body).toMatchObject({ error: { code: 'not_found' } });
  });
});
