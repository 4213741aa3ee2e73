import { SERVICE } from '../../src/lib/db/store.ts';
import type { OutgoingEmail, Sender } from '../../src/lib/email/message.ts';
import type { TemplateRegistry } from '../../src/lib/email/templates.ts';
import { sql, store } from '../support/db.ts';

/** Queues a `notice` the way a capability does: private.enqueue_email inside its own transaction. */
export async function enqueueNotice(subject = 'Aviso de prueba', recipient = 'ciudadana@example.org'): Promise<number> {
  const [{ id }] = await sql`select private.enqueue_email('notice', ${recipient}, ${sql.json({ subject, text: 'Hola.\n\nEste es un aviso.' })}, null) as id`;
  return Number(id);
}

export async function outboxRow(id: number) {
  const [row] = await sql`
    select status, attempts, payload, last_error, sent_at, claim_token,
           extract(epoch from next_attempt_at - now())::float as retry_in
    from private.email_outbox where id = ${id}`;
  return row;
}

export const claim = (ids: number[]) => store.rpc<{ id: number; token: string; attempt: number }[]>('email_claim', { p_ids: ids }, SERVICE);

/** A sender we can count: every call is recorded; `failWith` makes it throw instead. */
export function recordingSender(options: { failWith?: Error; delayMs?: () => number } = {}): Sender & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    kind: 'local',
    sent,
    async send(message) {
      const delay = options.delayMs?.() ?? 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      if (options.failWith) throw options.failWith;
      sent.push(message);
    },
  };
}

/** A template with an attachment, as the ticket e-mail has (its PDF or QR code). */
export const ATTACHMENT_TEMPLATES: TemplateRegistry = {
  'with-attachment': (payload) => {
    const { code } = payload as { code: string };
    return {
      subject: `Su boleta ${code}`,
      text: `Código: ${code}`,
      html: `<p>Código: <strong>${code}</strong></p>`,
      attachments: [{ filename: `boleta-${code}.txt`, content: new TextEncoder().encode(`BOLETA ${code}`), contentType: 'text/plain' }],
    };
  },
};

export async function enqueueWithAttachment(recipient: string, code: string): Promise<number> {
  const [{ id }] = await sql`select private.enqueue_email('with-attachment', ${recipient}, ${sql.json({ code })}, null) as id`;
  return Number(id);
}
