import type { DomainError, Result } from '../result.ts';
import { errorBody, STATUS } from './errors.ts';
import { withSecurityHeaders } from './headers.ts';
import { RETRY_AFTER_SECONDS } from '../db/unavailable.ts';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return withSecurityHeaders(
    Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } }),
  );
}

export function errorResponse(error: DomainError, headers: Record<string, string> = {}): Response {
  const extra: Record<string, string> =
    error.code === 'rate_limited' ? { 'Retry-After': String(error.retryAfter ?? 60) }
    : error.code === 'unavailable' ? { 'Retry-After': String(RETRY_AFTER_SECONDS) }
    : {};
  return json(errorBody(error), STATUS[error.code], { ...extra, ...headers });
}

// A header carries only visible ASCII: a slug or value with a space, an accent or an emoji is percent-encoded
// here, once for every redirect, instead of failing the response.
const UNSAFE_IN_HEADER = /[^\x21-\x7e]/gu;

export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  const safe = location.replace(UNSAFE_IN_HEADER, (char) => encodeURIComponent(char));
  return withSecurityHeaders(new Response(null, { status: 303, headers: { Location: safe, ...headers } }));
}

export function fromResult<T>(result: Result<T>, successStatus = 200): Response {
  return result.ok ? json(result.value, successStatus) : errorResponse(result.error);
}

/** A CSV download; never cached, since staff exports carry personal data. */
export function csvResponse(filename: string, body: string): Response {
  return withSecurityHeaders(
    new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    }),
  );
}
