import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/http/headers.ts';
import { request } from '../support/http.ts';

async function stylesheetPath(): Promise<string> {
  const home = await request('/');
  const match = home.text.match(/href="(\/_astro\/[^"]+\.css)"/);
  expect(match, 'home page links its stylesheet').not.toBeNull();
  return match![1];
}

describe('served build', () => {
  it('answers /api/health with the database status', async () => {
    const reply = await request('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('sends the security headers on pages, static files, functions and errors, and no cookies', async () => {
    const paths = ['/', '/encuestas/oferta-de-servicios', '/datos-personales', '/api/plan', '/api/surveys/no-existe', '/no-existe', await stylesheetPath()];
    for (const path of paths) {
      const reply = await request(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(reply.headers.get(name), `${name} on ${path}`).toBe(value);
      expect(reply.headers.get('set-cookie'), `cookie on ${path}`).toBeNull();
    }
  });

  it('answers unknown pages with 404', async () => {
    expect((await request('/no-existe')).status).toBe(404);
  });
});
