import { Buffer } from 'node:buffer';
import { rpc, SERVICE } from '../../db/store.ts';
import type { OutgoingEmail, Sender } from '../message.ts';

/**
 * Without SMTP: the rendered message is stored in the local mailbox that staff read at /staff/correo. The
 * mailbox keeps one copy per outbox message, so a retried delivery stores nothing new.
 */
export const localMailboxSender: Sender = {
  kind: 'local',
  async send({ id, token, rendered }: OutgoingEmail) {
    const attachments = (rendered.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content).toString('base64'),
    }));
    await rpc('email_deliver_local', {
      p_id: id,
      p_token: token,
      p_subject: rendered.subject,
      p_text: rendered.text,
      p_html: rendered.html ?? null,
      p_attachments: attachments,
    }, SERVICE);
  },
};
