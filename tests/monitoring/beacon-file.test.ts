import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BEACON_TAG } from '../support/beacon.ts';

const source = readFileSync(new URL('../../public/visitas.js', import.meta.url), 'utf8');
const layout = readFileSync(new URL('../../src/layouts/BaseLayout.astro', import.meta.url), 'utf8');

describe('the visits beacon file', () => {
  it('weighs at most 1 KB gzip', () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(1024);
  });

  it('touches no cookie or storage and sends no credentials', () => {
    expect(source).not.toMatch(/document\.cookie|localStorage|sessionStorage|indexedDB/);
    expect(source).toContain("credentials: 'omit'");
    expect(source).toMatch(/doNotTrack/);
    expect(source).toMatch(/globalPrivacyControl/);
  });

  it('is loaded once, async, by the layout of every indexed page', () => {
    expect(layout.match(/visitas\.js/g)).toHaveLength(1);
    expect(layout).toContain('{!noindex && <script is:inline async src="/visitas.js"></script>}');
    expect(BEACON_TAG).toBe('<script async src="/visitas.js"></script>');
  });
});
