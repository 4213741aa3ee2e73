import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { PAGES } from './page-weight.ts';
import { servedBuild } from './served.ts';
import type { BenchContext } from './types.ts';

// Debian's chromium, as the browser tests use it; no background traffic on a machine without network.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Largest Contentful Paint of every public page as Lighthouse computes it for a phone on slow 4G (its default
 * mobile profile, simulated throttling). Budget: under 1.0 s. Lighthouse's simulation starts from what it
 * observes, so a loaded machine reads slower: compare runs on a quiet one.
 */
export async function benchLcp({ databaseUrl, log }: BenchContext): Promise<void> {
  const server = await servedBuild(databaseUrl);
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    let worst = 0;
    for (const path of PAGES) {
      // Chrome never tells DevTools that the beacon's keepalive POST ended, so Lighthouse would wait its 45 s for
      // a quiet network on every page: the POST (sent after the first paint) is left out of the measurement.
      const run = () =>
        lighthouse(`${server.url}${path}`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json', blockedUrlPatterns: ['*/api/collect'] });
      // Now and then Chrome's trace misses the navigation (Lighthouse's NO_NAVSTART): measure that page again.
      let result = await run();
      if (result?.lhr.runtimeError) result = await run();
      const audits = result!.lhr.audits;
      const lcp = Math.round(audits['largest-contentful-paint'].numericValue ?? NaN);
      const fcp = Math.round(audits['first-contentful-paint'].numericValue ?? NaN);
      worst = Math.max(worst, lcp);
      log(`${path} lcp_ms=${lcp} fcp_ms=${fcp} bytes=${audits['total-byte-weight'].numericValue} ${lcp < 1000 ? 'ok' : 'OVER'}`);
    }
    log(`worst lcp_ms=${worst} budget_ms=1000`);
  } finally {
    chrome.kill();
    server.stop();
  }
}
