import { defineMiddleware } from 'astro:middleware';
import { unstorableAddress } from './lib/http/endpoint.ts';
import { withSecurityHeaders } from './lib/http/headers.ts';
import { RETRY_AFTER_SECONDS } from './lib/http/outage.ts';
import { errorResponse } from './lib/http/respond.ts';

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

// On Netlify, netlify.toml's [[headers]] reach static files only; on-demand pages get them here.
// While the database is away: the error page (500.astro marks it with Retry-After) is a 503, and a form
// shown again with the message (503) says when to try again, as the API does.
export const onRequest = defineMiddleware(async (context, next) => {
  // An /api/ address no function serves reaches the pages (on Netlify; the local host answers it itself):
  // the contract's JSON 404, not the HTML page.
  if (isApi(context.url.pathname)) return errorResponse({ code: 'not_found' });
  // A page address carrying text the database cannot store names nothing that exists.
  const response = withSecurityHeaders(await (unstorableAddress(context.url) ? context.rewrite('/404') : next()));
  if (response.status === 500 && response.headers.has('Retry-After')) {
    return new Response(response.body, { status: 503, headers: response.headers });
  }
  if (response.status === 503 && !response.headers.has('Retry-After')) response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
  return response;
});
