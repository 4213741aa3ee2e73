import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain } from '../../src/lib/email/drain.ts';
import { createSmtpSender } from '../../src/lib/email/senders/smtp.ts';
import { ATTACHMENT_TEMPLATES as templates, enqueueWithAttachment as enqueue, outboxRow } from './outbox.ts';
import { startSmtpServer } from './smtp-server.ts';

describe('the SMTP sender', () => {
  let server: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    server = await startSmtpServer({ refuse: 'no-existe@example.org' });
  });
  afterAll(() => server.close());

  it('delivers the rendered message with its attachment, from MAIL_FROM, under a Message-ID of its outbox id', async () => {
    const id = await enqueue('ciudadano@example.org', 'AB12');
    const sender = createSmtpSender(server.url, 'Participa <no-responder@agencia.gov.co>');
    expect(await drain({ sender, templates, ids: [id] })).toMatchObject({ claimed: 1, sent: 1 });

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail.from).toContain('no-responder@agencia.gov.co');
    expect(mail.to).toEqual(['<ciudadano@example.org>']);
    expect(mail.data).toMatch(/^Subject: Su boleta AB12$/m);
    expect(mail.data).toContain(`Message-ID: <outbox-${id}@agencia.gov.co>`);
    expect(mail.data).toMatch(/Content-Disposition: attachment; filename=boleta-AB12\.txt/);
    expect(mail.data).toContain(Buffer.from('BOLETA AB12').toString('base64'));
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', payload: {} });
  });

  it('gives up at once on an address the server refuses for good (5xx)', async () => {
    const id = await enqueue('no-existe@example.org', 'CD34');
    const sender = createSmtpSender(server.url, 'no-responder@agencia.gov.co');
    expect(await drain({ sender, templates, ids: [id] })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') });
  });

  it('retries later when the server cannot be reached', async () => {
    const id = await enqueue('ciudadano@example.org', 'EF56');
    const closed = await startSmtpServer();
    await closed.close();
    const sender = createSmtpSender(closed.url, 'no-responder@agencia.gov.co');
    expect(await drain({ sender, templates, ids: [id] })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
