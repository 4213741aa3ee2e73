import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Netlify's pretty URLs: `/a` serves `a`, `a/index.html` or `a.html` from the publish folder. */
export async function staticFile(publishDir: string, pathname: string): Promise<Response | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  if (safe.includes('\0')) return null;
  const base = join(publishDir, safe);
  if (!base.startsWith(publishDir)) return null;
  for (const candidate of [base, join(base, 'index.html'), `${base}.html`]) {
    if (!(await isFile(candidate))) continue;
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(candidate)] ?? 'application/octet-stream' };
    // Astro fingerprints everything under /_astro/, so it can be cached forever.
    headers['Cache-Control'] = safe.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
    return new Response(await readFile(candidate), { headers });
  }
  return null;
}
