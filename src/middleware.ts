import { defineMiddleware } from 'astro:middleware';
import { unstorableAddress } from './lib/http/endpoint.ts';
import { withSecurityHeaders } from './lib/http/headers.ts';
import { errorResponse } from './lib/http/respond.ts';

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

// On Netlify, netlify.toml's [[headers]] reach static files only; on-demand pages get them here.
export const onRequest = defineMiddleware(async (context, next) => {
  // functions/api-not-found.ts answers unknown /api/ addresses; one that still reaches the pages (a
  // trailing slash, say) gets the same JSON 404, not the HTML page.
  if (isApi(context.url.pathname)) return errorResponse({ code: 'not_found' });
  // A page address carrying text the database cannot store names nothing that exists.
  const page = unstorableAddress(context.url) ? context.rewrite('/404') : next();
  return withSecurityHeaders(await page);
});
