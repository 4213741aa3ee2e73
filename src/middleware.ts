import { defineMiddleware } from 'astro:middleware';
import { withSecurityHeaders } from './lib/http/headers.ts';
import { RETRY_AFTER_SECONDS } from './lib/http/outage.ts';

// On Netlify, netlify.toml's [[headers]] reach static files only; on-demand pages get them here.
// While the database is away: the error page (500.astro marks it with Retry-After) is a 503, and a form
// shown again with the message (503) says when to try again, as the API does.
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = withSecurityHeaders(await next());
  if (response.status === 500 && response.headers.has('Retry-After')) {
    return new Response(response.body, { status: 503, headers: response.headers });
  }
  if (response.status === 503 && !response.headers.has('Retry-After')) response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
  return response;
});
