import { randomUUID } from 'node:crypto';
import type { Context } from '@netlify/functions';
import { errorResponse } from './respond.ts';

export type Handler = (request: Request, context: Context) => Promise<Response>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One entry point per function: 405 with Allow for other methods, and any unexpected failure becomes a
 * 500 with the contract's body and a request id — the stack goes to the log, never to the client.
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
      console.error(JSON.stringify({ level: 'error', requestId, path: new URL(request.url).pathname, error: String((error as Error)?.stack ?? error) }));
      return errorResponse({ code: 'internal' }, { 'X-Request-Id': requestId });
    }
  };
}
