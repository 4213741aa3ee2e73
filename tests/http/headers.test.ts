import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/http/headers.ts';
import { BEACON_LOADER_HASH } from '../../src/lib/monitoring/beacon.ts';

describe('security headers', () => {
  it("netlify.toml sends static files the functions' headers, its CSP allowing only the inline styles a prerendered page pins by hash", () => {
    const config = parse(readFileSync(new URL('../../netlify.toml', import.meta.url), 'utf8')) as { headers: { for: string; values: Record<string, string> }[] };
    const all = config.headers.find((h) => h.for === '/*')!.values;
    const { 'Content-Security-Policy': staticCsp, ...rest } = all;
    const { 'Content-Security-Policy': strictCsp, ...strictRest } = SECURITY_HEADERS;
    expect(rest).toEqual(strictRest);
    // A <meta> policy cannot say frame-ancestors, so the header stays; both are enforced, and the page's
    // <meta> (tests/http/served-headers.test.ts) admits only its own hashed <style> blocks.
    // The visits beacon's loader is the one inline script, admitted by its hash on prerendered pages too.
    expect(staticCsp).toBe(strictCsp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("script-src 'self'", `script-src 'self' '${BEACON_LOADER_HASH}'`));
  });

  it('forbids inline scripts and framing', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
