/**
 * The rate-limit buckets (private.rate_limit_rules) that the public POST endpoints count against, one
 * per endpoint: each endpoint names the one its SQL write function hits, keyed per client.
 */
export const PUBLIC_RATE_BUCKETS = [
  'survey_response',
  'ticket_registration',
  'ticket_cancel',
  'waitlist_join',
  'waitlist_claim',
  'advisory_booking',
  'advisory_change',
  'hearing_question',
  'subscription',
  'subscription_token',
  'personal_data_request',
  'personal_data_token',
] as const;
export type RateBucket = (typeof PUBLIC_RATE_BUCKETS)[number];

/**
 * How long a client the note refuses waits for its 429. Refusing costs no database round trip, so a
 * client looping as fast as the answers come would otherwise take this process's whole CPU, and the
 * other citizens' requests would queue behind its refusals; held back, 30 requests in flight make at
 * most 60 a second, and the pause costs a timer.
 */
export const REFUSAL_PAUSE_MS = 500;

/** Enough for every client of a busy flood; an entry is a few dozen bytes. */
export const NOTE_CAPACITY = 10_000;

/**
 * This process's note of clients the database has just refused, and until when. A client over its
 * limit is then refused before the database, so a flood costs the others no round trips. The SQL limit
 * stays the authority: another instance, or this one after a restart or an eviction, only asks it again.
 * Refused hits are not counted in SQL, so nothing the note refuses would have been allowed there.
 */
export class RateLimitNote {
  /** Key → epoch ms until which the client is refused. Insertion order is close to expiry order. */
  private readonly until = new Map<string, number>();

  constructor(private readonly capacity = NOTE_CAPACITY) {}

  /** Seconds left (at least 1) if the client is known to be over the bucket's limit, else null. */
  retryAfter(bucket: RateBucket, client: string, now = Date.now()): number | null {
    const key = `${bucket} ${client}`;
    const until = this.until.get(key);
    if (until === undefined) return null;
    if (until <= now) {
      this.until.delete(key);
      return null;
    }
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  /** The database refused the client for `seconds` (its Retry-After). */
  refused(bucket: RateBucket, client: string, seconds: number, now = Date.now()): void {
    const key = `${bucket} ${client}`;
    this.until.delete(key);
    this.until.set(key, now + seconds * 1000);
    // Expired entries sit mostly at the front; past the capacity the oldest goes, live or not (its
    // client is merely asked of the database again).
    for (const [oldest, until] of this.until) {
      if (until > now && this.until.size <= this.capacity) break;
      this.until.delete(oldest);
    }
  }

  get size(): number {
    return this.until.size;
  }
}
