import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono, type Context as HonoContext } from 'hono';
import { pathMatcher } from '../../src/lib/http/path-pattern.ts';
import { errorResponse } from '../../src/lib/http/respond.ts';
import { compress } from './compress.ts';
import { loadFunctions, type NetlifyHandler } from './functions.ts';
import { headersFor, loadHeaderRules } from './netlify-headers.ts';
import { staticFile } from './static-files.ts';

/** `afterWrite` runs after a function answers a write (the e-mail sender's nudge). */
type Options = { root: string; trustClientIpHeader: boolean; afterWrite?: () => void };

function clientIp(c: HonoContext, trustHeader: boolean): string {
  // Behind Netlify or a proxy the client address arrives in this header; tests use it to act as many clients.
  const forwarded = trustHeader ? c.req.header('x-nf-client-connection-ip') : undefined;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } })?.incoming;
  return forwarded ?? incoming?.socket?.remoteAddress ?? 'unknown';
}

function netlifyContext(c: HonoContext, params: Record<string, string>, trustHeader: boolean) {
  return { params, ip: clientIp(c, trustHeader), requestId: randomUUID(), geo: {}, site: {}, deploy: {}, server: { region: 'local' } };
}

/**
 * The local and self-hosting server: static `dist/`, the same Netlify functions at their `config.path`,
 * the Astro adapter's SSR function for on-demand pages, and netlify.toml's headers on everything.
 */
export async function createApp({ root, trustClientIpHeader, afterWrite }: Options): Promise<Hono> {
  const rules = await loadHeaderRules(root);
  const functions = await loadFunctions(root);
  const ssr = (await import(pathToFileURL(join(root, '.netlify', 'v1', 'functions', 'ssr', 'ssr.mjs')).href)).default as NetlifyHandler;
  const publishDir = join(root, 'dist');
  // Like Netlify, a trailing slash reaches the same function: `/api/health/` is `/api/health`.
  const app = new Hono({ strict: false });
  // Netlify's CDN compresses; a self-hosted portal must too, or a phone on a slow connection waits for every byte.
  app.use('*', compress());

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headersFor(rules, c.req.path))) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  });

  for (const fn of functions) {
    // Netlify's `excludedPath`: those addresses belong to another function (or the pages), not this one.
    const excluded = pathMatcher(fn.excludedPaths);
    for (const path of fn.paths) {
      app.all(path, async (c, next) => {
        if (excluded(c.req.path)) return next();
        const response = await fn.handler(c.req.raw, netlifyContext(c, c.req.param() as Record<string, string>, trustClientIpHeader));
        if (afterWrite && c.req.method === 'POST' && response.status < 400) afterWrite();
        return response;
      });
    }
  }

  // An /api/ address no function serves gets the contract's JSON 404 whatever the method, before the pages
  // could refuse a cross-site form in text. On Netlify, the pages' middleware answers it (src/middleware.ts).
  app.all('/api', () => errorResponse({ code: 'not_found' }));
  app.all('/api/*', () => errorResponse({ code: 'not_found' }));

  app.all('*', async (c) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const file = await staticFile(publishDir, c.req.path);
      if (file) return file;
    }
    return ssr(c.req.raw, netlifyContext(c, {}, trustClientIpHeader));
  });
  return app;
}
