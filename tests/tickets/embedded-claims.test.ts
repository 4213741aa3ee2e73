import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedWithEvent, type EmbeddedTicketServer } from '../../scripts/bench/tickets-embedded.ts';

// The `npm start` default (PGlite behind one socket) over HTTP: it runs one query at a time, so this
// proves the same rules hold there, not speed.
describe('2,000 simultaneous registrations on the embedded default, over HTTP', () => {
  let server: EmbeddedTicketServer;

  beforeAll(async () => {
    server = await startEmbeddedWithEvent(100);
  }, 180_000);

  afterAll(() => server?.stop(), 60_000);

  it('register exactly 100 for 100 seats; every other request is 409 sold_out, retried through any 503', async () => {
    const replies = await Promise.all(
      Array.from({ length: 2000 }, async (_, i) => {
        // The embedded database answers one query at a time: a request still queued at the contract's 3 s
        // bound is told 503 with Retry-After, and the client retries with the same Idempotency-Key, as a
        // browser's form or an API client does. Nothing may be lost or doubled on the way.
        // A connection reset under 2,000 sockets is retried the same way: the key decides what was written.
        for (;;) {
          const response = await fetch(`${server.url}/api/events/${server.slug}/registrations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `carga-${i}`, 'x-nf-client-connection-ip': `10.9.${i % 250}.${Math.floor(i / 250) + 1}` },
            body: JSON.stringify({ fullName: 'Persona de Carga', documentId: String(40_000_000 + i), email: `carga${i}@example.co`, quantity: 1, consent: true }),
          }).catch(() => null);
          const body = response ? await response.json() : null;
          if (response && response.status !== 503) return { status: response.status, code: body?.error?.code as string | undefined };
          if (response) expect(body.error.code).toBe('unavailable');
          await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
        }
      }),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(100);
    expect(replies.filter((r) => r.status === 409 && r.code === 'sold_out')).toHaveLength(1900);
    const event = await (await fetch(`${server.url}/api/events/${server.slug}`)).json();
    expect(event).toMatchObject({ remaining: 0, status: 'sold_out' });
  }, 300_000);
});
