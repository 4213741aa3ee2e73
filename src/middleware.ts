import { defineMiddleware } from 'astro:middleware';
import { withSecurityHeaders } from './lib/http/headers.ts';

// On Netlify, netlify.toml's [[headers]] reach static files only; on-demand pages get them here.
export const onRequest = defineMiddleware(async (_context, next) => withSecurityHeaders(await next()));
