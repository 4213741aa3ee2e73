import { randomUUID } from 'node:crypto';
import type { Context } from '@netlify/functions';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { errorResponse } from './respond.ts';

export type Handler = (request: Request, context: Context) => Promise<Response>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One entry point per function: 405 with Allow for other methods, and any unexpected failure becomes a
 * 500 with the contract's body and a request id — the stack goes to the log, never to the client. A database
 * that cannot answer is not a fault of ours nor of the request: 503 `unavailable` with Retry-After, here
 * once for every endpoint.
 */
export function endpoint(methods: Partial<Record<Method, Handler>>): Handler {
  const allow = Object.keys(methods).join(', ');
  return async (request, context) => {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const handler = methods[method as Method];
    if (!handler) return errorResponse({ code: 'method_not_allowed' }, { Allow: allow });
    try {
      return await handler(request, context);
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
