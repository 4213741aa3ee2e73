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

  it('answers unknown pages with 404', async () => {
    expect((await request('/no-existe')).status).toBe(404);
  });
});
