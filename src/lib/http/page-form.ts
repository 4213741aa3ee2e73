import type { Result } from '../result.ts';
import { clientHash } from '../fingerprints.ts';
import { readBody } from './body.ts';
import { MESSAGES } from '../error-messages.ts';
import { STATUS } from './errors.ts';
import { unlessUnavailable } from './outage.ts';
import { idempotencyKey } from './request-identity.ts';

export type PageFormMeta = { client: string; idempotencyKey: string | null };

/** What a page that posts to itself shows next: the value (to redirect), or its form again with the errors. */
export type PageFormOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; values: Record<string, string>; errors: Record<string, string> };

const asText = (value: unknown) => (Array.isArray(value) ? String(value.at(-1) ?? '') : value === undefined ? '' : String(value));

/**
 * The no-JavaScript form of a page posting to itself: the same body parsing, idempotency key (the form's
 * hidden `idempotencyKey`) and client hash as the API, the same use case, and on failure the posted
 * values and one message per field to render the form again.
 */
export async function handlePageForm<T>(
  request: Request,
  clientIp: string,
  run: (data: Record<string, unknown>, meta: PageFormMeta) => Promise<Result<T>>,
): Promise<PageFormOutcome<T>> {
  const body = await readBody(request);
  if (!body.ok) return { ok: false, status: STATUS[body.error.code], values: {}, errors: { ...body.error.fields, form: body.error.message ?? MESSAGES[body.error.code] } };
  const { idempotencyKey: formKey, ...data } = body.value.data;
  const values = Object.fromEntries(Object.entries(body.value.data).map(([k, v]) => [k, asText(v)]));
  const key = idempotencyKey(request, formKey);
  const result = await unlessUnavailable(run(data, { client: clientHash(clientIp), idempotencyKey: key.ok ? key.value : null }));
  if (result.ok) return { ok: true, value: result.value };
  const { error } = result;
  const errors: Record<string, string> = { ...(error.fields ?? {}) };
  errors.form = error.message ?? MESSAGES[error.code];
  return { ok: false, status: STATUS[error.code], values, errors };
}

/** The caller's address as Astro knows it; some hosts cannot tell, and the rate limit then groups those. */
export function clientAddressOf(astro: { clientAddress: string }): string {
  try {
    return astro.clientAddress;
  } catch {
    return 'unknown';
  }
}
