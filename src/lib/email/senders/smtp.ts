import { Buffer } from 'node:buffer';
import { createTransport } from 'nodemailer';
import { PermanentEmailError, type OutgoingEmail, type Sender } from '../message.ts';

// Well under the sender's lease (email_claim, 300 s for a batch of 5): a sender that is alive finishes
// before another may take its claim, so only a crash can resend a message.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** SMTP through nodemailer: `SMTP_URL` (smtp:// or smtps://user:pass@host:port) and `MAIL_FROM`. */
export function createSmtpSender(url: string, from: string): Sender {
  const transport = createTransport({ url, ...TIMEOUTS });
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? 'participa.local';
  return {
    kind: 'smtp',
    async send({ id, to, rendered }: OutgoingEmail) {
      try {
        await transport.sendMail({
          from,
          to,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          attachments: rendered.attachments?.map((a) => ({ filename: a.filename, content: typeof a.content === 'string' ? a.content : Buffer.from(a.content), contentType: a.contentType })),
          // Stable per outbox message: if a crash makes us send it again, mail clients show it once.
          messageId: `<outbox-${id}@${domain}>`,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refused for good (unknown mailbox, policy); 4xx and network errors are worth a retry.
        if (code !== undefined && code >= 500) throw new PermanentEmailError((error as Error).message);
        throw error;
      }
    },
  };
}
