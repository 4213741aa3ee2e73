import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export type CodeMessage = { to: string; code: string; link: string; minutes: number };

/** How a local sign-in code reaches the person. The outbox (a later issue) will be another one. */
export interface CodeDelivery {
  send(message: CodeMessage): Promise<void>;
}

export const LOCAL_MAILBOX_FILE = 'correo-local.jsonl';

export function mailboxText(message: CodeMessage): { subject: string; text: string } {
  return {
    subject: `Su código de acceso a Participa: ${message.code}`,
    text: [
      `Su código de acceso es ${message.code}. Vence en ${message.minutes} minutos y sirve una sola vez.`,
      `También puede abrir este enlace y confirmar: ${message.link}`,
      'Si usted no pidió este código, ignore este mensaje: nadie entra sin él.',
    ].join('\n'),
  };
}

/**
 * The local "mailbox": a local or self-hosted install has no mail server, so the message goes to the
 * server log (what the person at the terminal reads) and is appended to DATA_DIR/correo-local.jsonl
 * (one JSON message per line, what scripts and tests read). Only whoever runs the server sees either.
 */
export function localMailbox(dataDir = process.env.DATA_DIR ?? join(process.cwd(), '.data')): CodeDelivery {
  return {
    async send(message) {
      const { subject, text } = mailboxText(message);
      console.log(`\n[correo local] Para: ${message.to}\nAsunto: ${subject}\n${text}\n`);
      const line = JSON.stringify({ at: new Date().toISOString(), to: message.to, subject, text, code: message.code, link: message.link });
      await mkdir(dataDir, { recursive: true });
      await appendFile(join(dataDir, LOCAL_MAILBOX_FILE), `${line}\n`, { mode: 0o600 });
    },
  };
}
