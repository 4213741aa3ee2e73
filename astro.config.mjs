// @ts-check
import { defineConfig } from 'astro/config';
import netlify from '@astrojs/netlify';
import preact from '@astrojs/preact';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  // Astro 7: static by default; pages that read the database opt out with `export const prerender = false`.
  adapter: netlify({
    devFeatures: { edgeFunctions: false, environmentVariables: true, images: false },
  }),
  integrations: [preact()],
  build: {
    // Our CSP allows styles only from files; never inline them into <style> tags.
    inlineStylesheets: 'never',
  },
  // Astro 7 defaults to JSX whitespace rules, which drop the space in "texto\n<a>enlace</a>".
  // Our pages are prose-heavy Spanish text, so use the lossless HTML compression instead.
  compressHTML: true,
  devToolbar: { enabled: false },
});
