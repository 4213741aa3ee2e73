import { rpc, SERVICE } from '../db/store.ts';
import { PermanentEmailError, type Sender } from './message.ts';
import { senderFromEnvironment } from './sender.ts';
import { renderEmail, TEMPLATES, type TemplateRegistry } from './templates.ts';

type Claimed = { id: number; template: string; recipient: string; payload: unknown; attempt: number; token: string };
type Outcome = 'sent' | 'retried' | 'failed' | 'lost';

/** What one drain did: `lost` counts messages whose claim expired before we could record the outcome. */
export type DrainCounts = { claimed: number } & Record<Outcome, number>;

export type DrainOptions = {
  sender?: Sender;
  templates?: TemplateRegistry;
  /** Messages per claim; with the lease, bounds how long one claim may take (see senders/smtp.ts). */
  batch?: number;
  leaseSeconds?: number;
  /** Only these outbox messages (a targeted send; tests that must not touch other messages). */
  ids?: number[];
  /** Stop claiming after this long (a Netlify scheduled function has 30 s). */
  budgetMs?: number;
};

async function fail(message: Claimed, reason: string, permanent: boolean): Promise<Outcome> {
  const marked = await rpc<{ status: 'pending' | 'failed' } | null>(
    'email_mark_failed',
    { p_id: message.id, p_token: message.token, p_error: reason, p_permanent: permanent },
    SERVICE,
  );
  if (!marked) return 'lost';
  return marked.status === 'failed' ? 'failed' : 'retried';
}

async function deliver(message: Claimed, sender: Sender, templates: TemplateRegistry): Promise<Outcome> {
  const rendering = await renderEmail(templates, message.template, message.payload);
  if (!rendering.ok) return fail(message, rendering.reason, true);
  try {
    await sender.send({ id: message.id, token: message.token, template: message.template, to: message.recipient, rendered: rendering.rendered });
  } catch (error) {
    return fail(message, String((error as Error)?.message ?? error), error instanceof PermanentEmailError);
  }
  const marked = await rpc<boolean>('email_mark_sent', { p_id: message.id, p_token: message.token }, SERVICE);
  return marked ? 'sent' : 'lost';
}

/**
 * Claims due outbox messages, renders and sends each, and records the outcome, until none is due (or the
 * budget is spent). Safe to run from several processes at once: claims never overlap.
 */
export async function drain(options: DrainOptions = {}): Promise<DrainCounts> {
  const sender = options.sender ?? senderFromEnvironment();
  const templates = options.templates ?? TEMPLATES;
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const counts: DrainCounts = { claimed: 0, sent: 0, retried: 0, failed: 0, lost: 0 };
  while (Date.now() < deadline) {
    const claimed = await rpc<Claimed[]>(
      'email_claim',
      { p_limit: options.batch ?? 5, p_lease_seconds: options.leaseSeconds ?? 300, p_ids: options.ids ?? null },
      SERVICE,
    );
    if (claimed.length === 0) break;
    counts.claimed += claimed.length;
    for (const message of claimed) counts[await deliver(message, sender, templates)] += 1;
  }
  return counts;
}
