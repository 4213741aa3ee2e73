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

  it('is loaded once, after the first paint, by the layout of every indexed page', () => {
    expect(layout.match(/BEACON_LOADER/g)).toHaveLength(2);
    expect(layout).toContain('{!noindex && <script is:inline data-visitas set:html={BEACON_LOADER} />}');
    // Added once the first paint is reported (or at load where Paint Timing is missing), never before.
    expect(BEACON_TAG).toMatch(/^<script data-visitas>\(function\(\)\{.*s\.src='\/visitas\.js'.*observe\(\{type:'paint',buffered:true\}\);else addEventListener\('load',go\)\}\)\(\)<\/script>$/);
  });
});
