import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/http/headers.ts';

describe('security headers', () => {
  it('netlify.toml sends static files exactly the headers the functions send', () => {
    const config = parse(readFileSync(new URL('../../netlify.toml', import.meta.url), 'utf8')) as { headers: { for: string; values: Record<string, string> }[] };
    const all = config.headers.find((h) => h.for === '/*');
    expect(all?.values).toEqual(SECURITY_HEADERS);
  });

  it('forbids inline scripts and framing', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
