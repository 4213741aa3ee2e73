import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { Result } from '../../src/lib/result.ts';
import { DATABASE_URL } from '../support/env.ts';
import { bookingArgs, createAdvisor, createSlots, holders, placeholderBooking } from './fixture.ts';

// Many connections at once, as many function instances would hold: the cluster allows 400.
const CONNECTIONS = 80;
const store = createPostgresStore(DATABASE_URL, { max: CONNECTIONS, deadlineMs: 120_000 });
const raw = postgres(DATABASE_URL, { max: CONNECTIONS, onnotice: () => {} });

afterAll(async () => {
  await store.close();
  await raw.end({ timeout: 5 });
});

type Attempt = Result<{ code: string; secret: string }>;

const stampede = <T>(count: number, attempt: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => attempt(i)));
const codes = (results: Result<unknown>[]) => results.map((r) => (r.ok ? 'ok' : r.error.code));

/** "Each slot held once": shared by the real claim and the control, so the control proves it can fail. */
function expectOneBookingPerSlot(results: Result<unknown>[], slots: number, claimsPerSlot: Map<string, number>) {
  const c = codes(results);
  expect(c.filter((x) => x !== 'ok' && x !== 'slot_taken')).toEqual([]);
  expect(c.filter((x) => x === 'ok').length).toBe(slots);
  expect(c.filter((x) => x === 'slot_taken').length).toBe(results.length - slots);
  expect([...claimsPerSlot.values()].every((n) => n === 1)).toBe(true);
}

describe('slot claims under load (real PostgreSQL)', () => {
  it('1,000 simultaneous bookings over 10 slots book exactly 10; every other one is slot_taken', async () => {
    const advisor = await createAdvisor();
    const slots = await createSlots(advisor.id, 10);
    const results = await stampede(1000, (i) => store.rpc<Attempt>('book_advisory_slot', bookingArgs(slots[i % 10])));
    const held = await holders(slots);
    const perSlot = new Map([...held].map(([id, h]) => [id, h.active]));
    expectOneBookingPerSlot(results, 10, perSlot);
    expect([...held.values()].every((h) => h.bookingId !== null)).toBe(true);
    const [{ bookings, mails, consents }] = await raw`
      select (select count(*) from public.advisory_bookings where advisor_id = ${advisor.id})::int as bookings,
             (select count(*) from private.email_outbox o join public.advisory_bookings b on o.dedupe_key = 'advisory-booked:' || b.code
              where b.advisor_id = ${advisor.id})::int as mails,
             (select count(*) from private.consents c join public.advisory_bookings b on b.consent_id = c.id
              where b.advisor_id = ${advisor.id})::int as consents`;
    expect({ bookings, mails, consents }).toEqual({ bookings: 10, mails: 10, consents: 10 });
  }, 120_000);

  it('catches a read-then-write claim: the same harness sees a slot booked twice', async () => {
    const advisor = await createAdvisor();
    const slots = await createSlots(advisor.id, 10);
    const claims = new Map(slots.map((id) => [id, 0]));
    const writes = new Map(await Promise.all(slots.map(async (id) => [id, await placeholderBooking(id)] as const)));
    // The mistake the conditional update exists to avoid: read "free", decide in the application, write.
    const naive = (slotId: string): Promise<Result<unknown>> =>
      raw.begin(async (tx) => {
        const [{ booking_id }] = await tx`select booking_id from public.advisory_slots where id = ${slotId}`;
        if (booking_id) return { ok: false, error: { code: 'slot_taken' } } as Result<unknown>;
        await new Promise((decided) => setTimeout(decided, 5)); // the application deciding, a round trip away
        await tx`update public.advisory_slots set booking_id = ${writes.get(slotId)!} where id = ${slotId}`;
        claims.set(slotId, (claims.get(slotId) ?? 0) + 1);
        return { ok: true, value: null } as Result<unknown>;
      });
    const results = await stampede(1000, (i) => naive(slots[i % 10]));
    expect(codes(results).filter((c) => c === 'ok').length).toBeGreaterThan(10);
    expect(() => expectOneBookingPerSlot(results, 10, claims)).toThrow();
  }, 120_000);

  it('simultaneous reschedules into one slot: exactly one wins, every loser keeps its own slot', async () => {
    const advisor = await createAdvisor();
    const [target, ...own] = await createSlots(advisor.id, 21);
    const booked: { code: string; secret: string }[] = [];
    for (const slot of own) {
      const r = await store.rpc<Attempt>('book_advisory_slot', bookingArgs(slot));
      if (!r.ok) throw new Error(r.error.code);
      booked.push(r.value);
    }
    const results = await Promise.all(
      booked.map((b, i) => store.rpc<Result<unknown>>('reschedule_advisory_booking', { p_code: b.code, p_secret: b.secret, p_slot_id: target, p_client: `move-${i}` })),
    );
    expect(codes(results).filter((c) => c === 'ok').length).toBe(1);
    expect(codes(results).filter((c) => c === 'slot_taken').length).toBe(19);
    const held = await holders([target, ...own]);
    expect(held.get(target)).toMatchObject({ active: 1 });
    // Never both, never none: 20 bookings hold exactly 20 slots, one each.
    const heldSlots = [...held.values()].filter((h) => h.bookingId !== null);
    expect(heldSlots.length).toBe(20);
    expect(new Set(heldSlots.map((h) => h.bookingId)).size).toBe(20);
    expect([...held.values()].every((h) => h.active === (h.bookingId ? 1 : 0))).toBe(true);
  }, 120_000);

  it('cancellations and bookings racing on the same slots never leave a slot held twice or a booking without its slot', async () => {
    const advisor = await createAdvisor();
    const slots = await createSlots(advisor.id, 10);
    const first = await Promise.all(slots.map((s) => store.rpc<Attempt>('book_advisory_slot', bookingArgs(s))));
    const cancels = first.map((r, i) => (r.ok ? store.rpc<Result<unknown>>('cancel_advisory_booking', { p_code: r.value.code, p_secret: r.value.secret, p_client: `c-${i}` }) : null));
    const rebook = stampede(200, (i) => store.rpc<Attempt>('book_advisory_slot', bookingArgs(slots[i % 10])));
    const [cancelled] = await Promise.all([Promise.all(cancels), rebook]);
    expect(cancelled.every((r) => r?.ok)).toBe(true);
    const held = await holders(slots);
    expect([...held.values()].every((h) => h.active === (h.bookingId ? 1 : 0))).toBe(true);
    const [{ orphans }] = await raw`
      select count(*)::int as orphans from public.advisory_bookings b
      where b.advisor_id = ${advisor.id} and b.status = 'booked'
        and not exists (select from public.advisory_slots s where s.id = b.slot_id and s.booking_id = b.id)`;
    expect(orphans).toBe(0);
  }, 120_000);
});
