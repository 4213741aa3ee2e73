import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTICIPA_URL } from '../support/env.ts';

const root = resolve(import.meta.dirname, '../..');

function staffLink(env: Record<string, string | undefined>): string {
  const { SITE_URL: _site, PORT: _port, ...rest } = process.env;
  return execFileSync(process.execPath, ['scripts/staff-link.ts', 'admin@agencia.gov.co', 'admin'], { cwd: root, env: { ...rest, ...env }, encoding: 'utf8' }).trim();
}

describe('npm run staff:link', () => {
  it('prints the address the running server listens on, though this terminal knows no PORT', async () => {
    const link = new URL(staffLink({}));
    expect(link.port).toBe(new URL(PARTICIPA_URL).port);
    expect(link.pathname).toBe('/staff/entrar');
    // The link's page only confirms; its form signs in with the token.
    const token = link.searchParams.get('token')!;
    expect(await (await fetch(new URL(`${link.pathname}${link.search}`, PARTICIPA_URL))).text()).toContain(`value="${token}"`);
    const signIn = await fetch(new URL('/api/staff/session', PARTICIPA_URL), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PARTICIPA_URL },
      body: new URLSearchParams({ token }),
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  });

  it('prints SITE_URL when the portal has a public address', () => {
    expect(staffLink({ SITE_URL: 'https://participa.entidad.gov.co/' })).toMatch(/^https:\/\/participa\.entidad\.gov\.co\/staff\/entrar\?token=/);
  });
});
