import type { Sender } from './message.ts';
import { localMailboxSender } from './senders/local-mailbox.ts';
import { createSmtpSender } from './senders/smtp.ts';

const DEFAULT_FROM = 'Participa <no-responder@participa.local>';

let current: Sender | undefined;

/** SMTP in production (`SMTP_URL`), else the local mailbox; one per process, so SMTP is set up once. */
export function senderFromEnvironment(): Sender {
  const url = process.env.SMTP_URL;
  current ??= url ? createSmtpSender(url, process.env.MAIL_FROM || DEFAULT_FROM) : localMailboxSender;
  return current;
}
