import { setTimeout } from 'node:timers/promises';
import type { Context } from '@netlify/functions';
import { clientHash } from '../fingerprints.ts';
import { fail, type DomainError, type Result } from '../result.ts';
import { readBody } from './body.ts';
import { ClientSlots } from './client-slots.ts';
import { unlessUnavailable } from './outage.ts';
import { RateLimitNote, REFUSAL_PAUSE_MS, type RateBucket } from './rate-limit-note.ts';
import { idempotencyKey } from './request-identity.ts';
import { errorResponse, json, seeOther } from './respond.ts';

/**
 * A posted value a redirect carries back (the ticket's secret, the link's token, the chosen topic); one longer
 * than any real one is dropped, so a hostile body cannot make a Location header clients refuse to read.
 */
export const echoed = (value: unknown): string => (typeof value === 'string' && value.length <= 200 ? value : '');

export type PostMeta = { client: string; idempotencyKey: string | null };

/**
 * Where a no-JS form goes after the write: the confirmation page, or back to the form with the error.
 * Both see the posted fields too (e.g. the ticket secret a cancel form carries back to the ticket page).
 */
export type FormRedirects<T> = {
  success: (value: T, data: Record<string, unknown>) => string;
  failure: (error: DomainError, data: Record<string, unknown>) => string;
};

const limited = new RateLimitNote();
const slots = new ClientSlots();

/**
 * Shared steps of every public POST: body (JSON or form, ≤ 64 KB), Idempotency-Key (header, or the form's
 * hidden `idempotencyKey` so a double-clicked form writes once) and the hashed client for rate limits.
 * `bucket` is the rate limit the use case's SQL function counts against: a client it refused is refused
 * here, before the database, until its Retry-After has passed. Each client's writes take turns for the
 * database (src/lib/http/client-slots.ts), so a burst the limit has not caught yet cannot fill the pool.
 */
export async function publicPost<T>(
  request: Request,
  context: Pick<Context, 'ip'>,
  bucket: RateBucket,
  run: (data: Record<string, unknown>, meta: PostMeta) => Promise<Result<T>>,
  form: FormRedirects<T>,
  successStatus = 201,
): Promise<Response> {
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.error);
  const { idempotencyKey: formKey, ...data } = body.value.data;
  const key = idempotencyKey(request, body.value.kind === 'form' ? formKey : undefined);
  if (!key.ok) return errorResponse(key.error);
  if (body.value.kind === 'json' && formKey !== undefined) data.idempotencyKey = formKey;
  const client = clientHash(context.ip ?? 'unknown');
  const reply = (result: Result<T>) => {
    if (body.value.kind === 'form') return seeOther(result.ok ? form.success(result.value, data) : form.failure(result.error, data));
    return result.ok ? json(result.value, successStatus) : errorResponse(result.error);
  };
  const refused = async (retryAfter: number) => {
    await setTimeout(REFUSAL_PAUSE_MS);
    return reply(fail({ code: 'rate_limited', retryAfter }));
  };
  const known = limited.retryAfter(bucket, client);
  if (known !== null) return refused(known);
  const release = await slots.acquire(client);
  // A client still waiting after SLOT_WAIT_MS has that many writes in flight: no person does.
  if (!release) return reply(fail({ code: 'rate_limited', retryAfter: 1 }));
  let result: Result<T>;
  try {
    // The database may have refused this client while it waited for its turn (the slot is freed before
    // the refusal's pause: `finally` runs as soon as the return's promise exists).
    const noted = limited.retryAfter(bucket, client);
    if (noted !== null) return refused(noted);
    result = await unlessUnavailable(run(data, { client, idempotencyKey: key.value }));
  } finally {
    release();
  }
  if (!result.ok && result.error.code === 'rate_limited' && result.error.retryAfter) limited.refused(bucket, client, result.error.retryAfter);
  return reply(result);
}
