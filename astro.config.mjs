// @ts-check
import { defineConfig } from 'astro/config';
import netlify from '@astrojs/netlify';
import preact from '@astrojs/preact';
import { BEACON_LOADER_HASH } from './src/lib/monitoring/beacon.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  // Astro 7: static by default; pages that read the database opt out with `export const prerender = false`.
  adapter: netlify({
    devFeatures: { edgeFunctions: false, environmentVariables: true, images: false },
  }),
  integrations: [preact()],
  build: {
    // Each page carries its CSS in <style> (no render-blocking stylesheet request on a slow connection);
    // the CSP below allows exactly those blocks by their hashes.
    inlineStylesheets: 'always',
  },
  // Astro hashes every inline style and script it emits into the page's CSP: a header on on-demand pages, a
  // <meta> on prerendered ones. frame-ancestors is not said here because a <meta> cannot say it (browsers warn):
  // src/lib/http/headers.ts adds it to every policy header, and netlify.toml's header carries it for files.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        // Staff pages send evidence files straight to the Supabase Storage bucket (signed upload URLs).
        `connect-src 'self'${process.env.SUPABASE_URL ? ` ${new URL(process.env.SUPABASE_URL).origin}` : ''}`,
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
      // The one inline script we write ourselves: the visits beacon's loader (src/lib/monitoring/beacon.ts).
      scriptDirective: { hashes: [BEACON_LOADER_HASH] },
    },
  },
  // Astro 7 defaults to JSX whitespace rules, which drop the space in "texto\n<a>enlace</a>".
  // Our pages are prose-heavy Spanish text, so use the lossless HTML compression instead.
  compressHTML: true,
  devToolbar: { enabled: false },
});
