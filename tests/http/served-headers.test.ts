import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/http/headers.ts';
import { expectStrictCsp } from '../support/csp.ts';
import { request } from '../support/http.ts';

describe('served build', () => {
  it('answers /api/health with the database status', async () => {
    const reply = await request('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('sends the security headers on pages, static files, functions and errors, and no cookies', async () => {
    // On-demand pages, a prerendered page, functions, errors, and a static file (netlify.toml's policy).
    const paths = ['/', '/encuestas/oferta-de-servicios', '/datos-personales', '/accesibilidad', '/api/plan', '/api/surveys/no-existe', '/no-existe', '/visitas.js'];
    for (const path of paths) {
      const reply = await request(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (name !== 'Content-Security-Policy') expect(reply.headers.get(name), `${name} on ${path}`).toBe(value);
      }
      if (path === '/visitas.js') expect(reply.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[^']+';.*frame-ancestors 'none'/);
      else expectStrictCsp(reply, path);
      expect(reply.headers.get('set-cookie'), `cookie on ${path}`).toBeNull();
    }
  });

  it('answers functions with the strict policy itself, and compresses what it sends', async () => {
    const reply = await request('/api/plan', { headers: { 'accept-encoding': 'gzip' } });
    expect(reply.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    const page = await fetch(`${process.env.PARTICIPA_URL}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
  });

  it('sends Brotli to browsers that take it, as Netlify does: the same page, fewer bytes', async () => {
    const url = `${process.env.PARTICIPA_URL}/resultados/oferta-de-servicios`;
    // node:http, not fetch: fetch would undo the encoding this test looks at.
    const raw = (encoding: string) =>
      new Promise<{ encoding?: string; vary: string; bytes: Buffer }>((resolve, reject) => {
        get(url, { headers: { 'accept-encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ encoding: response.headers['content-encoding'], vary: String(response.headers.vary), bytes: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const [br, gzip] = await Promise.all([raw('gzip, deflate, br'), raw('gzip')]);
    expect(br.encoding).toBe('br');
    expect(br.vary).toMatch(/accept-encoding/i);
    expect(gzip.encoding).toBe('gzip');
    expect(brotliDecompressSync(br.bytes).toString()).toBe(gunzipSync(gzip.bytes).toString());
    expect(br.bytes.length).toBeLessThan(gzip.bytes.length);
  });

  it('answers unknown pages with 404', async () => {
    expect((await request('/no-existe')).status).toBe(404);
  });
});
