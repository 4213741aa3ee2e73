import { randomUUID } from 'node:crypto';
import type { Context } from '@netlify/functions';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { DomainError } from '../result.ts';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../validation.ts';
import { errorResponse } from './respond.ts';

export type Handler = (request: Request, context: Context) => Promise<Response>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * Text in the address PostgreSQL could not store: a path segment with it names nothing that can exist
 * (404), a query parameter with it is a bad value (422). Checked before any handler passes it to SQL.
 */
export function unstorableAddress(url: URL): DomainError | null {
  if (!url.pathname.split('/').every((segment) => isStorableText(decoded(segment)))) return { code: 'not_found' };
  const bad = [...url.searchParams].filter(([name, value]) => !isStorableText(name + value));
  return bad.length > 0 ? { code: 'validation_failed', fields: Object.fromEntries(bad.map(([name]) => [name, UNSTORABLE_TEXT_MESSAGE])) } : null;
}

/**
 * The guard of every function: text the database cannot store never gets past the address, and any
 * unexpected failure becomes a 500 with the contract's body and a request id — the stack goes to the log,
 * never to the client. A database that cannot answer is not a fault of ours nor of the request: 503
 * `unavailable` with Retry-After, here once for every endpoint.
 */
export function guarded(handler: Handler): Handler {
  return async (request, context) => {
    try {
      const problem = unstorableAddress(new URL(request.url));
      return problem ? errorResponse(problem) : await handler(request, context);
    } catch (error) {
      const requestId = context?.requestId || randomUUID();
      const path = new URL(request.url).pathname;
      if (isDatabaseUnavailable(error)) {
        console.warn(JSON.stringify({ level: 'warn', requestId, path, error: error.message }));
        return errorResponse({ code: 'unavailable' }, { 'X-Request-Id': requestId });
      }
      console.error(JSON.stringify({ level: 'error', requestId, path, error: String((error as Error)?.stack ?? error) }));
      return errorResponse({ code: 'internal' }, { 'X-Request-Id': requestId });
    }
  };
}

/** HEAD is answered as GET (without its body, by the server). */
export const methodOf = (request: Request): string => (request.method === 'HEAD' ? 'GET' : request.method);

/** One entry point per function: 405 with Allow for other methods. */
export function endpoint(methods: Partial<Record<Method, Handler>>): Handler {
  const allow = Object.keys(methods).join(', ');
  return guarded(async (request, context) => {
    const handler = methods[methodOf(request) as Method];
    if (!handler) return errorResponse({ code: 'method_not_allowed' }, { Allow: allow });
    return handler(request, context);
  });
}
