import type { Config } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { withSecurityHeaders } from '../src/lib/http/headers.ts';
import { openApiJson } from '../src/lib/http/openapi/document.ts';

export default endpoint({
  GET: async () =>
    withSecurityHeaders(
      new Response(openApiJson(), {
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
      }),
    ),
});

export const config: Config = { path: '/api/openapi.json' };
