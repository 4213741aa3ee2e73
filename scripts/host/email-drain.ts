import { drain, type DrainCounts } from '../../src/lib/email/drain.ts';
import { purgeEmail } from '../../src/lib/email/purge.ts';
import { activeSenderKind } from '../../src/lib/email/active-sender.ts';

export type EmailDrain = { nudge(): void; stop(): Promise<void> };

// A burst of writes coalesces into one drain this long after the first of them.
const NUDGE_DELAY_MS = 200;
const PURGE_EVERY_MS = 60_000;

function report(counts: DrainCounts) {
  if (counts.claimed === 0) return;
  const where = activeSenderKind() === 'local' ? ' (buzón local: /staff/correo)' : '';
  console.log(`Correo: ${counts.sent} enviados, ${counts.retried} por reintentar, ${counts.failed} fallidos${where}.`);
}

/**
 * The local host's sender (Netlify runs functions/email-sender.ts instead): a drain every `intervalSeconds`,
 * plus a nudge after each write a function answers, so a ticket's e-mail arrives within a moment. Runs never
 * overlap in this process; the database keeps concurrent senders apart anyway.
 */
export function startEmailDrain(intervalSeconds: number): EmailDrain {
  let timer: NodeJS.Timeout | undefined;
  let nudged = false;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let lastPurge = 0;

  async function run() {
    try {
      report(await drain());
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        await purgeEmail();
        lastPurge = Date.now();
      }
    } catch (error) {
      console.error(`Correo: el envío falló y se reintentará (${(error as Error)?.message ?? error}).`);
    }
  }

  function schedule(delayMs: number, nudge: boolean) {
    clearTimeout(timer);
    nudged = nudge;
    timer = setTimeout(async () => {
      timer = undefined;
      nudged = false;
      running = run();
      await running;
      running = undefined;
      if (stopped) return;
      // A write answered during the run may have committed after its claim: drain again soon.
      if (again) schedule(NUDGE_DELAY_MS, true);
      else schedule(intervalSeconds * 1000, false);
      again = false;
    }, delayMs);
  }

  schedule(0, false);
  return {
    nudge() {
      if (stopped || nudged) return;
      if (running) again = true;
      else schedule(NUDGE_DELAY_MS, true);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
