import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { Result } from '../../src/lib/result.ts';
import { DATABASE_URL } from '../support/env.ts';
import { createEvent, registrationArgs, seatAccount } from './fixture.ts';

// Many connections at once, as many function instances would hold: the cluster allows 400.
const CONNECTIONS = 80;
const store = createPostgresStore(DATABASE_URL, { max: CONNECTIONS, deadlineMs: 120_000 });
const raw = postgres(DATABASE_URL, { max: CONNECTIONS, onnotice: () => {} });

afterAll(async () => {
  await store.close();
  await raw.end({ timeout: 5 });
});

type Claim = Result<unknown>;

/** Fires every attempt at once and waits for all of them. */
const stampede = (count: number, attempt: (i: number) => Promise<Claim>) => Promise.all(Array.from({ length: count }, (_, i) => attempt(i)));

function tally(results: Claim[]) {
  const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
  return { ok: codes.filter((c) => c === 'ok').length, soldOut: codes.filter((c) => c === 'sold_out').length, other: codes.filter((c) => c !== 'ok' && c !== 'sold_out') };
}

/** What "no seat handed out twice" means for one stampede; shared by the real claim and the control. */
function expectExactlyCapacity(results: Claim[], capacity: number, remaining: number) {
  const counts = tally(results);
  expect(counts.other).toEqual([]);
  expect(counts.ok).toBe(capacity);
  expect(counts.soldOut).toBe(results.length - capacity);
  expect(remaining).toBe(0);
}

describe('seat claims under load (real PostgreSQL)', () => {
  it('2,000 simultaneous registrations for 100 seats register exactly 100; every other one is sold_out', async () => {
    const event = await createEvent({ capacity: 100 });
    const results = await stampede(2000, () => store.rpc<Claim>('register_for_event', registrationArgs(event.slug)));
    const account = await seatAccount(event.id);
    expectExactlyCapacity(results, 100, account.remaining);
    expect(account.taken).toBe(100);
    const [{ count }] = await raw`select count(*)::int as count from public.event_registrations where event_id = ${event.id}`;
    expect(count).toBe(100);
    const [{ mails }] = await raw`select count(*)::int as mails from private.email_outbox where template = 'ticket' and payload -> 'event' ->> 'slug' = ${event.slug}`;
    expect(mails).toBe(100);
  }, 120_000);

  it('catches a read-then-write claim: the same harness sees it oversell', async () => {
    const event = await createEvent({ capacity: 100 });
    // The mistake this capability exists to avoid: read the count, decide in the application, write it back.
    const naiveClaim = (): Promise<Claim> =>
      raw.begin(async (tx) => {
        const [{ remaining }] = await tx`select remaining from public.events where id = ${event.id}`;
        if (remaining < 1) return { ok: false, error: { code: 'sold_out' } } as Claim;
        await tx`update public.events set remaining = ${remaining - 1} where id = ${event.id}`;
        return { ok: true, value: null } as Claim;
      });
    const results = await stampede(2000, naiveClaim);
    const { remaining } = await seatAccount(event.id);
    expect(tally(results).ok).toBeGreaterThan(100);
    expect(() => expectExactlyCapacity(results, 100, remaining)).toThrow();
  }, 120_000);

  it('never lets remaining leave 0…capacity while cancellations and registrations race', async () => {
    const event = await createEvent({ capacity: 50, maxPerRegistration: 2 });
    const tickets: { code: string; cancelSecret: string }[] = [];
    for (let i = 0; i < 25; i += 1) {
      const r = await store.rpc<Result<{ code: string; cancelSecret: string }>>('register_for_event', registrationArgs(event.slug, { p_quantity: 2 }));
      if (!r.ok) throw new Error(r.error.code);
      tickets.push(r.value);
    }
    expect((await seatAccount(event.id)).remaining).toBe(0);

    const samples: number[] = [];
    let racing = true;
    const sampler = (async () => {
      while (racing) {
        const [{ remaining }] = await raw`select remaining from public.events where id = ${event.id}`;
        samples.push(remaining);
      }
    })();
    const cancels = tickets.flatMap((t) => [1, 1].map(() => store.rpc<Claim>('cancel_registration', { p_code: t.code, p_secret: t.cancelSecret, p_quantity: 1, p_client: `c-${t.code}` })));
    const registrations = Array.from({ length: 400 }, () => store.rpc<Claim>('register_for_event', registrationArgs(event.slug, { p_quantity: 1 + Math.floor(Math.random() * 2) })));
    const [cancelled, registered] = await Promise.all([Promise.all(cancels), Promise.all(registrations)]);
    racing = false;
    await sampler;

    expect(cancelled.every((r) => r.ok)).toBe(true);
    expect(tally(registered).other).toEqual([]);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.every((s) => s >= 0 && s <= 50)).toBe(true);
    const account = await seatAccount(event.id);
    expect(account.remaining + account.taken + account.held).toBe(50);
    expect(account.remaining).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('keeps every seat accounted for while cancellations feed a waiting list that claims, lapses and registers at once', async () => {
    const event = await createEvent({ capacity: 30 });
    const tickets: { code: string; cancelSecret: string }[] = [];
    for (let i = 0; i < 30; i += 1) {
      const r = await store.rpc<Result<{ code: string; cancelSecret: string }>>('register_for_event', registrationArgs(event.slug));
      if (!r.ok) throw new Error(r.error.code);
      tickets.push(r.value);
    }
    const waiting = Array.from({ length: 40 }, (_, i) => `fila${i}.${event.slug}@example.co`);
    for (const email of waiting) {
      await store.rpc('join_waitlist', { p_slug: event.slug, p_full_name: 'Persona en Fila', p_email: email, p_quantity: 1, p_consent: true, p_client: email });
    }
    // Claims race the cancellations that create their offers; some offers lapse mid-race.
    const claimAll = async () => {
      const rows = await raw`select payload ->> 'token' as token from private.email_outbox where template = 'waitlist-offer' and payload -> 'event' ->> 'slug' = ${event.slug}`;
      return Promise.all(rows.map((r, i) => store.rpc<Claim>('claim_waitlist_offer', {
        p_token: r.token, p_document_type: 'CC', p_document_id: String(90_000_000 + i + Math.floor(Math.random() * 1e6)), p_phone: null, p_consent: true, p_client: `claim-${i}`,
      })));
    };
    const lapse = () => raw`update public.event_waitlist_offers set offered_at = now() - interval '3 hours', expires_at = now() - interval '1 hour' where event_id = ${event.id} and status = 'held' and id % 3 = 0`;
    const outcomes = await Promise.all([
      ...tickets.map((t) => store.rpc<Claim>('cancel_registration', { p_code: t.code, p_secret: t.cancelSecret, p_client: `c-${t.code}` })),
      ...Array.from({ length: 100 }, () => store.rpc<Claim>('register_for_event', registrationArgs(event.slug))),
      claimAll(), lapse().then(() => store.rpc('expire_waitlist_offers')), claimAll(),
    ]);
    // Promise.all would reject on a deadlock or a broken constraint; every answer is a contract outcome.
    const answers = outcomes.flat().filter((o): o is Claim => !!o && typeof o === 'object' && 'ok' in o);
    expect(answers.filter((a) => !a.ok && !['sold_out', 'closed'].includes(a.error.code))).toEqual([]);
    await store.rpc('expire_waitlist_offers');
    const account = await seatAccount(event.id);
    expect(account.remaining).toBeGreaterThanOrEqual(0);
    expect(account.remaining + account.taken + account.held).toBe(30);
  }, 120_000);
});
