import type { Sender } from './message.ts';
import { localMailboxSender } from './senders/local-mailbox.ts';
import { createSmtpSender } from './senders/smtp.ts';

const DEFAULT_FROM = 'Participa <no-responder@participa.local>';

/** SMTP in production (`SMTP_URL`), else the local mailbox shown at /staff/correo. */
export function activeSenderKind(): Sender['kind'] {
  return process.env.SMTP_URL ? 'smtp' : 'local';
}

let current: Sender | undefined;

/** One sender per process, so SMTP connections are set up once. */
export function senderFromEnvironment(): Sender {
  const url = process.env.SMTP_URL;
  current ??= url ? createSmtpSender(url, process.env.MAIL_FROM || DEFAULT_FROM) : localMailboxSender;
  return current;
}
