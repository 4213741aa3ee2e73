import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_RATE_BUCKETS } from '../../src/lib/http/rate-limit-note.ts';
import { sql, uniqueSlug } from '../support/db.ts';

// A bucket of this file's own (3 hits per 60 s), so nothing here touches the limits other tests count on.
const bucket = uniqueSlug('test_sliding');
const MAX = 3;
const WINDOW = 60;
const start = new Date('2030-01-01T00:00:00Z').getTime();
const at = (seconds: number) => new Date(start + seconds * 1000);

async function hit(client: string, seconds: number): Promise<number> {
  const [row] = await sql`select private.hit_rate_limit_at(${bucket}, ${client}, ${at(seconds)}) as retry`;
  return row.retry;
}

beforeAll(async () => {
  await sql`insert into private.rate_limit_rules (bucket, max_hits, window_seconds) values (${bucket}, ${MAX}, ${WINDOW})`;
});

afterAll(async () => {
  await sql`delete from private.rate_limit_rules where bucket = ${bucket}`;
});

describe('private.hit_rate_limit: a sliding window per bucket and client', () => {
  it('refuses the burst a fixed window would let through at its boundary, and names the second it reopens', async () => {
    const client = uniqueSlug('boundary');
    // The limit spent in the last second of one fixed minute…
    for (let i = 0; i < MAX; i++) expect(await hit(client, 59)).toBe(0);
    // …stays spent in the first seconds of the next: the window slides with the hits.
    expect(await hit(client, 60)).toBe(59);
    expect(await hit(client, 100)).toBe(19);
    expect(await hit(client, 118.5)).toBe(1);
    // Refused hits were not counted: all three leave the window together, 60 s after they came.
    for (let i = 0; i < MAX; i++) expect(await hit(client, 119.5)).toBe(0);
    expect(await hit(client, 119.5)).toBe(60);
  });

  it('never allows more than max_hits in any span of window_seconds to a client hitting every second', async () => {
    const client = uniqueSlug('steady');
    const allowed: number[] = [];
    for (let second = 0; second < 4 * WINDOW; second++) if ((await hit(client, second)) === 0) allowed.push(second);
    for (const from of allowed) expect(allowed.filter((t) => t >= from && t < from + WINDOW).length).toBeLessThanOrEqual(MAX);
    expect(allowed).toHaveLength(4 * MAX); // and it still gets its whole limit, once per window
  });

  it('counts each client apart, and concurrent hits of one client never slip past the limit', async () => {
    const [a, b] = [uniqueSlug('a'), uniqueSlug('b')];
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => hit(i % 2 ? a : b, 0)));
    expect(answers.filter((retry) => retry === 0)).toHaveLength(2 * MAX);
    expect(answers.filter((retry) => retry === WINDOW)).toHaveLength(12 - 2 * MAX);
  });

  it('refuses a client over its limit without waiting for the row its own writes in flight hold', async () => {
    const client = uniqueSlug('held');
    for (let i = 0; i < MAX; i++) expect(await hit(client, 0)).toBe(0);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = sql.begin(async (tx) => {
      await tx`select 1 from private.rate_limit_hits where bucket = ${bucket} and client = ${client} for update`;
      await held;
    });
    try {
      const [row] = await sql.begin(async (tx) => {
        await tx`set local lock_timeout = '1s'`;
        return tx`select private.hit_rate_limit_at(${bucket}, ${client}, ${at(1)}) as retry`;
      });
      expect(row.retry).toBe(WINDOW - 1);
    } finally {
      release();
      await holder;
    }
  });

  it('deletes rows whose hits have all left the window as later hits come in', async () => {
    const old = uniqueSlug('old');
    await sql`select private.hit_rate_limit_at(${bucket}, ${old}, ${new Date('2000-01-01T00:00:00Z')})`;
    expect(await sql`select 1 from private.rate_limit_hits where client = ${old}`).toHaveLength(1);
    await sql`select private.hit_rate_limit(${bucket}, ${uniqueSlug('now')})`;
    expect(await sql`select 1 from private.rate_limit_hits where client = ${old}`).toHaveLength(0);
  });

  it('has a rule for every bucket the public POST endpoints declare', async () => {
    const rules = await sql`select bucket from private.rate_limit_rules where bucket = any(${[...PUBLIC_RATE_BUCKETS]})`;
    expect(rules.map((r) => r.bucket).sort()).toEqual([...PUBLIC_RATE_BUCKETS].sort());
  });
});
